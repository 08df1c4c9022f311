"""What the speed work changed below the widgets: same results, computed differently.

Filtering narrows the previous matches while the query grows, search texts are
prepared ahead, cells are cleaned in one pass, and the duplicate-key check of an
edit uses C-level scans. Each must give exactly what the plain way gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.app.safe import clean, clean_all
from sitrep.app.widgets.table.rows import Column, TableRows
from sitrep.editing.document import EditRejected
from sitrep.model.entries import Place
from sitrep.model.situation import Situation
from sitrep.model.validation import checks
from sitrep.model.validation.checks import check_entry


@dataclass(frozen=True)
class Item:
    name: str
    note: str


COLUMNS = [Column[Item]("Name", lambda i: i.name), Column[Item]("Note", lambda i: i.note)]
WORDS = ["Kabul", "kandahar", "HERAT", "Kunduz", "Herat\tcity", "line\nbreak", "bidi\u202ex", ""]


def items() -> list[Item]:
    return [Item(f"{WORDS[i % 8]} {i}", WORDS[(i * 3) % 8]) for i in range(400)]


def fresh_order(data: list[Item], query: str) -> list[int]:
    rows = TableRows(COLUMNS, data)
    rows.filter(query)
    return rows.order


@pytest.mark.parametrize("typed", ["k", "ka", "kan", "kand", "an", "n", "he", "herat    c", "⏎"])
def test_typing_on_narrows_to_what_a_fresh_filter_finds(typed: str) -> None:
    data = items()
    rows = TableRows(COLUMNS, data)
    for end in range(1, len(typed) + 1):  # typed one key at a time
        rows.filter(typed[:end])
        assert rows.order == fresh_order(data, typed[:end])


def test_narrowing_keeps_the_sort_order() -> None:
    data = items()
    rows = TableRows(COLUMNS, data)
    rows.sort(0, reverse=True)
    rows.filter("h")
    rows.filter("he")
    expected = TableRows(COLUMNS, data)
    expected.sort(0, reverse=True)
    expected.filter("he")
    assert rows.order == expected.order and rows.order


def test_a_shorter_or_other_query_filters_everything_again() -> None:
    data = items()
    rows = TableRows(COLUMNS, data)
    for query in ["kab", "ka", "k", "her", "x", ""]:
        rows.filter(query)
        assert rows.order == fresh_order(data, query)


def test_warm_prepares_every_search_text_a_slice_at_a_time() -> None:
    rows = TableRows(COLUMNS, items())
    assert not any(row._search for row in rows.rows)
    steps = 0
    while not rows.warm(150):
        steps += 1
    assert steps == 2, "400 rows in slices of 150"
    assert all(row._search == row.search(COLUMNS) for row in rows.rows)
    rows.set_entries(items()[:10])
    assert rows.warm(5) is False and rows.warm(5) is True


@given(st.lists(st.text(alphabet=st.sampled_from("ab \t\n\r\x1b\x00\x7f\x9b\u202e\u2066é"))))
def test_clean_all_is_clean_of_each(texts: list[str]) -> None:
    assert clean_all(list(texts), one_line=True) == [clean(t, one_line=True) for t in texts]
    assert clean_all(list(texts)) == [clean(t) for t in texts]


def test_clean_all_returns_plain_texts_as_they_are() -> None:
    texts = ["Kabul", "Herat — city"]
    assert clean_all(texts) is texts


def test_an_id_used_by_another_place_is_refused_whatever_its_case(sample: Situation) -> None:
    kandahar = next(p for p in sample.places if p.id == "kandahar")
    other = sample.places[0] if sample.places[0] is not kandahar else sample.places[1]
    renamed = other.model_copy(update={"id": "KANDAHAR"})
    index = sample.places.index(other)
    with pytest.raises(EditRejected, match="already used"):
        check_entry(sample, "places", index, renamed, other)
    # The entry being replaced does not count against itself...
    check_entry(sample, "places", index, other.model_copy(update={"note": "x"}), other)
    # ...but an equal copy of it elsewhere does (only the very object is skipped).
    copy = Place.model_validate(other.model_dump())
    with pytest.raises(EditRejected, match="already used"):
        check_entry(sample, "places", index, copy, copy)


def test_an_unchanged_key_is_not_searched_for_but_a_changed_one_is(
    sample: Situation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Most edits keep the entry's id: those skip the scan of every entry (100,000 places)."""
    folded: list[str] = []
    real_casefold = str.casefold
    monkeypatch.setattr(checks, "str", _CountingStr(folded, real_casefold), raising=False)
    place = sample.places[3]
    check_entry(sample, "places", 3, place.model_copy(update={"note": "x"}), place)
    assert folded == [], "no other entry's key is folded"
    folded.clear()
    check_entry(sample, "places", 3, place.model_copy(update={"id": "somewhere-new"}), place)
    assert len(folded) == len(sample.places), "a new key is checked against every entry"


class _CountingStr:
    """Stands in for str inside checks.py, counting the keys it folds."""

    def __init__(self, folded: list[str], casefold: Callable[[str], str]) -> None:
        self.folded = folded
        self._casefold = casefold

    def __call__(self, value: object) -> str:
        return str(value)

    def casefold(self, value: str) -> str:
        self.folded.append(value)
        return self._casefold(value)


def test_warming_waits_for_the_keyboard_to_be_quiet_too() -> None:
    """A dialog opened and answered moves no cursor: its keys must still hold the ticks off."""
    import time
    from types import SimpleNamespace
    from typing import Any

    from sitrep.app.keyqueue import KeyQueue
    from sitrep.app.widgets.table.warm import WARM_QUIET, SearchWarmer

    keys = KeyQueue(app=None, deliver=None)  # type: ignore[arg-type]
    widget: Any = SimpleNamespace(app=SimpleNamespace(keys=keys))
    rows = TableRows(COLUMNS, items())
    warmer = SearchWarmer(widget, rows)
    keys.last_key_at = time.monotonic()
    warmer._tick()
    assert not any(row._search for row in rows.rows), "a key came just now: no tick"
    keys.last_key_at = time.monotonic() - WARM_QUIET - 0.01
    warmer._tick()
    assert any(row._search for row in rows.rows), "quiet for long enough: a tick warms"
