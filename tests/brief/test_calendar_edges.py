"""Every date check accepts renders: the arithmetic at the ends of the calendar saturates."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from sitrep.brief import render_brief
from sitrep.brief.svg.mapsvg import render_map_svg
from sitrep.brief.svg.timeline_svg import render_timeline_svg
from sitrep.model.dates import FuzzyDate
from sitrep.model.derived.history import situation_on
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import dump_situation, load_situation, parse_situation

EDGES = [dt.date.min, dt.date(1, 1, 7), dt.date(1, 1, 8), dt.date(1, 12, 31), dt.date.max]


def everywhere(situation: Situation, day: dt.date) -> Situation:
    """The sample with every date of every entry set to day."""
    s = situation.model_copy(deep=True)
    s.header = s.header.model_copy(update={"as_of": day, "period_start": None, "period_end": None})
    for place in s.places:
        place.control = [
            c.model_copy(update={"date": day if c.date else None}) for c in place.control
        ]
    for note in s.notes:
        note.date = day
    for item in s.outlook:
        item.made_on = day
    for figure in s.figures:
        figure.since = day
        figure.series = [
            p.model_copy(update={"as_of": FuzzyDate.parse(day)}) for p in figure.series
        ]
    for evacuation in s.evacuations:
        evacuation.announced = day
        evacuation.embassy_since = day
    for source in s.sources:
        source.published = day
    return s


@pytest.mark.parametrize("day", EDGES, ids=str)
def test_a_situation_at_either_end_of_the_calendar_checks_and_renders(
    sample: Situation, day: dt.date
) -> None:
    s = parse_situation(dump_situation(everywhere(sample, day)), "edge.yaml")  # check accepts
    previous = load_situation(sample_path())
    for since in (None, dt.date.min, dt.date.max):
        brief = render_brief(s, since=since, previous=previous, source_name="edge.yaml")
        assert f"{day.year}" in brief
    ET.fromstring(render_map_svg(s, base=sample_path().parent).encode("utf-8"))
    ET.fromstring(render_timeline_svg(s).encode("utf-8"))
    render_brief(situation_on(s, dt.date.min), source_name="edge.yaml")
    s.header = s.header.next(None) if day < dt.date.max else s.header
