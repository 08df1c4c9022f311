"""timeline() looks each place up once per span between its changes: it must say what a
day-by-day lookup says, on every crisis the project carries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from sitrep.model.derived.control import change_on
from sitrep.model.derived.history import history_span, timeline
from sitrep.model.situation import Situation
from sitrep.yaml.io import load_situation

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "data" / "examples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "brief" / "situations").glob("*.yaml")
)


def day_by_day(s: Situation, start: dt.date, end: dt.date) -> list[tuple[dict[str, int], int]]:
    out = []
    day = start
    while day <= end:
        held: Counter[str] = Counter()
        contested = 0
        for place in s.places:
            change = change_on(place, day)
            if change is None:
                continue
            if change.state == "contested":
                contested += 1
            elif change.controller is not None:
                held[change.controller] += 1
        out.append((dict(held), contested))
        day += dt.timedelta(days=1)
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_sweep_agrees_with_a_lookup_per_day(path: Path) -> None:
    s = load_situation(path)
    start, end = history_span(s, s.places)
    start -= dt.timedelta(days=3)  # before the first change too
    points = timeline(s, s.places, start, end)
    assert [(p.held, p.contested) for p in points] == day_by_day(s, start, end)
    assert [p.day for p in points][:1] == [start]


def test_an_empty_span(sample: Situation) -> None:
    assert timeline(sample, sample.places, dt.date(2021, 8, 2), dt.date(2021, 8, 1)) == []
