"""Reports over time: the next report, the reports before it, how fresh each entry is.

An analyst keeps one situation for weeks and issues a report every day. The
header keeps the reports already issued (number, date, period and the analyst's
own highlights), so "changes since report N" comes from the file itself.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from sitrep.model.base import Count, Entry
from sitrep.model.dates import days_after
from sitrep.model.scalars import Day


class PastReport(Entry):
    """A report already issued from this situation."""

    report_number: Count | None = None
    as_of: Day
    period_start: Day | None = None
    period_end: Day | None = None
    highlights: list[str] = Field(default_factory=list)


class Refresh(Entry):
    """How often each kind of entry should be confirmed again, in days (HDX's update frequency)."""

    places: Count | None = None
    evacuations: Count | None = None
    figures: Count | None = None


def next_as_of(as_of: dt.date, date: dt.date | None) -> dt.date:
    """The next report's date: the one given, else the day after."""
    return date if date is not None else days_after(as_of, 1)
