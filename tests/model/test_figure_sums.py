"""Figures: parsing what people type, canonical file form, honest prose, honest sums."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model.numbers.figure import Figure, FigureError
from sitrep.model.numbers.total import sum_figures


@pytest.mark.parametrize(
    ("typed", "kind", "low", "high", "prose", "stored"),
    [
        ("3000", "exact", 3000, 3000, "3,000", 3000),
        ("3,000", "exact", 3000, 3000, "3,000", 3000),
        (3000, "exact", 3000, 3000, "3,000", 3000),
        ("about 600", "about", 600, 600, "about 600", "about 600"),
        ("~600", "about", 600, 600, "~600", "~600"),
        ("at least 389645", "at_least", 389645, None, "at least 389,645", "at least 389645"),
        ("more than 550,000", "more_than", 550001, None, "more than 550,000", "more than 550,000"),
        ("up to 4,000", "up_to", 0, 4000, "up to 4,000", "up to 4,000"),
        ("100k-200k", "range", 100000, 200000, "100k-200k", "100k-200k"),
        ("1,000 to 2,000", "range", 1000, 2000, "1,000 to 2,000", "1,000 to 2,000"),
        ("1.5m", "exact", 1500000, 1500000, "1.5m", "1.5m"),
        ("about 7.2 million", "about", 7200000, 7200000, "about 7.2 million", "about 7.2 million"),
        ("undisclosed", "undisclosed", None, None, "undisclosed", "undisclosed"),
        ("unknown", "unknown", None, None, "unknown", "unknown"),
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
def test_parse_render_and_store(typed, kind, low, high, prose, stored) -> None:
    """The wording is kept as written (shown with thousands separators in bare numbers)."""
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


def test_an_undisclosed_part_is_said_not_turned_into_a_floor() -> None:
    total = sum_figures(
        [Figure.parse("about 3000"), Figure.parse("about 600"), Figure.parse("undisclosed")]
    )
    assert str(total) == "about 3,600, plus 1 undisclosed"


def test_unknown_is_not_undisclosed() -> None:
    assert str(Figure.parse("unknown")) == "unknown"
    assert str(sum_figures([Figure.parse("unknown")])) == "unknown"
    both = sum_figures([Figure.exact(5), Figure.parse("unknown"), Figure.parse("undisclosed")])
    assert str(both) == "5, plus 1 undisclosed and 1 unknown"


def test_parts_that_do_not_combine_are_listed() -> None:
    total = sum_figures([Figure.parse("more than 100"), Figure.parse("up to 1,600")])
    assert total.figure is None
    assert str(total) == "more than 100 + up to 1,600"


def test_counting_words_are_never_summed_into_a_number() -> None:
    total = sum_figures([Figure.parse("hundreds"), Figure.parse("dozens")])
    assert total.figure is None and str(total) == "hundreds + dozens"
    assert str(sum_figures([Figure.parse("thousands"), Figure.exact(500)])) == "thousands + 500"


def test_the_wording_is_kept() -> None:
    assert str(Figure.parse("about 7.2 million")) == "about 7.2 million"
    assert str(Figure.parse("at least 389645")) == "at least 389,645"


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
    st.integers(10, 10**9).map(lambda n: Figure.parse(f"nearly {n}")),
    st.integers(10, 10**9).map(lambda n: Figure.parse(f"just over {n}")),
    st.sampled_from(["dozens", "hundreds", "tens of thousands"]).map(Figure.parse),
    st.just(Figure("undisclosed")),
    st.just(Figure("unknown")),
)


@given(figures)
def test_every_figure_round_trips_through_file_and_prose(figure: Figure) -> None:
    assert Figure.parse(figure.to_yaml()) == figure
    assert Figure.parse(str(figure).replace("–", "-")).same_value(figure)


@given(st.lists(figures, max_size=6))
def test_a_total_claims_no_more_precision_than_its_parts(parts: list[Figure]) -> None:
    total = sum_figures(parts)
    known = [p for p in parts if p.is_known]
    assert total.low == sum(p.low or 0 for p in known)
    assert total.undisclosed + total.unknown + len(known) == len(parts)
    figure = total.figure
    if figure is None:
        return
    assert figure.low == sum(p.low or 0 for p in known) or figure.is_approximate
    if figure.kind == "exact":
        assert all(p.kind == "exact" for p in known)
    if any(p.high is None for p in known):
        assert figure.high is None  # no ceiling from a part without one
    if any(p.is_approximate for p in known):
        assert figure.is_approximate  # an estimate in, an estimate out
    if figure.high is not None and not figure.is_approximate:
        assert figure.high == sum(p.high or 0 for p in known)
    if len(known) > 1 and any(p.kind == "words" for p in known):
        raise AssertionError(f"{parts}: counting words summed into {figure}")
    if total.undisclosed or total.unknown:
        assert "plus" in str(total)  # the parts with no number are said, not hidden
