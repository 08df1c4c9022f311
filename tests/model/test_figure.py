"""Figures: parsing what people type, canonical file form, honest prose, honest sums."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model.figure import Figure, FigureError, sum_figures


@pytest.mark.parametrize(
    ("typed", "kind", "low", "high", "prose", "stored"),
    [
        ("3000", "exact", 3000, 3000, "3,000", 3000),
        ("3,000", "exact", 3000, 3000, "3,000", 3000),
        (3000, "exact", 3000, 3000, "3,000", 3000),
        ("about 600", "about", 600, 600, "about 600", "about 600"),
        ("~600", "about", 600, 600, "about 600", "about 600"),
        ("at least 389,645", "at_least", 389645, None, "at least 389,645", "at least 389645"),
        ("more than 550,000", "more_than", 550001, None, "more than 550,000", "more than 550000"),
        ("up to 4,000", "up_to", 0, 4000, "up to 4,000", "up to 4000"),
        ("100k-200k", "range", 100000, 200000, "100,000–200,000", "100000-200000"),
        ("1,000 to 2,000", "range", 1000, 2000, "1,000–2,000", "1000-2000"),
        ("1.5m", "exact", 1500000, 1500000, "1,500,000", 1500000),
        ("undisclosed", "undisclosed", None, None, "undisclosed", "undisclosed"),
        (
            "Hundreds of Thousands",
            "words",
            200000,
            999999,
            "hundreds of thousands",
            "hundreds of thousands",
        ),
    ],
)
def test_parse_render_and_store(typed, kind, low, high, prose, stored) -> None:
    figure = Figure.parse(typed)
    assert (figure.kind, figure.low, figure.high) == (kind, low, high)
    assert str(figure) == prose
    assert figure.to_yaml() == stored
    assert Figure.parse(figure.to_yaml()) == figure


@pytest.mark.parametrize(
    "bad", ["lots", "", "-5", -5, "200-100", "1.5", True, "about", "at least x"]
)
def test_rejects_what_is_not_a_figure(bad) -> None:
    with pytest.raises(FigureError):
        Figure.parse(bad)


def test_sum_is_at_least_when_any_part_is_undisclosed() -> None:
    total = sum_figures(
        [Figure.parse("about 3000"), Figure.parse("about 600"), Figure.parse("undisclosed")]
    )
    assert str(total) == "at least 3,600"


def test_sum_of_exact_parts_is_exact_and_about_stays_about() -> None:
    assert str(sum_figures([Figure.exact(1), Figure.exact(2)])) == "3"
    assert str(sum_figures([Figure.exact(1000), Figure.parse("about 600")])) == "about 1,600"
    assert str(sum_figures([Figure.parse("100-200"), Figure.exact(5)])) == "105–205"


figures = st.one_of(
    st.integers(0, 10**9).map(Figure.exact),
    st.integers(0, 10**9).map(lambda n: Figure.parse(f"about {n}")),
    st.integers(0, 10**9).map(lambda n: Figure.parse(f"at least {n}")),
    st.integers(0, 10**9).map(lambda n: Figure.parse(f"more than {n}")),
    st.integers(0, 10**9).map(lambda n: Figure.parse(f"up to {n}")),
    st.tuples(st.integers(0, 10**9), st.integers(1, 10**9)).map(
        lambda t: Figure.parse(f"{t[0]}-{t[0] + t[1]}")
    ),
    st.just(Figure("undisclosed")),
)


@given(figures)
def test_every_figure_round_trips_through_file_and_prose(figure: Figure) -> None:
    assert Figure.parse(figure.to_yaml()) == figure
    assert Figure.parse(str(figure).replace("–", "-")) == figure


@given(st.lists(figures, max_size=6))
def test_sum_bounds_contain_every_combination(parts: list[Figure]) -> None:
    total = sum_figures(parts)
    assert (total.low or 0) == sum(p.low or 0 for p in parts)
    if any(p.high is None for p in parts) and parts:
        assert total.high is None or total.kind == "undisclosed"


# -- a figure's number has a sane maximum ------------------------------------------------

TOO_LARGE = [
    10**15 + 1,
    10**4000,
    "1000000000000001",
    "9" * 5000,
    "about " + "9" * 4000,
    "at least 10000000000000000",
    "1" + "0" * 400 + ".5m",
    "9" * 4000 + "k",
    "1-" + "9" * 4000,
    1e300,
    float("inf"),
]


@pytest.mark.parametrize("value", TOO_LARGE, ids=lambda v: str(v)[:20])
def test_a_figure_past_the_maximum_is_refused_with_a_short_message(value: object) -> None:
    with pytest.raises(FigureError) as info:
        Figure.parse(value)
    message = str(info.value)
    assert "too large for a figure (at most 1,000,000,000,000,000)" in message
    assert len(message) < 200  # a 5,000-digit number is not echoed back


def test_the_maximum_itself_and_every_sum_of_maxima_render() -> None:
    from sitrep.model.figure import MAX_FIGURE

    top = Figure.parse(MAX_FIGURE)
    assert str(top) == "1,000,000,000,000,000"
    assert str(Figure.parse("1000000000m")) == "1,000,000,000,000,000"
    total = sum_figures([top] * 100_000)  # far more figures than any file holds
    assert str(total) == f"{100_000 * MAX_FIGURE:,}"
