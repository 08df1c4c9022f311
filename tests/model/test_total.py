"""Honest totals: no more precise, and no less, than their parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model.numbers.figure import Figure
from sitrep.model.numbers.total import sum_figures
from tests.model.test_figure import figures


def total(*phrases: str | int) -> str:
    return str(sum_figures([Figure.parse(p) for p in phrases]))


@pytest.mark.parametrize(
    ("parts", "said"),
    [
        (("about 3000", "about 600", "undisclosed"), "about 3,600, plus 1 undisclosed"),
        (("about 3000", "about 600"), "about 3,600"),
        ((1, 2), "3"),
        ((1000, "about 600"), "about 1,600"),
        (("100-200", 5), "105–205"),
        (("at least 100", 50), "at least 150"),
        (("more than 100", "at least 50"), "more than 150"),
        (("up to 100", "up to 50"), "up to 150"),
        (("more than 100", "up to 1,600"), "more than 100 + up to 1,600"),
        (("about 3000", "at least 600"), "about 3,000 + at least 600"),
        (("undisclosed", "unknown"), "undisclosed or unknown"),
        (("undisclosed",), "undisclosed"),
        (("unknown", "unknown"), "unknown"),
        (("nearly 300,000", "about 100"), "about 300,100"),
        (("about 7.2 million",), "about 7.2 million"),
    ],
)
def test_what_a_total_says(parts, said) -> None:
    assert total(*parts) == said


def test_no_parts_is_zero() -> None:
    assert str(sum_figures([])) == "0"
    assert sum_figures([]).count == 0


@given(st.lists(figures, max_size=6))
def test_a_total_never_claims_more_precision_than_its_parts(parts: list[Figure]) -> None:
    result = sum_figures(parts)
    known = [p for p in parts if p.is_known]
    assert result.low == sum(p.low or 0 for p in known)
    assert result.count == len(parts)
    figure = result.figure
    if figure is None or len(known) < 2:
        return
    if figure.kind == "exact":
        assert all(p.kind == "exact" for p in known)
    if any(p.high is None for p in known):
        assert figure.high is None
    if any(p.is_approximate for p in known):
        assert figure.kind == "about"
    if figure.high is not None and all(p.high is not None for p in known):
        assert figure.high >= sum(p.high or 0 for p in known) or figure.kind == "about"
