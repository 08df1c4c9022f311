"""Headline figures are derived from entries and follow every edit."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model.derived.control import control_summary, headline_places
from sitrep.model.derived.derive import (
    evacuation_summary,
    figure_headlines,
    great_circle_km,
    seat_statuses,
)
from sitrep.model.entries import ControlChange, Evacuation, FigureEntry, FigurePoint
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Situation


def test_sample_control_counts_of_the_34_provinces(sample: Situation) -> None:
    kind, provinces = headline_places(sample)
    summary = control_summary(sample, places=provinces)
    taliban, government = summary.of("taliban"), summary.of("government")
    assert (kind, summary.total) == ("province", 34)
    assert taliban is not None and government is not None
    assert (taliban.held, taliban.confirmed, taliban.reported, taliban.claimed) == (18, 16, 2, 0)
    assert (government.held, summary.contested) == (16, 0)
    assert taliban.held + government.held + summary.contested == summary.total


def test_counts_follow_a_new_change_of_control(sample: Situation) -> None:
    balkh = next(p for p in sample.places if p.id == "balkh")
    balkh.control.append(
        ControlChange(date=dt.date(2021, 8, 13), holder="taliban", confidence="claimed")
    )
    taliban = control_summary(sample, places=headline_places(sample)[1]).of("taliban")
    assert taliban is not None and (taliban.held, taliban.claimed) == (19, 1)


def test_the_seat_is_held_and_the_nearest_hostile_place_is_pul_e_alam(sample: Situation) -> None:
    (status,) = seat_statuses(sample)
    assert status.state == "held" and status.seat.name == "Kabul"
    assert status.nearest is not None and status.nearest.capital == "Pul-e Alam"
    assert status.km == pytest.approx(61, abs=1.5)


def test_great_circle_known_distance() -> None:
    # Kabul to Kandahar is about 450 km as the crow flies.
    assert great_circle_km(34.528, 69.172, 31.613, 65.710) == pytest.approx(450, abs=15)
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(20015, abs=5)


def test_evacuation_troops_are_summed_honestly(sample: Situation) -> None:
    summary = evacuation_summary(sample)
    assert str(summary.troops) == "about 3,600, plus 1 undisclosed"
    assert len(summary.with_troops) == 3
    assert (summary.states, summary.organisations) == (5, 0)  # Germany: an embassy change only


def test_only_evacuations_count_and_kinds_stay_apart(sample: Situation) -> None:
    sample.evacuations += [
        Evacuation(actor="A relief agency", actor_kind="organisation", status="under_way"),
        Evacuation(actor="An airline", actor_kind="company", status="planned"),
        Evacuation(actor="A state that stays", embassy="open", troops=Figure.exact(9000)),
    ]
    summary = evacuation_summary(sample)
    assert summary.actors == {"state": 5, "organisation": 1, "company": 1}
    assert str(summary.troops) == "about 3,600, plus 1 undisclosed"  # no evacuation, no troops


def test_figures_of_the_period_come_first_and_older_ones_are_context(
    sample: Situation,
) -> None:
    sample.figures.append(
        FigureEntry(
            id="stock",
            topic="displacement",
            counted="IDPs",
            area="Afghanistan",
            series=[FigurePoint(as_of="2020-12", value=Figure.parse("about 3.5 million"))],
        )
    )
    h = sample.header
    lines = figure_headlines(sample, h.period_from, h.as_of)
    assert [line.in_period for line in lines] == [True] * 8 + [False]
    assert lines[-1].entry.id == "stock" and str(lines[-1].point.value) == "about 3.5 million"
    assert len(lines) == len({f.scope for f in sample.figures})


def test_of_two_entries_of_one_scope_only_the_later_value_is_a_headline() -> None:
    def entry(figure_id: str, as_of: str, value: int, area: str = "Afghanistan") -> FigureEntry:
        point = FigurePoint(as_of=as_of, value=Figure.exact(value))
        return FigureEntry(id=figure_id, counted="IDPs", area=area, series=[point])

    situation = Situation.model_validate(
        {"header": {"title": "t", "region": "r", "as_of": "2021-08-13"}}
    )
    situation.figures = [
        entry("b", "2021-08-08", 20),
        entry("a", "2021-08-01", 10),
        entry("c", "2021-08-02", 5, area="Kabul"),
    ]
    lines = figure_headlines(situation, dt.date(2021, 8, 6))
    assert [line.entry.id for line in lines] == ["b", "c"]
