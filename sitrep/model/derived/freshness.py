"""How fresh each entry is: up to date, due or overdue, as HDX marks its datasets.

A situation may say how often each kind of entry should be confirmed again
(``header.refresh``, in days). An entry was last confirmed on the latest of its
own dates (a place's last change of control, an evacuation's announcement or
embassy date, a figure's latest value) and its ``checked`` date. It is due once
that many days have passed since, and overdue once twice that many have.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from sitrep.model.entries import Evacuation, FigureEntry, Place
from sitrep.model.sections import Section
from sitrep.model.situation import Situation

Freshness = Literal["up_to_date", "due", "overdue", "unknown"]
REFRESHED: tuple[Section, ...] = ("places", "evacuations", "figures")
"""The sections whose entries have a refresh rate."""


@dataclass(frozen=True)
class Fresh:
    """One entry's freshness on a day."""

    section: Section
    index: int
    entry: BaseModel
    confirmed: dt.date | None
    every: int
    state: Freshness
    age: int | None
    """Days since it was last confirmed (None when never)."""


def last_confirmed(entry: BaseModel) -> dt.date | None:
    """The latest date the entry was confirmed on (None when it has none)."""
    dates: list[dt.date | None] = [getattr(entry, "checked", None)]
    if isinstance(entry, Place):
        dates += [c.date for c in entry.control if c.retracted is None]
    elif isinstance(entry, Evacuation):
        dates += [entry.announced, entry.embassy_since]
    elif isinstance(entry, FigureEntry):
        dates += [entry.latest.as_of.last]
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def state_of(confirmed: dt.date | None, every: int, day: dt.date) -> Freshness:
    """up_to_date within `every` days of being confirmed, due after, overdue after twice that."""
    if confirmed is None:
        return "unknown"
    age = (day - confirmed).days
    if age <= every:
        return "up_to_date"
    return "due" if age <= 2 * every else "overdue"


def freshness(s: Situation, day: dt.date | None = None) -> Iterator[Fresh]:
    """Every entry with a refresh rate, and how fresh it is on day (the report's as-of date)."""
    refresh = s.header.refresh
    if refresh is None:
        return
    day = day or s.header.as_of
    for section in REFRESHED:
        every = getattr(refresh, section)
        if every is None:
            continue
        for i, entry in enumerate(getattr(s, section)):
            if isinstance(entry, Place) and not entry.control:
                continue  # nothing stated about it to confirm
            confirmed = last_confirmed(entry)
            age = None if confirmed is None else (day - confirmed).days
            yield Fresh(section, i, entry, confirmed, every, state_of(confirmed, every, day), age)


def stale(s: Situation, day: dt.date | None = None) -> list[Fresh]:
    """The entries that are due or overdue (or never confirmed), in file order."""
    return [f for f in freshness(s, day) if f.state != "up_to_date"]
