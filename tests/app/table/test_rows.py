"""The rows behind EntryTable: sort, filter and in-place edits at 10,000 rows (no drawing)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sitrep.app.widgets.table.rows import Column, TableRows

N = 10_000


@dataclass(frozen=True)
class Item:
    name: str
    number: int | None


COLUMNS = [
    Column[Item]("Name", lambda i: i.name),
    Column[Item](
        "Number",
        lambda i: "" if i.number is None else str(i.number),
        sort_key=lambda i: i.number,
    ),
]


def items(n: int = N) -> list[Item]:
    # Numbers repeat (ties) and every 7th is missing, so stability and blanks are exercised.
    return [Item(f"item {i:05d}", None if i % 7 == 0 else (i * 37) % 1000) for i in range(n)]


def expected_order(data: list[Item]) -> list[int]:
    """Sorted by number, blanks last, ties in document order (what a stable sort gives)."""
    present = [i for i, x in enumerate(data) if x.number is not None]
    present.sort(key=lambda i: data[i].number or 0)
    return present + [i for i, x in enumerate(data) if x.number is None]


def test_unsorted_is_document_order() -> None:
    rows = TableRows(COLUMNS, items())
    assert rows.order == list(range(N))


def test_sort_is_stable_with_blanks_last() -> None:
    data = items()
    rows = TableRows(COLUMNS, data)
    rows.sort(1)
    assert rows.order == expected_order(data)


def test_reverse_keeps_ties_in_document_order() -> None:
    data = items()
    rows = TableRows(COLUMNS, data)
    rows.sort(1, reverse=True)
    numbers = [data[i].number for i in rows.order]
    known = [n for n in numbers if n is not None]
    assert known == sorted(known, reverse=True)
    for a, b in zip(rows.order, rows.order[1:], strict=False):
        if data[a].number == data[b].number:
            assert a < b, "ties (blanks too) stay in document order"
    blanks = sum(1 for x in data if x.number is None)
    assert all(data[i].number is None for i in rows.order[-blanks:]), "blanks stay last"


def test_reverse_without_sort_is_newest_first() -> None:
    rows = TableRows(COLUMNS, items(50))
    rows.sort(None, reverse=True)
    assert rows.order == list(range(49, -1, -1))


def test_filter_matches_any_cell_case_insensitively() -> None:
    data = items()
    rows = TableRows(COLUMNS, data)
    rows.filter("ITEM 0999")
    assert rows.order == [i for i in range(N) if f"item {i:05d}".startswith("item 0999")]
    rows.filter("999")
    assert rows.order == [
        i for i, x in enumerate(data) if "999" in x.name or "999" in str(x.number or "")
    ]
    rows.filter("")
    assert rows.order == list(range(N))


def test_filter_does_not_match_across_cells() -> None:
    rows = TableRows(COLUMNS, [Item("ab", 12), Item("a", 12)])
    rows.filter("b1")  # "ab" then "12": the text runs on, but the cells do not
    assert rows.order == []
    rows.filter("12")
    assert rows.order == [0, 1]


def test_filter_and_sort_together() -> None:
    data = items()
    rows = TableRows(COLUMNS, data)
    rows.sort(1)
    rows.filter("item 00")
    wanted = [i for i in expected_order(data) if data[i].name.startswith("item 00")]
    assert rows.order == wanted


@pytest.mark.parametrize("sorted_by", [None, 1])
def test_insert_shifts_later_rows(sorted_by: int | None) -> None:
    data = items(1000)
    rows = TableRows(COLUMNS, data)
    rows.sort(sorted_by)
    new = Item("inserted", 500)
    rows.insert(10, new)
    data.insert(10, new)
    assert [r.entry for r in rows.rows] == data
    fresh = TableRows(COLUMNS, data)
    fresh.sort(sorted_by)
    assert rows.order == fresh.order


@pytest.mark.parametrize("sorted_by", [None, 1])
def test_remove_shifts_later_rows(sorted_by: int | None) -> None:
    data = items(1000)
    rows = TableRows(COLUMNS, data)
    rows.sort(sorted_by, reverse=True)
    rows.filter("item 0")
    rows.remove(3)
    del data[3]
    fresh = TableRows(COLUMNS, data)
    fresh.sort(sorted_by, reverse=True)
    fresh.filter("item 0")
    assert rows.order == fresh.order


def test_update_moves_the_row_to_its_sorted_place() -> None:
    data = items(1000)
    rows = TableRows(COLUMNS, data)
    rows.sort(1)
    data[5] = Item(data[5].name, -1)  # now the smallest
    rows.update(5, data[5])
    assert rows.order[0] == 5
    assert rows.rows[5].cells(COLUMNS) == [data[5].name, "-1"]


def test_update_leaves_the_filter_when_it_no_longer_matches() -> None:
    rows = TableRows(COLUMNS, items(100))
    rows.filter("item 00004")
    assert rows.order == [4]
    rows.update(4, Item("renamed", 1))
    assert rows.order == []


def test_cells_are_cleaned_to_one_line() -> None:
    rows = TableRows(COLUMNS, [Item("two\nlines\x1b]0;pwned\x07", 1)])
    [cell, _] = rows.rows[0].cells(COLUMNS)
    assert "\n" not in cell and "\x1b" not in cell and "\x07" not in cell
    assert "⏎" in cell and "␛" in cell


def test_position_of() -> None:
    rows = TableRows(COLUMNS, items(100))
    rows.filter("item 00005")
    assert rows.position_of(5) == 0
    assert rows.position_of(6) is None
