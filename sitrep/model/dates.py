"""Dates that may be approximate or unknown, as figures' as-of dates often are."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

Precision = Literal["day", "month", "year", "unknown"]
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True, slots=True, order=False)
class FuzzyDate:
    """A day, a month, a year, 'about' one of those, or unknown."""

    first: dt.date | None
    """The earliest day it can mean (None when unknown)."""
    precision: Precision
    about: bool = False

    @classmethod
    def parse(cls, value: Any) -> FuzzyDate:
        """Read 2021-08-08, 2021-08, 2021, 'about 2021-08-08' or 'unknown'."""
        if isinstance(value, FuzzyDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("write a date without a time, e.g. 2021-08-08")
        if isinstance(value, dt.date):
            return cls(value, "day")
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
            return cls(dt.date(value, 1, 1), "year")
        if not isinstance(value, str):
            raise ValueError(_HINT)
        text = " ".join(value.split()).lower()
        if text in ("unknown", "undated"):
            return cls(None, "unknown")
        about = text.startswith(("about ", "around ", "c. ", "circa "))
        if about:
            text = text.split(" ", 1)[1]
        parsed = _precise(text)
        return cls(parsed.first, parsed.precision, about)

    @property
    def key(self) -> dt.date:
        """For sorting: unknown dates come first."""
        return self.first or dt.date.min

    @property
    def last(self) -> dt.date | None:
        """The latest day it can mean."""
        if self.first is None:
            return None
        if self.precision == "year":
            return dt.date(self.first.year, 12, 31)
        if self.precision == "month":
            year, month = self.first.year, self.first.month
            if month == 12:
                return dt.date(year, 12, 31)
            return dt.date(year, month + 1, 1) - dt.timedelta(days=1)
        return self.first

    def to_yaml(self) -> dt.date | str:
        """A plain date when exact to the day, else the canonical phrase."""
        if self.precision == "day" and not self.about:
            assert self.first is not None
            return self.first
        return self.iso

    @property
    def iso(self) -> str:
        """'2021-08-08', '2021-08', '2021', 'about 2021-08', 'unknown'."""
        if self.first is None:
            return "unknown"
        text = {
            "day": self.first.isoformat(),
            "month": self.first.isoformat()[:7],
            "year": f"{self.first.year:04d}",
        }[self.precision]
        return f"about {text}" if self.about else text

    def __str__(self) -> str:
        """'8 Aug 2021', 'Aug 2021', '2021', 'about Aug 2021', 'date unknown'."""
        if self.first is None:
            return "date unknown"
        d = self.first
        text = {
            "day": f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
            "month": f"{_MONTHS[d.month - 1]} {d.year}",
            "year": str(d.year),
        }[self.precision]
        return f"about {text}" if self.about else text


_HINT = (
    "write a date as YYYY-MM-DD (e.g. 2021-08-08), a month as YYYY-MM, a year as YYYY, "
    "'about 2021-08-08', or 'unknown'"
)


def _precise(text: str) -> FuzzyDate:
    try:
        return FuzzyDate(dt.date.fromisoformat(text), "day")
    except ValueError:
        pass
    month = _MONTH.match(text)
    if month and 1 <= int(month.group(2)) <= 12 and int(month.group(1)) >= 1:
        return FuzzyDate(dt.date(int(month.group(1)), int(month.group(2)), 1), "month")
    year = _YEAR.match(text)
    if year and int(year.group(1)) >= 1:
        return FuzzyDate(dt.date(int(year.group(1)), 1, 1), "year")
    raise ValueError(_HINT)


def _validate(value: Any) -> FuzzyDate:
    return FuzzyDate.parse(value)


FuzzyDateField = Annotated[
    FuzzyDate,
    PlainValidator(_validate),
    PlainSerializer(lambda d: d.to_yaml(), return_type=dt.date | str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^(about )?\d{4}(-\d{2}(-\d{2})?)?$|^unknown$"},
            ]
        }
    ),
]
"""A pydantic field for dates that may be approximate or unknown."""


def days_before(day: dt.date, days: int) -> dt.date:
    """day minus days, stopping at the first day of year 1 (never an OverflowError)."""
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min


def days_after(day: dt.date, days: int) -> dt.date:
    """day plus days, stopping at the last day of year 9999."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max
