"""What the Timeline pane shows, computed from a situation alone (so it can run in a thread).

The chart counts the headline places (the kind the key figures count), as the
SVG timeline does; the list below it has every dated change of every place,
newest first, with the holder before and after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sitrep.app.widgets.marks import control_label, party_name
from sitrep.geo.palette import UNKNOWN_HOLDER_COLOR, party_colors
from sitrep.model.derived.control import controller_before, headline_places
from sitrep.model.derived.history import TimelinePoint, history_span, timeline
from sitrep.model.kinds.places import place_noun
from sitrep.model.situation import Situation

CONTESTED_COLOR = "#8c959f"
"""Contested places: the grey of the SVG timeline."""


@dataclass(frozen=True)
class Series:
    """One band of the chart: a party's held places (or the contested ones), day by day."""

    label: str
    color: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class LogRow:
    """One dated change of control of a place."""

    place_id: str
    place: str
    date: dt.date
    time: str
    before: str
    after: str
    confidence: str
    retracted: dt.date | None

    @property
    def when(self) -> str:
        """The date (and time, when recorded)."""
        return f"{self.date.isoformat()} {self.time}".rstrip()


@dataclass(frozen=True)
class TimelineData:
    """The chart's bands and the list of changes (empty when no place's control is stated)."""

    noun: str
    total: int
    days: tuple[dt.date, ...]
    series: tuple[Series, ...]
    changes: tuple[LogRow, ...]

    @property
    def empty(self) -> bool:
        """Nothing to chart and nothing to list."""
        return not self.days and not self.changes


def timeline_data(s: Situation) -> TimelineData:
    """The chart of the headline places over their history, and every change, newest first."""
    kind, places = headline_places(s)
    changes = tuple(change_log(s))
    if not places:
        return TimelineData("places", 0, (), (), changes)
    start, end = history_span(s, places)
    points = timeline(s, places, start, end)
    return TimelineData(
        place_noun(kind, len(places)),
        len(places),
        tuple(p.day for p in points),
        tuple(_series(s, points)),
        changes,
    )


def _series(s: Situation, points: list[TimelinePoint]) -> list[Series]:
    if not points:
        return []
    colors = party_colors(s)
    peak: dict[str, int] = {}
    for point in points:
        for party, n in point.held.items():
            peak[party] = max(peak.get(party, 0), n)
    last = points[-1].held
    order = sorted(peak, key=lambda p: (-last.get(p, 0), -peak[p], p))
    bands = [
        Series(
            party_name(s, party),
            colors.get(party, UNKNOWN_HOLDER_COLOR),
            tuple(p.held.get(party, 0) for p in points),
        )
        for party in order
    ]
    if any(p.contested for p in points):
        bands.append(Series("contested", CONTESTED_COLOR, tuple(p.contested for p in points)))
    return bands


def change_log(s: Situation) -> list[LogRow]:
    """Every dated change of control, newest first (then by place)."""
    rows: list[LogRow] = []
    for place in s.places:
        for change in reversed(place.control):  # a place's latest first on one day
            if change.date is None:
                continue
            before = controller_before(place, change)
            rows.append(
                LogRow(
                    place.id,
                    place.name,
                    change.date,
                    change.time or "",
                    party_name(s, before) if before else "—",
                    control_label(s, change) or "—",
                    change.confidence,
                    change.retracted,
                )
            )
    rows.sort(key=lambda r: r.place.casefold())
    rows.sort(key=lambda r: (r.date, r.time), reverse=True)  # stable: places stay A to Z
    return rows
