"""A version 1 situation (frozen): the header, the lists of entries, the checks across them."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from sitrep.model.dates import days_before
from sitrep.model.scalars import Day, WholeNumber
from sitrep.model.v1.entries import (
    Assessment,
    Displacement,
    Entry,
    Evacuation,
    Note,
    Party,
    Place,
    Source,
    Text,
)

Path = tuple[str | int, ...]
"""A location in the file as keys and list indexes, e.g. ('territory', 3, 'holder')."""

MAX_PROBLEMS = 200
"""At most this many cross-entry problems are reported (a hostile file may have millions)."""

MAX_REPORT_NUMBER = 999_999
"""Report numbers count issues of one report: a larger one is a typo."""

SUGGEST_AMONG = 1000
"""'Did you mean' is only worked out among this many ids (difflib is quadratic)."""

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_OFFSET = re.compile(r"^(UTC|GMT)?[+-](0\d|1[0-4]):?[0-5]\d$|^(UTC|GMT|Z)$")


class Header(Entry):
    """What the report is, when it stands, and who made it."""

    title: Text
    region: Text = Field(description="Country or region covered")
    as_of: Day
    as_of_time: str | None = Field(default=None, description="Local time, HH:MM (24h)")
    timezone: str | None = Field(default=None, description="e.g. UTC+04:30 or Asia/Kabul")
    report_number: WholeNumber | None = Field(default=None, ge=1, le=MAX_REPORT_NUMBER)
    period_start: Day | None = None
    period_end: Day | None = None
    produced_by: str | None = None
    highlights: list[str] = Field(default_factory=list, description="Analyst's own highlights")
    outline: str | None = Field(
        default=None, description="GeoJSON outline for the map, relative to this file"
    )

    @field_validator("as_of_time")
    @classmethod
    def _time_is_hh_mm(cls, value: str | None) -> str | None:
        if value is not None and not _TIME.match(value):
            raise ValueError("as_of_time must be a 24-hour time such as 18:30")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone_is_known(cls, value: str | None) -> str | None:
        if value is None or _OFFSET.match(value):
            return value
        from zoneinfo import available_timezones  # lazy: reads the tz database

        if value not in available_timezones():
            raise ValueError(
                f"unknown time zone {value!r}: use an offset such as UTC+04:30 "
                "or a name such as Asia/Kabul"
            )
        return value

    @model_validator(mode="after")
    def _period_in_order(self) -> Header:
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError("period_start is after period_end")
        if self.as_of_time is None and self.timezone is not None:
            raise ValueError("a timezone needs an as_of_time")
        return self

    @property
    def period_from(self) -> dt.date:
        """Start of the period covered: the header's, else seven days before as-of."""
        return self.period_start or days_before(self.as_of, 7)


class Situation(Entry):
    """A whole situation file. Counts and headline figures are derived, never stored."""

    sitrep: Literal[1] = Field(
        default=1, description="File format version, so old files can be migrated"
    )
    header: Header
    parties: list[Party] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    territory: list[Place] = Field(default_factory=list)
    evacuations: list[Evacuation] = Field(default_factory=list)
    displacement: list[Displacement] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    outlook: list[Assessment] = Field(default_factory=list)

    @field_validator("sitrep", mode="before")
    @classmethod
    def _version_is_written_as_a_whole_number(cls, value: object) -> object:
        if type(value) is not int:  # 1.0, "1" and true all equal 1 to Literal[1]
            raise PydanticCustomError(
                "literal_error", "should be {version}, written as a whole number", {"version": 1}
            )
        return value

    # -- lookups ---------------------------------------------------------------
    def party(self, party_id: str) -> Party | None:
        """The party with this id, if any."""
        return next((p for p in self.parties if p.id == party_id), None)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if any."""
        return next((s for s in self.sources if s.id == source_id), None)

    def seat_of_government(self) -> Place | None:
        """The place marked as the seat of government, if one is."""
        return next((p for p in self.territory if p.seat_of_government), None)

    # -- checks across entries ---------------------------------------------------
    def problems(self) -> list[tuple[Path, str]]:
        """Cross-entry errors: unknown references, duplicate ids, two seats of government.

        Each is returned with the path of the offending value, so the loader can
        point at its line and column.
        """
        return self.problems_and_more()[0]

    def problems_and_more(self) -> tuple[list[tuple[Path, str]], int]:
        """The first MAX_PROBLEMS cross-entry errors, and how many more there are."""
        found = _reference_problems(self)
        first = list(itertools.islice(found, MAX_PROBLEMS))
        return first, sum(1 for _ in found)


def _reference_problems(s: Situation) -> Iterator[tuple[Path, str]]:
    party_ids = {p.id for p in s.parties}
    source_ids = {x.id for x in s.sources}
    yield from _duplicates("parties", [p.id for p in s.parties], "id", "party id")
    yield from _duplicates("sources", [x.id for x in s.sources], "id", "source id")
    yield from _duplicates("territory", [p.id for p in s.territory], "id", "place id")
    yield from _duplicates(
        "evacuations", [e.country.casefold() for e in s.evacuations], "country", "country"
    )
    yield from _duplicates("displacement", [d.id for d in s.displacement], "id", "figure id")
    seats = [i for i, p in enumerate(s.territory) if p.seat_of_government]
    for i in seats[1:]:
        yield (
            ("territory", i, "seat_of_government"),
            f"only one place can be the seat of government ({s.territory[seats[0]].name} is)",
        )
    for i, place in enumerate(s.territory):
        if place.holder not in party_ids:
            yield (("territory", i, "holder"), _unknown("party", place.holder, party_ids))
        if (place.lat is None) != (place.lon is None):
            yield (("territory", i, "lat" if place.lat is None else "lon"), "give both lat and lon")
    for section in ("territory", "evacuations", "displacement", "notes", "outlook"):
        for i, entry in enumerate(getattr(s, section)):
            for j, ref in enumerate(entry.sources):
                if ref not in source_ids:
                    yield ((section, i, "sources", j), _unknown("source", ref, source_ids))


def _duplicates(section: str, keys: list[str], field: str, what: str) -> Iterator[tuple[Path, str]]:
    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in seen:
            yield (
                (section, i, field),
                f"duplicate {what} {key!r} (first used in entry {seen[key] + 1})",
            )
        else:
            seen[key] = i


def _unknown(what: str, ref: str, known: set[str]) -> str:
    import difflib

    message = f"unknown {what} {ref!r}"
    few = len(known) <= SUGGEST_AMONG
    close = difflib.get_close_matches(ref, sorted(known), n=1) if few else []
    if close:
        message += f"; did you mean {close[0]!r}?"
    elif not known:
        message += (
            f" (no {what} is defined: add it under {(what == 'party' and 'parties') or 'sources'})"
        )
    return message
