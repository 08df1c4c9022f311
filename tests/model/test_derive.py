"""The seat of government, the figures' headlines and the evacuations' totals."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model.derived.derive import (
    evacuation_summary,
    figure_headlines,
    great_circle_km,
    seat_statuses,
)
from tests.model.build import SEATED, place, situation

D = dt.date
CAPITAL = {"kind": "city", "lat": 10.0, "lon": 10.0}


def _seat(*capital_control, parties=SEATED, others=()):  # type: ignore[no-untyped-def]
    s = situation(
        parties=parties,
        places=[place("capital", *capital_control, **CAPITAL), *others],
    )
    return seat_statuses(s)[0]


def test_the_nearest_hostile_place_skips_allies_and_own_places() -> None:
    others = [
        place("ally", {"holder": "militia"}, lat=10.1, lon=10.0),
        place("own", {"holder": "gov"}, lat=10.2, lon=10.0),
        place("far", {"holder": "rebels"}, lat=11.0, lon=10.0),
        place("near", {"holder": "rebels"}, lat=10.5, lon=10.0),
    ]
    status = _seat({"holder": "gov"}, others=others)
    assert status.state == "held" and status.nearest is not None
    assert status.nearest.id == "near" and status.km == pytest.approx(55.6, abs=0.5)


def test_a_seat_held_by_a_hostile_party_has_fallen() -> None:
    status = _seat({"holder": "gov"}, {"date": "2024-05-09", "holder": "rebels"})
    assert (status.state, status.holder, status.since) == ("fallen", "rebels", D(2024, 5, 9))
    assert status.nearest is None


def test_a_seat_held_by_an_ally_is_held() -> None:
    assert _seat({"holder": "militia"}).state == "held"


def test_contested_and_besieged_seats_say_so() -> None:
    contested = {"date": "2024-05-09", "state": "contested", "parties": ["gov", "rebels"]}
    besieged = {"date": "2024-05-09", "state": "besieged", "holder": "gov", "by": ["rebels"]}
    assert _seat({"holder": "gov"}, contested).state == "contested"
    assert _seat({"holder": "gov"}, besieged).state == "under_pressure"


def test_a_dissolved_government_has_no_distance() -> None:
    parties = [
        {**SEATED[0], "status": "dissolved", "status_since": "2024-05-08"},
        *SEATED[1:],
    ]
    status = _seat({"holder": "gov"}, {"date": "2024-05-08", "holder": "rebels"}, parties=parties)
    assert (status.state, status.since) == ("gone", D(2024, 5, 8))


def test_great_circle_known_distance() -> None:
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(20015, abs=5)
    assert great_circle_km(10, 10, 10, 10) == 0


def test_pre_period_values_are_context_not_news() -> None:
    point = lambda day, value: {"as_of": day, "value": value}  # noqa: E731
    s = situation(
        figures=[
            {"id": "old", "counted": "IDPs", "area": "North", "series": [point("2023-12", 900000)]},
            {
                "id": "new",
                "topic": "displacement",
                "counted": "IDPs",
                "area": "South",
                "series": [point("2024-04-01", 1000), point("2024-05-09", "about 5000")],
            },
            {
                "id": "dead",
                "topic": "casualties",
                "counted": "killed",
                "area": "All",
                "series": [point("2024-05-08", 12)],
            },
        ]
    )
    lines = figure_headlines(s, D(2024, 5, 3))
    assert [(line.entry.id, line.in_period) for line in lines] == [
        ("dead", True),
        ("new", True),
        ("old", False),
    ]
    assert str(lines[1].point.value) == "about 5,000"
    earlier = figure_headlines(s, D(2024, 5, 3), day=D(2024, 4, 15))
    assert [line.entry.id for line in earlier] == ["new", "old"]


def test_a_value_dated_after_the_period_is_news_not_context() -> None:
    # A report issued the day after its period: a value of that day is the latest news.
    s = situation(
        figures=[
            {
                "id": "late",
                "counted": "people displaced",
                "area": "All",
                "series": [{"as_of": "2024-05-11", "value": 7000}],
            }
        ]
    )
    lines = figure_headlines(s, D(2024, 5, 3), day=D(2024, 5, 11))
    assert [(line.entry.id, line.in_period) for line in lines] == [("late", True)]


def test_only_evacuations_count_and_organisations_apart() -> None:
    s = situation(
        evacuations=[
            {"actor": "State A", "status": "announced", "troops": "about 3000"},
            {"actor": "State B", "status": "under_way", "troops": "about 600"},
            {"actor": "State C", "status": "announced", "troops": "undisclosed"},
            {"actor": "State D", "embassy": "open", "troops": "about 9000"},
            {"actor": "An agency", "actor_kind": "organisation", "status": "completed"},
        ]
    )
    summary = evacuation_summary(s)
    assert (summary.states, summary.organisations) == (3, 1)
    assert str(summary.troops) == "about 3,600, plus 1 undisclosed"
    assert len(summary.with_troops) == 3
