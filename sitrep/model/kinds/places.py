"""Places and their control history.

A place is anything on the map: a country, a province, a city, an airport. Its
``control`` is a history of changes, oldest first; who holds it now (or at any
date) is derived from the history, never typed twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from sitrep.model.base import Confidence, Entry, HourMinute, Id, Latitude, Longitude, Text
from sitrep.model.scalars import Day

PlaceKind = Literal[
    "country",
    "region",
    "province",
    "district",
    "city",
    "town",
    "village",
    "site",
    "airport",
    "base",
    "crossing",
    "palace",
    "other",
]
ControlState = Literal["controlled", "contested", "besieged", "encircled", "partial", "unclear"]
HowChanged = Literal["fighting", "negotiated", "withdrawal", "surrender", "unknown"]
ControlEvent = Literal["nsa_overtakes", "government_regains", "non_violent_transfer"]
"""ACLED's strategic-development event types for changes of territory."""

PLACE_NOUNS: dict[str, tuple[str, str]] = {
    "country": ("country", "countries"),
    "region": ("region", "regions"),
    "province": ("province", "provinces"),
    "district": ("district", "districts"),
    "city": ("city", "cities"),
    "town": ("town", "towns"),
    "village": ("village", "villages"),
    "site": ("site", "sites"),
    "airport": ("airport", "airports"),
    "base": ("base", "bases"),
    "crossing": ("crossing", "crossings"),
    "palace": ("palace", "palaces"),
    "other": ("place", "places"),
}
"""Each kind of place in words, one and many ("other" places are just "places")."""


def place_noun(kind: str, count: int) -> str:
    """The kind's noun for count places: 'province', 'cities', 'places'."""
    one, many = PLACE_NOUNS.get(kind, ("place", "places"))
    return one if count == 1 else many


HELD: frozenset[str] = frozenset({"controlled", "partial", "besieged", "encircled"})
"""States in which one party holds the place (or its main part), if under pressure."""


class ControlChange(Entry):
    """From a date on, this is the control of the place."""

    date: Day | None = Field(
        default=None, description="When it began; only the first change may leave it out"
    )
    time: HourMinute | None = None
    state: ControlState = "controlled"
    holder: Id | None = Field(default=None, description="Who holds it (or its main part)")
    parties: list[Id] = Field(
        default_factory=list, description="Contested: between whom; partial: who else holds parts"
    )
    by: list[Id] = Field(default_factory=list, description="Besieged or encircled: by whom")
    share: str | None = Field(default=None, description="Partial: who holds what, in words")
    how: HowChanged = "unknown"
    event: ControlEvent | None = None
    confidence: Confidence = "confirmed"
    according_to: str | None = Field(
        default=None, description="Who reports or claims it (for reported/claimed)"
    )
    sources: list[Id] = Field(default_factory=list)
    retracted: Day | None = Field(
        default=None, description="The claim proved false on this date: kept, no longer counted"
    )
    retracted_note: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _state_is_complete(self) -> ControlChange:
        state = self.state
        if state in HELD and self.holder is None:
            raise ValueError(f"a {state} place needs a holder (a party id)")
        if state in ("contested", "unclear") and self.holder is not None:
            raise ValueError(
                f"a {state} place has no single holder: name the parties in 'parties' instead"
            )
        if state == "contested" and not self.parties:
            raise ValueError("a contested place needs 'parties': who is fighting for it")
        if state in ("besieged", "encircled") and not self.by:
            raise ValueError(f"a {state} place needs 'by': who besieges or encircles it")
        if state not in ("besieged", "encircled") and self.by:
            raise ValueError("'by' is only for a besieged or encircled place")
        if self.time is not None and self.date is None:
            raise ValueError("a time needs a date")
        if self.retracted is not None and self.date is not None and self.retracted < self.date:
            raise ValueError("retracted is before the change's own date")
        return self

    @property
    def controller(self) -> str | None:
        """The party that holds the place in this state (None when contested or unclear)."""
        return self.holder if self.state in HELD else None

    def active_on(self, day: dt.date | None) -> bool:
        """Whether this change is in force on day (None: as it stands, retractions counted)."""
        if self.date is not None and day is not None and self.date > day:
            return False
        return self.retracted is None or (day is not None and self.retracted > day)

    def involved(self) -> list[str]:
        """Every party this change names."""
        named = [self.holder] if self.holder else []
        return [*named, *self.parties, *self.by]


class Place(Entry):
    """One place on the map, of any kind and level."""

    id: Id
    name: Text
    kind: PlaceKind = "other"
    within: Id | None = Field(default=None, description="Id of the place this one is part of")
    capital: str | None = Field(default=None, description="Its main town, when it is an area")
    aliases: list[str] = Field(default_factory=list, description="Other spellings")
    iso: str | None = Field(default=None, description="ISO 3166 code, e.g. XX-ABC")
    pcode: str | None = Field(default=None, description="OCHA p-code, e.g. XX27")
    lat: Latitude | None = None
    lon: Longitude | None = None
    control: list[ControlChange] = Field(
        default_factory=list, description="Control history, oldest first"
    )
    sources: list[Id] = Field(default_factory=list, description="About the place itself")
    checked: Day | None = Field(
        default=None, description="When its control was last confirmed, if later than a change"
    )
    note: str | None = None

    @property
    def label(self) -> str:
        """The capital's name when there is one, else the place's name."""
        return self.capital or self.name

    def change_on(self, day: dt.date | None = None) -> ControlChange | None:
        """The control in force on day (None: the latest not retracted), if any is known."""
        for change in reversed(self.control):
            if change.active_on(day):
                return change
        return None

    def previous_change(self, change: ControlChange) -> ControlChange | None:
        """The change in force just before this one began."""
        index = next(i for i, c in enumerate(self.control) if c is change)
        day = change.date
        for earlier in reversed(self.control[:index]):
            if earlier.retracted is None or (day is not None and earlier.retracted > day):
                return earlier
        return None

    @property
    def current(self) -> ControlChange | None:
        """The control as it stands (the latest change not retracted)."""
        return self.change_on(None)

    @property
    def holder(self) -> str | None:
        """Who holds the place now (None when contested, unclear or not known)."""
        current = self.current
        return current.controller if current is not None else None

    @property
    def state(self) -> ControlState | None:
        """The control state now (None when no control is recorded)."""
        current = self.current
        return current.state if current is not None else None

    @property
    def since(self) -> dt.date | None:
        """When the current control began (None when not known)."""
        current = self.current
        return current.date if current is not None else None
