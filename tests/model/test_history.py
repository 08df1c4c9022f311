"""The situation on an earlier date, and control over time, from the file's histories."""

from __future__ import annotations

import datetime as dt

from sitrep.model.derived.control import control_summary, headline_places
from sitrep.model.derived.history import history_span, situation_on, timeline
from sitrep.model.situation import Situation
from tests.model.build import PARTIES, SEATED, place, situation

D = dt.date


def held(s: Situation, party: str) -> int:
    count = control_summary(s, places=headline_places(s)[1]).of(party)
    return 0 if count is None else count.held


def test_the_sample_on_earlier_dates(sample: Situation) -> None:
    assert held(situation_on(sample, D(2021, 8, 10)), "taliban") == 8
    assert held(situation_on(sample, D(2021, 8, 5)), "taliban") == 0
    assert held(situation_on(sample, D(2021, 8, 13)), "taliban") == 18
    assert situation_on(sample, D(2021, 8, 13)) is sample  # nothing to take away


def test_the_sample_rises_from_0_to_18_over_the_week(sample: Situation) -> None:
    _, provinces = headline_places(sample)
    start, end = history_span(sample, provinces)
    rise = [p.held.get("taliban", 0) for p in timeline(sample, provinces, start, end)]
    assert (start, end) == (D(2021, 8, 6), D(2021, 8, 13))
    assert rise == sorted(rise) and rise[-1] == 18 and rise[0] == 1
    before = timeline(sample, provinces, D(2021, 8, 5), D(2021, 8, 5))
    assert before[0].held == {"government": 34}


def test_what_was_not_yet_known_is_left_out() -> None:
    s = situation(
        header={
            "title": "T",
            "region": "R",
            "as_of": "2024-05-10",
            "report_number": 3,
            "highlights": ["today"],
            "past_reports": [
                {"report_number": 1, "as_of": "2024-05-08", "highlights": ["first"]},
                {"report_number": 2, "as_of": "2024-05-09", "highlights": ["second"]},
            ],
        },
        parties=[{**SEATED[0], "status": "dissolved", "status_since": "2024-05-10"}, *SEATED[1:]],
        places=[
            place("capital", {"holder": "gov"}, {"date": "2024-05-10", "holder": "rebels"}),
            place(
                "b",
                {"holder": "gov"},
                {
                    "date": "2024-05-08",
                    "holder": "rebels",
                    "confidence": "claimed",
                    "retracted": "2024-05-10",
                },
            ),
        ],
        evacuations=[
            {"actor": "Early", "status": "announced", "announced": "2024-05-08"},
            {"actor": "Late", "status": "announced", "announced": "2024-05-10"},
            {"actor": "Embassy", "embassy": "closed", "embassy_since": "2024-05-10"},
        ],
        figures=[
            {
                "id": "f",
                "counted": "IDPs",
                "area": "R",
                "series": [
                    {"as_of": "2024-05-08", "value": 100},
                    {"as_of": "2024-05-10", "value": 900},
                ],
            },
            {
                "id": "later",
                "counted": "killed",
                "area": "R",
                "series": [{"as_of": "2024-05-10", "value": 5}],
            },
        ],
        notes=[{"date": "2024-05-08", "text": "early"}, {"date": "2024-05-10", "text": "late"}],
    )
    then = situation_on(s, D(2024, 5, 9))
    assert then.header.as_of == D(2024, 5, 9) and then.header.report_number == 2
    assert then.header.highlights == ["second"]
    assert [r.report_number for r in then.header.past_reports] == [1]
    assert then.parties[0].status == "active"
    assert [p.holder for p in then.places] == ["gov", "rebels"]  # the claim stood on 9 May
    assert [e.actor for e in then.evacuations] == ["Early", "Embassy"]
    assert then.evacuations[1].embassy == "unknown"  # its status before 10 May is not recorded
    assert [f.id for f in then.figures] == ["f"] and str(then.figures[0].latest.value) == "100"
    assert [n.text for n in then.notes] == ["early"]
    assert [p.holder for p in s.places] == ["rebels", "gov"]  # the original is untouched


def test_contested_days_are_counted_apart() -> None:
    s = situation(
        parties=PARTIES,
        places=[
            place(
                "a",
                {"holder": "gov"},
                {"date": "2024-05-05", "state": "contested", "parties": ["gov", "rebels"]},
            )
        ],
    )
    points = timeline(s, s.places, D(2024, 5, 4), D(2024, 5, 5))
    assert [(p.held, p.contested) for p in points] == [({"gov": 1}, 0), ({}, 1)]
