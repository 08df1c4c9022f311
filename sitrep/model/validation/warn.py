"""Warnings: things that are allowed but probably wrong, or promises not kept.

``sitrep check`` prints them and still passes (``--strict`` makes them errors);
the TUI marks the entries. Each warning carries the path of what it is about.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from pydantic import BaseModel

from sitrep.model.kinds.places import Place
from sitrep.model.refs import has_reference
from sitrep.model.sections import FACTS, SECTION
from sitrep.model.situation import Situation
from sitrep.model.validation.problems import Finding

FAR_DEGREES = 8.0
"""A coordinate this many spreads (at least MIN_SPREAD degrees) from the middle is an outlier."""
MIN_SPREAD = 2.0


def warnings(s: Situation) -> list[Finding]:
    """Every warning, in file order."""
    return [*_dates(s), *_coordinates(s), *_unsourced(s)]


def _dates(s: Situation) -> Iterator[Finding]:
    h = s.header
    if h.period_end is not None and h.as_of < h.period_end:
        yield Finding(
            ("header", "as_of"),
            f"as_of ({h.as_of}) is before period_end ({h.period_end}): the report cannot "
            "cover days after it stands",
        )
    for i, place in enumerate(s.places):
        for j, change in enumerate(place.control):
            if change.date is not None and change.date > h.as_of:
                yield Finding(
                    ("places", i, "control", j, "date"),
                    f"a change dated {change.date}, after the report's as_of ({h.as_of})",
                )
    for i, figure in enumerate(s.figures):
        for j, point in enumerate(figure.series):
            first = point.as_of.first
            if first is not None and first > h.as_of:
                yield Finding(
                    ("figures", i, "series", j, "as_of"),
                    f"a value as of {point.as_of.iso}, after the report's as_of ({h.as_of})",
                )


def _coordinates(s: Situation) -> Iterator[Finding]:
    """Coordinates far from all the others: a typo such as 136 for 36 squashes the map."""
    located = [(i, p.lat, p.lon) for i, p in enumerate(s.places) if p.lat is not None]
    if len(located) < 4:
        return
    for axis, name in ((1, "lat"), (2, "lon")):
        values = [float(v) for row in located if (v := row[axis]) is not None]
        middle = statistics.median(values)
        spread = max(MIN_SPREAD, statistics.median(abs(v - middle) for v in values))
        low, high = min(values), max(values)
        for row in located:
            value = row[axis]
            if value is not None and abs(value - middle) > FAR_DEGREES * spread:
                others = sorted(v for v in values if abs(v - middle) <= FAR_DEGREES * spread)
                span = f"{others[0]:g} to {others[-1]:g}" if others else f"{low:g} to {high:g}"
                yield Finding(
                    ("places", row[0], name),
                    f"{name} {value:g} is far from every other place (they lie within {span}): "
                    "a typo?",
                )


def cites_no_source(entry: BaseModel) -> bool:
    """A fact (place, evacuation, figure, note...) that cites no source at all.

    A place with no control stated asserts nothing to source; parties and
    sources themselves are not facts.
    """
    if not any(isinstance(entry, SECTION[section].model) for section in FACTS):
        return False
    if isinstance(entry, Place) and not entry.control:
        return False
    return not has_reference(entry, "source")


def _unsourced(s: Situation) -> Iterator[Finding]:
    """Facts that cite no source, against the promise that every fact cites its sources."""
    for section in FACTS:
        noun = SECTION[section].noun
        for i, entry in enumerate(getattr(s, section)):
            if cites_no_source(entry):
                yield Finding((section, i), f"this {noun} cites no source")
