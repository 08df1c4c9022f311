"""The situation: a header and the lists of entries. Cross-entry checks are in problems.py."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, TypeVar

from pydantic import Field, field_validator, model_validator

from sitrep.model.base import Count, Entry, HourMinute, Text
from sitrep.model.conflicts import Conflict
from sitrep.model.dates import days_after, days_before
from sitrep.model.entries import (
    Assessment,
    Evacuation,
    FigureEntry,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.report import PastReport, Refresh, next_as_of
from sitrep.model.scalars import Day

FORMAT_VERSION = 2
"""The file format this version of sitrep writes (the top-level ``sitrep:`` key)."""

MAX_REPORT_NUMBER = 999_999
"""Report numbers count the issues of one report: a larger one is a typo."""

Path = tuple[str | int, ...]
"""A location in the file as keys and list indexes, e.g. ('places', 3, 'control', 0)."""

_OFFSET = re.compile(r"^(UTC|GMT)?[+-](0\d|1[0-4]):?[0-5]\d$|^(UTC|GMT|Z)$")


class Header(Entry):
    """What the report is, when it stands, and who made it."""

    title: Text
    region: Text = Field(description="Country or region covered")
    as_of: Day
    as_of_time: HourMinute | None = Field(default=None, description="Local time, HH:MM (24h)")
    timezone: str | None = Field(
        default=None, description="An offset such as UTC+04:30, or an IANA name (Area/City)"
    )
    report_number: Count | None = Field(default=None, le=MAX_REPORT_NUMBER)
    period_start: Day | None = None
    period_end: Day | None = None
    produced_by: str | None = None
    highlights: list[str] = Field(default_factory=list, description="Analyst's own highlights")
    outline: str | None = Field(
        default=None, description="GeoJSON outline for the map, relative to this file"
    )
    refresh: Refresh | None = Field(
        default=None, description="How often each kind of entry should be confirmed, in days"
    )
    past_reports: list[PastReport] = Field(
        default_factory=list, description="Reports already issued, oldest first"
    )

    @field_validator("timezone")
    @classmethod
    def _timezone_is_known(cls, value: str | None) -> str | None:
        if value is None or _OFFSET.match(value):
            return value
        from zoneinfo import available_timezones  # lazy: reads the tz database

        if value not in available_timezones():
            raise ValueError(
                f"unknown time zone {value!r}: use an offset such as UTC+04:30 "
                "or an IANA time-zone name (Area/City)"
            )
        return value

    @model_validator(mode="after")
    def _period_in_order(self) -> Header:
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError("period_start is after period_end: swap them")
        if self.as_of_time is None and self.timezone is not None:
            raise ValueError("a timezone needs an as_of_time")
        return self

    @property
    def period_from(self) -> dt.date:
        """Start of the period covered: the header's, else seven days before as-of."""
        return self.period_start or days_before(self.as_of, 7)

    @property
    def previous(self) -> PastReport | None:
        """The report issued before this one, if the file keeps it."""
        return self.past_reports[-1] if self.past_reports else None

    def next(self, date: dt.date | None = None) -> Header:
        """The header of the next report: number up, dates moved on, highlights kept in history.

        The new period runs from the day after this report's as-of date to the new
        as-of date (the next day unless a date is given).
        """
        as_of = next_as_of(self.as_of, date)
        if as_of <= self.as_of:
            raise ValueError(
                f"the next report must stand after this one ({self.as_of.isoformat()})"
            )
        issued = PastReport(
            report_number=self.report_number,
            as_of=self.as_of,
            period_start=self.period_start,
            period_end=self.period_end,
            highlights=list(self.highlights),
        )
        return self.model_copy(
            update={
                "report_number": (self.report_number or len(self.past_reports) + 1) + 1,
                "as_of": as_of,
                "period_start": min(days_after(self.as_of, 1), as_of),
                "period_end": as_of,
                "highlights": [],
                "past_reports": [*self.past_reports, issued],
            }
        )

    @property
    def period_to(self) -> dt.date:
        """End of the period covered: the header's, else the as-of date."""
        return self.period_end or self.as_of


_PLACE_INDEX = "_sitrep_place_index"
"""Where Situation.place keeps its index of place ids (in the object's __dict__)."""
_SOURCE_INDEX = "_sitrep_source_index"
"""Where Situation.source keeps its index of source ids."""


class Situation(Entry):
    """A whole situation file. Counts and headline figures are derived, never stored."""

    sitrep: Literal[2] = Field(
        default=2, description="File format version, so old files can be migrated"
    )
    header: Header
    parties: list[Party] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    evacuations: list[Evacuation] = Field(default_factory=list)
    figures: list[FigureEntry] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    outlook: list[Assessment] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(
        default_factory=list, description="Merge conflicts not yet resolved (sitrep merge)"
    )

    # -- lookups ---------------------------------------------------------------
    def party(self, party_id: str | None) -> Party | None:
        """The party with this id, if any."""
        for party in self.parties:
            if party.id == party_id:
                return party
        return None

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if any (a dict lookup, as for places: see place)."""
        return _indexed(self, _SOURCE_INDEX, self.sources, source_id)

    def place(self, place_id: str | None) -> Place | None:
        """The place with this id, if any.

        A dict lookup once the index is made: a table column asks this for every
        place (a scan each time took minutes at 10,000 places). The index is kept
        in the object's ``__dict__`` beside its fields (like comments, never
        dumped nor compared) and checked on every hit, since the document replaces
        entries in the list; a miss scans, and rebuilds the index when it finds one.
        """
        if place_id is None:
            return None
        return _indexed(self, _PLACE_INDEX, self.places, place_id)

    def party_name(self, party_id: str | None) -> str:
        """A party's name in running text ('the rebels'); the id when it is not listed."""
        party = self.party(party_id)
        return party.prose if party is not None else str(party_id)

    def allies(self, a: str | None, b: str | None) -> bool:
        """Whether two parties are on one side (a party is its own ally)."""
        if a is None or b is None:
            return False
        if a == b:
            return True
        pa, pb = self.party(a), self.party(b)
        return pa is not None and pb is not None and pa.side_id == pb.side_id


_Item = TypeVar("_Item", Place, Source)


def _indexed(s: Situation, key: str, items: list[_Item], item_id: str) -> _Item | None:
    """The first item with this id: by the index kept under key in s.__dict__, checked on a hit.

    A miss scans the list, and rebuilds the index when the scan finds the item.
    """
    index: dict[str, int] | None = s.__dict__.get(key)
    if index is not None:
        at = index.get(item_id)
        if at is not None and at < len(items) and items[at].id == item_id:
            return items[at]
    found = next((item for item in items if item.id == item_id), None)
    if found is not None:
        fresh: dict[str, int] = {}
        for at, item in enumerate(items):
            fresh.setdefault(item.id, at)
        s.__dict__[key] = fresh
    return found
