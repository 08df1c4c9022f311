"""The source picker on a file with many sources: a bounded list, the rest reached by typing."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input, SelectionList

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.fields.refs import SourcesField
from sitrep.app.forms.fields.source_choices import MORE_VALUE, SourceChoices
from sitrep.model.entries import Source
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost, form

SIZE = (120, 40)


def many(count: int) -> list[Source]:
    return [
        Source(id=f"wire-{i:04d}", publisher=f"Agency {i:04d}", published=dt.date(2024, 5, 1))
        for i in range(count)
    ]


def values(
    choices: SourceChoices, query: str, chosen: list[str], preferred: list[str]
) -> list[str]:
    return [str(s.value) for s in choices.listed(query, chosen, preferred).selections]


def test_a_short_list_is_listed_whole_with_no_more_row() -> None:
    shown = values(SourceChoices(many(5), limit=10), "", [], [])
    assert shown == [f"wire-{i:04d}" for i in range(5)]


def test_a_long_list_stops_at_the_limit_and_says_how_many_more() -> None:
    listed = SourceChoices(many(250), limit=100).listed("", [], [])
    assert listed.hidden == 150
    assert len(listed.selections) == 101
    last = listed.selections[-1]
    assert last.value == MORE_VALUE and last.disabled
    assert "150 more" in str(last.prompt)


def test_ticked_sources_are_listed_first_even_beyond_the_limit() -> None:
    chosen = ["wire-0240", "wire-0200"]
    shown = values(SourceChoices(many(250), limit=3), "", chosen, ["wire-0100"])
    assert shown == ["wire-0240", "wire-0200", "wire-0100", "wire-0000", "wire-0001", MORE_VALUE]


def test_typing_reaches_a_source_the_window_left_out() -> None:
    shown = values(SourceChoices(many(250), limit=10), "agency 0249", [], [])
    assert shown == ["wire-0249"]


def test_a_replaced_source_is_described_anew() -> None:
    choices = SourceChoices(many(2))
    assert values(choices, "renamed", [], []) == []
    choices.sources = [many(2)[0].model_copy(update={"publisher": "Renamed"}), *many(2)[1:]]
    assert values(choices, "renamed", [], []) == ["wire-0000"]


@given(
    count=st.integers(0, 40),
    limit=st.integers(1, 12),
    ticked=st.sets(st.integers(0, 45), max_size=6),
    query=st.sampled_from(["", "agency", "00", "1", "zz"]),
)
def test_every_matching_source_is_listed_or_counted(
    count: int, limit: int, ticked: set[int], query: str
) -> None:
    sources = many(count)
    chosen = [f"wire-{i:04d}" for i in sorted(ticked)]
    listed = SourceChoices(sources, limit=limit).listed(query, chosen, [])
    shown = [s.value for s in listed.selections if s.value != MORE_VALUE]
    known = {s.id for s in sources}
    matching = [
        s.id for s in sources if query.casefold() in f"{s.publisher} · 2024-05-01 {s.id}".casefold()
    ]
    unknown_ticked = [c for c in chosen if c not in known and query in f"unknown source {c}"]
    assert set(shown) | set(unknown_ticked) >= {c for c in chosen if c in matching}
    assert len([v for v in shown if v in known]) + listed.hidden == len(matching)
    assert len([v for v in shown if v not in chosen]) <= limit
    assert (listed.hidden > 0) == (MORE_VALUE in [s.value for s in listed.selections])


async def test_the_picker_of_a_file_with_many_sources(sample: Situation) -> None:
    big = sample.model_copy(update={"sources": [*sample.sources, *many(400)]})
    note = big.notes[0]
    app = FormHost(lambda: EditEntryScreen("notes", big, note))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        field = form(app).fields["sources"]
        assert isinstance(field, SourcesField)
        listed = field.query_one(SelectionList)
        options = [o.value for o in listed.options]  # type: ignore[attr-defined]
        assert options[: len(note.sources)] == note.sources  # the ticked ones first
        assert options[-1] == MORE_VALUE
        assert len(options) == len(note.sources) + 100 + 1
        field.query_one(".sources-filter", Input).focus()
        await pilot.press(*"agency 0399")
        await pilot.pause()
        assert [o.value for o in listed.options] == ["wire-0399"]  # type: ignore[attr-defined]
        await pilot.press("enter", "space")
        await pilot.pause()
        assert field.read() == [*note.sources, "wire-0399"]
