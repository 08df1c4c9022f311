"""Figures: parsing what people type, keeping the source's wording, showing it back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model.numbers.figure import MAX_FIGURE, Figure, FigureError
from sitrep.model.numbers.total import sum_figures


@pytest.mark.parametrize(
    ("typed", "kind", "low", "high", "shown", "stored"),
    [
        ("3000", "exact", 3000, 3000, "3,000", 3000),
        ("3,000", "exact", 3000, 3000, "3,000", 3000),
        (3000, "exact", 3000, 3000, "3,000", 3000),
        ("about 600", "about", 600, 600, "about 600", "about 600"),
        ("~600", "about", 600, 600, "~600", "~600"),
        ("at least 389,645", "at_least", 389645, None, "at least 389,645", "at least 389,645"),
        ("at least 389645", "at_least", 389645, None, "at least 389,645", "at least 389645"),
        ("more than 550,000", "more_than", 550001, None, "more than 550,000", "more than 550,000"),
        ("up to 4,000", "up_to", 0, 4000, "up to 4,000", "up to 4,000"),
        ("100k-200k", "range", 100000, 200000, "100k-200k", "100k-200k"),
        ("1.5m", "exact", 1500000, 1500000, "1.5m", "1.5m"),
        ("undisclosed", "undisclosed", None, None, "undisclosed", "undisclosed"),
        ("unknown", "unknown", None, None, "unknown", "unknown"),
        (
            "about 7.2 million",
            "about",
            7_200_000,
            7_200_000,
            "about 7.2 million",
            "about 7.2 million",
        ),
        ("nearly 300,000", "nearly", 270_000, 300_000, "nearly 300,000", "nearly 300,000"),
        ("just over 100", "just_over", 101, 110, "just over 100", "just over 100"),
        (
            "more than a million",
            "more_than",
            1_000_001,
            None,
            "more than a million",
            "more than a million",
        ),
        (
            "between 100,000 and 120,000",
            "range",
            100_000,
            120_000,
            "between 100,000 and 120,000",
            "between 100,000 and 120,000",
        ),
        (
            "USD 1.28 billion".removeprefix("USD "),
            "exact",
            1_280_000_000,
            1_280_000_000,
            "1.28 billion",
            "1.28 billion",
        ),
        (
            "Hundreds of Thousands",
            "words",
            200000,
            999999,
            "Hundreds of Thousands",
            "Hundreds of Thousands",
        ),
    ],
)
def test_parse_show_and_store_keep_the_wording(typed, kind, low, high, shown, stored) -> None:
    figure = Figure.parse(typed)
    assert (figure.kind, figure.low, figure.high) == (kind, low, high)
    assert str(figure) == shown
    assert figure.to_yaml() == stored
    assert Figure.parse(figure.to_yaml()) == figure


def test_unknown_is_not_undisclosed() -> None:
    assert Figure.parse("unknown").kind == "unknown"
    assert Figure.parse("undisclosed").kind == "undisclosed"
    assert not Figure.parse("unknown").same_value(Figure.parse("undisclosed"))


def test_same_value_ignores_the_wording() -> None:
    assert Figure.parse("about 600").same_value(Figure.parse("around 600"))
    assert Figure.parse("3,000") == Figure.parse(3000)
    assert not Figure.parse("about 600").same_value(Figure.parse("600"))


@pytest.mark.parametrize(
    "bad",
    ["lots", "", "-5", -5, "200-100", "1.5", True, "about", "at least x", "10,00", 2.5],
)
def test_rejects_what_is_not_a_figure(bad) -> None:
    with pytest.raises(FigureError):
        Figure.parse(bad)


def test_a_figure_has_a_sane_maximum() -> None:
    assert Figure.parse(MAX_FIGURE).low == MAX_FIGURE
    for huge in (MAX_FIGURE + 1, "9" * 4000, f"about {'9' * 30}"):
        with pytest.raises(FigureError, match=r"too large for a figure"):
            Figure.parse(huge)


figures = st.one_of(
    st.integers(0, 10**12).map(Figure.exact),
    st.integers(0, 10**12).map(lambda n: Figure.parse(f"about {n}")),
    st.integers(1, 10**12).map(lambda n: Figure.parse(f"nearly {n:,}")),
    st.integers(0, 10**12).map(lambda n: Figure.parse(f"at least {n}")),
    st.integers(0, 10**12).map(lambda n: Figure.parse(f"more than {n:,}")),
    st.integers(0, 10**12).map(lambda n: Figure.parse(f"up to {n}")),
    st.tuples(st.integers(0, 10**9), st.integers(1, 10**9)).map(
        lambda t: Figure.parse(f"{t[0]}-{t[0] + t[1]}")
    ),
    st.sampled_from([Figure.parse("undisclosed"), Figure.parse("unknown")]),
)


@given(figures)
def test_every_figure_round_trips_through_the_file(figure: Figure) -> None:
    assert Figure.parse(figure.to_yaml()) == figure


@given(figures)
def test_bounds_are_ordered(figure: Figure) -> None:
    if figure.low is not None and figure.high is not None:
        assert figure.low <= figure.high
    assert (figure.low is None) == (not figure.is_known)


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
    from sitrep.model.numbers.figure import MAX_FIGURE

    top = Figure.parse(MAX_FIGURE)
    assert str(top) == "1,000,000,000,000,000"
    assert Figure.parse("1000000000m").low == MAX_FIGURE  # shown as written: 1,000,000,000m
    total = sum_figures([top] * 100_000)  # far more figures than any file holds
    assert str(total) == f"{100_000 * MAX_FIGURE:,}"
