"""Headline figures are derived from entries and follow every edit."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model.derive import (
    control_summary,
    displacement_headlines,
    evacuation_summary,
    great_circle_km,
    nearest_to_seat,
)
from sitrep.model.entries import Displacement
from sitrep.model.figure import Figure
from sitrep.model.situation import Situation


def test_sample_control_counts_show_the_disagreement(sample: Situation) -> None:
    summary = control_summary(sample)
    taliban, government = summary.of("taliban"), summary.of("government")
    assert summary.total == 34
    assert taliban is not None and government is not None
    assert (taliban.held, taliban.confirmed, taliban.claimed) == (18, 17, 1)
    assert government.held == 16
    assert taliban.held + government.held == summary.total


def test_counts_follow_a_holder_change(sample: Situation) -> None:
    index = next(i for i, p in enumerate(sample.territory) if p.id == "balkh")
    sample.territory[index] = sample.territory[index].model_copy(
        update={"holder": "taliban", "confidence": "claimed"}
    )
    taliban = control_summary(sample).of("taliban")
    assert taliban is not None and (taliban.held, taliban.claimed) == (19, 2)


def test_nearest_other_holder_to_kabul_is_pul_e_alam(sample: Situation) -> None:
    nearest = nearest_to_seat(sample)
    assert nearest is not None
    assert nearest.seat.name == "Kabul" and nearest.place.capital == "Pul-e Alam"
    assert nearest.km == pytest.approx(61, abs=1.5)


def test_great_circle_known_distance() -> None:
    # Kabul to Kandahar is about 450 km as the crow flies.
    assert great_circle_km(34.528, 69.172, 31.613, 65.710) == pytest.approx(450, abs=15)
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(20015, abs=5)


def test_evacuation_troops_are_at_least_when_one_is_undisclosed(sample: Situation) -> None:
    summary = evacuation_summary(sample)
    assert str(summary.troops) == "at least 3,600"
    assert summary.with_troops == 3
    assert len(summary.countries) == 6


def test_displacement_is_never_summed_across_scopes(sample: Situation) -> None:
    headlines = displacement_headlines(sample)
    assert len(headlines) == len({d.scope for d in sample.displacement})
    assert str(headlines[0].figure) == "389,645"


def test_latest_figure_of_one_scope_replaces_older() -> None:
    base = dict(counted="IDPs", area="Afghanistan", unit="people", measure="stock")
    older = Displacement(id="a", figure=Figure.exact(10), as_of=dt.date(2021, 8, 1), **base)
    newer = Displacement(id="b", figure=Figure.exact(20), as_of=dt.date(2021, 8, 8), **base)
    other = Displacement(
        id="c", figure=Figure.exact(5), as_of=dt.date(2021, 8, 2), counted="IDPs", area="Kabul"
    )
    situation = Situation.model_validate(
        {"header": {"title": "t", "region": "r", "as_of": "2021-08-13"}}
    )
    situation.displacement = [older, newer, other]
    assert [d.id for d in displacement_headlines(situation)] == ["b", "c"]
