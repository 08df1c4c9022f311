"""Figure entries: counts of people displaced, killed, in need, reached; money asked and given.

One kind of entry with a topic, each with its own scope (what is counted, in
which unit, where, over which period). A figure keeps its series: a new value
of the same scope is a new point, not an overwrite. Figures of different scopes
are never summed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from sitrep.model.base import Entry, Id, Text
from sitrep.model.dates import FuzzyDateField
from sitrep.model.numbers.figure import FigureField
from sitrep.model.scalars import Day

Topic = Literal["displacement", "casualties", "need", "assistance", "funding", "other"]
Measure = Literal["stock", "new"]
Unit = Annotated[
    str,
    StringConstraints(pattern=r"^(people|households|percent|km2|[A-Z]{3})$"),
    Field(description="people, households, percent, km2, or a currency code such as USD"),
]
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class FigurePoint(Entry):
    """One value of a figure, as of a date."""

    as_of: FuzzyDateField = Field(description="YYYY-MM-DD, YYYY-MM, YYYY, 'about ...' or unknown")
    value: FigureField
    sources: list[Id] = Field(default_factory=list)
    retracted: Day | None = Field(
        default=None, description="Withdrawn by its source on this date: kept, no longer used"
    )
    note: str | None = None

    def active_on(self, day: dt.date | None) -> bool:
        """Whether this value stands on day (None: as it stands, withdrawals counted)."""
        first = self.as_of.first
        if day is not None and first is not None and first > day:
            return False
        return self.retracted is None or (day is not None and self.retracted > day)


class FigureEntry(Entry):
    """A counted quantity with its scope, and its values over time."""

    id: Id
    topic: Topic = "other"
    counted: Text = Field(description="What is counted: IDPs, refugees, killed, people in need...")
    unit: Unit = "people"
    measure: Measure = "stock"
    area: Text = Field(description="Where the count applies")
    place: Id | None = Field(default=None, description="Id of the place it counts, if listed")
    since: Day | None = Field(default=None, description="Start of the counted period")
    counted_by: str | None = Field(default=None, description="Who counted")
    series: list[FigurePoint] = Field(min_length=1, description="Values, oldest first")
    checked: Day | None = Field(
        default=None, description="When the latest value was last confirmed, if later"
    )
    note: str | None = None

    @model_validator(mode="after")
    def _series_in_order(self) -> FigureEntry:
        keys = [point.as_of.key for point in self.series]
        if keys != sorted(keys):
            raise ValueError("the series must run oldest first (by as_of)")
        return self

    @property
    def latest(self) -> FigurePoint:
        """The current value: the last point not withdrawn (else the last point)."""
        return self.point_on(None) or self.series[-1]

    def point_on(self, day: dt.date | None) -> FigurePoint | None:
        """The latest point standing on day (None: as it stands), if any."""
        for point in reversed(self.series):
            if point.active_on(day):
                return point
        return None

    @property
    def sources(self) -> list[str]:
        """Every source its points cite, each once."""
        return list(dict.fromkeys(ref for point in self.series for ref in point.sources))

    @property
    def is_money(self) -> bool:
        """Whether the unit is a currency."""
        return bool(_CURRENCY.match(self.unit))

    @property
    def scope(self) -> tuple[str, str, str, str, str, dt.date | None]:
        """What makes two figures comparable: topic, thing, unit, measure, area, period."""
        return (
            self.topic,
            self.counted.lower(),
            self.unit,
            self.measure,
            self.area.lower(),
            self.since,
        )
