"""Version 1 entries (frozen): parties, sources, places, evacuations, figures, notes.

Field order here is the key order in the YAML file, so keep it stable: a new
optional field goes at the end of its model.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sitrep.model.scalars import Day, Flag, Number
from sitrep.model.v1.figure import FigureField

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80),
]
"""A short identifier: letters, digits, '-', '_' and '.', starting with a letter or digit."""

Text = Annotated[str, StringConstraints(min_length=1)]
"""Non-empty text."""

SourceKind = Literal["official", "party_statement", "media", "un_ngo"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
Control = Literal["controlled", "contested"]
Confidence = Literal["confirmed", "reported", "claimed"]
HowChanged = Literal["fighting", "negotiated", "withdrawal", "unknown"]
EmbassyStatus = Literal["unknown", "open", "reduced", "temporarily_closed", "closed", "relocated"]
Unit = Literal["people", "households"]
Measure = Literal["stock", "new"]
OutlookKind = Literal["forecast", "assessment"]


class Entry(BaseModel):
    """Base of every model in the file: unknown keys are errors, values are re-checked."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        frozen=False,
        str_strip_whitespace=False,
    )


class Party(Entry):
    """Someone who can hold ground (a government, an armed group)."""

    id: Id
    name: Text
    short: str | None = Field(default=None, description="Short name for narrow columns")


class Source(Entry):
    """Where a fact comes from. Entries cite sources by id."""

    id: Id
    publisher: Text
    title: str | None = None
    url: str | None = None
    kind: SourceKind = "media"
    reliability: Reliability | None = Field(
        default=None, description="Admiralty source reliability grade, A (reliable) to F"
    )
    published: Day | None = None
    note: str | None = None


class Place(Entry):
    """One place on the territorial map (in the sample: a province and its capital)."""

    id: Id
    name: Text
    capital: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Other spellings")
    iso: str | None = Field(default=None, description="ISO 3166-2 code, e.g. AF-KAN")
    pcode: str | None = Field(default=None, description="OCHA p-code, e.g. AF27")
    lat: Number | None = Field(default=None, ge=-90, le=90)
    lon: Number | None = Field(default=None, ge=-180, le=180)
    holder: Id = Field(description="Id of the party that holds the place")
    control: Control = "controlled"
    confidence: Confidence = "confirmed"
    according_to: str | None = Field(
        default=None, description="Who reports or claims the control (for reported/claimed)"
    )
    since: Day | None = None
    how: HowChanged = "unknown"
    seat_of_government: Flag = False
    sources: list[Id] = Field(default_factory=list)
    note: str | None = None

    @property
    def label(self) -> str:
        """The capital's name when there is one, else the place's name."""
        return self.capital or self.name


class Evacuation(Entry):
    """One country's evacuation commitment."""

    country: Text
    troops: FigureField | None = None
    purpose: str | None = None
    embassy: EmbassyStatus = Field(
        default="unknown", description="Embassy status; 'unknown' until a source says"
    )
    wording: str | None = Field(default=None, description="The official wording, quoted")
    announced: Day | None = None
    sources: list[Id] = Field(default_factory=list)
    note: str | None = None


class Displacement(Entry):
    """A displacement figure with its own scope; never summed across scopes."""

    id: Id
    counted: Text = Field(description="What is counted: IDPs, refugees, returnees, arrivals...")
    figure: FigureField
    unit: Unit = "people"
    measure: Measure = "stock"
    area: Text = Field(description="Where the count applies")
    since: Day | None = Field(default=None, description="Start of the counted period")
    as_of: Day
    sources: list[Id] = Field(default_factory=list)
    note: str | None = None

    @property
    def scope(self) -> tuple[str, str, str, str, dt.date | None]:
        """What makes two figures comparable: same thing, unit, measure, area, period."""
        return (self.counted.lower(), self.unit, self.measure, self.area.lower(), self.since)


class Note(Entry):
    """A dated humanitarian note."""

    date: Day
    text: Text
    sector: str | None = None
    tags: list[str] = Field(default_factory=list)
    sources: list[Id] = Field(default_factory=list)


class Assessment(Entry):
    """An outlook item: a forecast or assessment, kept apart from facts."""

    statement: Text
    by: Text = Field(description="Who made the assessment")
    kind: OutlookKind = "forecast"
    horizon: str | None = Field(default=None, description="e.g. '30 to 90 days'")
    made_on: Day | None = None
    sources: list[Id] = Field(default_factory=list)
