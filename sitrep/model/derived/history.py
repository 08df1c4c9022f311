"""The situation as it stood on a date, and control over time, from the histories in the file.

``situation_on(s, day)`` keeps only what was known on that day: changes of
control up to it (a claim retracted later still stands then), figure values as
of it, evacuations announced by it, notes and outlook items made by it. Every
derived figure (the counts, the seat line, the brief, the map) then works on it
unchanged, so "the situation on 10 August" is said with the same words as today's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

from sitrep.model.dates import days_before
from sitrep.model.derived.control import change_on
from sitrep.model.entries import ControlChange, Evacuation, FigureEntry, Party, Place
from sitrep.model.situation import Header, Situation


def situation_on(s: Situation, day: dt.date) -> Situation:
    """What the file knew of the situation on day (a new object; s is left as it is)."""
    if day >= s.header.as_of:
        return s
    return s.model_copy(
        update={
            "header": _header_on(s.header, day),
            "parties": [_party_on(p, day) for p in s.parties],
            "places": [_place_on(p, day) for p in s.places],
            "evacuations": [e for e in (_evacuation_on(e, day) for e in s.evacuations) if e],
            "figures": [f for f in (_figure_on(f, day) for f in s.figures) if f],
            "notes": [n for n in s.notes if n.date <= day],
            "outlook": [o for o in s.outlook if o.made_on is None or o.made_on <= day],
        }
    )


def _header_on(h: Header, day: dt.date) -> Header:
    past = [r for r in h.past_reports if r.as_of <= day]
    issued = past[-1] if past and past[-1].as_of == day else None
    start = h.period_start if h.period_start is not None and h.period_start <= day else None
    return h.model_copy(
        update={
            "as_of": day,
            "as_of_time": None,
            "timezone": None,
            "report_number": issued.report_number if issued else None,
            "period_start": issued.period_start if issued else start,
            "period_end": issued.period_end if issued else None,
            "highlights": list(issued.highlights) if issued else [],
            "past_reports": past[:-1] if issued else past,
        }
    )


def _party_on(p: Party, day: dt.date) -> Party:
    if p.status != "active" and p.status_since is not None and p.status_since > day:
        return p.model_copy(update={"status": "active", "status_since": None, "merged_into": None})
    return p


def _place_on(p: Place, day: dt.date) -> Place:
    kept: list[ControlChange] = []
    for change in p.control:
        if change.date is not None and change.date > day:
            continue
        if change.retracted is not None and change.retracted > day:
            change = change.model_copy(update={"retracted": None, "retracted_note": None})
        kept.append(change)
    checked = p.checked if p.checked is not None and p.checked <= day else None
    if len(kept) == len(p.control) and checked == p.checked and kept == p.control:
        return p
    return p.model_copy(update={"control": kept, "checked": checked})


def _evacuation_on(e: Evacuation, day: dt.date) -> Evacuation | None:
    if e.announced is not None and e.announced > day:
        return None
    if e.embassy_since is not None and e.embassy_since > day:
        # What the embassy's status was before that date is not recorded.
        return e.model_copy(
            update={"embassy": "unknown", "embassy_since": None, "embassy_sources": []}
        )
    return e


def _figure_on(f: FigureEntry, day: dt.date) -> FigureEntry | None:
    points = []
    for point in f.series:
        first = point.as_of.first
        if first is not None and first > day:
            continue
        if point.retracted is not None and point.retracted > day:
            point = point.model_copy(update={"retracted": None})
        points.append(point)
    if not points:
        return None
    return f.model_copy(update={"series": points, "checked": None})


@dataclass(frozen=True)
class TimelinePoint:
    """Places held by each party (by id) on one day."""

    day: dt.date
    held: dict[str, int]
    contested: int


def timeline(
    s: Situation, places: list[Place], start: dt.date, end: dt.date
) -> list[TimelinePoint]:
    """Each day from start to end, how many of these places each party held.

    A place's control changes only on the dates of its changes and retractions, so
    it is looked up once per span between them, not once per day: 10,000 places
    with ten changes each over a year take a fraction of a second.
    """
    if end < start:
        return []
    count = (end - start).days + 1
    held: dict[str, list[int]] = {}
    contested = [0] * (count + 1)
    for place in places:
        cuts = {0}
        for change in place.control:
            for day in (change.date, change.retracted):
                if day is not None and start < day <= end:
                    cuts.add((day - start).days)
        edges = [*sorted(cuts), count]
        for a, b in pairwise(edges):
            current = change_on(place, start + dt.timedelta(days=a))
            if current is None:
                continue
            if current.state == "contested":
                diff = contested
            elif current.controller is not None:
                diff = held.setdefault(current.controller, [0] * (count + 1))
            else:
                continue
            diff[a] += 1
            diff[b] -= 1
    running = dict.fromkeys(held, 0)
    fighting = 0
    points: list[TimelinePoint] = []
    for i in range(count):
        for party, diff in held.items():
            running[party] += diff[i]
        fighting += contested[i]
        day = start + dt.timedelta(days=i)
        points.append(TimelinePoint(day, {p: n for p, n in running.items() if n}, fighting))
    return points


def history_span(s: Situation, places: list[Place]) -> tuple[dt.date, dt.date]:
    """From the first dated change of these places (at most a year back) to the as-of date."""
    end = s.header.as_of
    dates = [c.date for p in places for c in p.control if c.date is not None and c.date <= end]
    start = min(dates) if dates else s.header.period_from
    return max(start, days_before(end, 366), dt.date.min), end
