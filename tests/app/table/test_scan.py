"""The filter's scan in slices (issue 18): whatever the slices, it finds what a plain filter finds.

A sliced filter shows the matches found so far; each must be the start of what a
plain filter (every row at once) shows, and once the scan has finished, all of it,
through queries typed on or changed and edits made between slices.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.app.safe import clean_all
from sitrep.app.widgets.table.cursor import RowCursor
from sitrep.app.widgets.table.matched import hidden_match
from sitrep.app.widgets.table.rows import Column, TableRows
from sitrep.app.widgets.table.scan import Slice
from sitrep.text import UNSAFE_RANGES


@dataclass(frozen=True)
class Item:
    name: str
    note: str
    count: int


COLUMNS = [
    Column[Item]("Name", lambda i: i.name),
    Column[Item]("Note", lambda i: i.note),
    Column[Item]("Count", lambda i: str(i.count), sort_key=lambda i: i.count, searched=False),
]
TEXT = st.text(alphabet="abAB1\t\n", max_size=4)
ITEM = st.builds(Item, TEXT, TEXT, st.integers(0, 3))
QUERY = st.text(alphabet="abB1 ", max_size=3)
STEP = st.one_of(
    st.tuples(st.just("filter"), QUERY),
    st.tuples(st.just("scan"), st.integers(1, 3)),
    st.tuples(st.just("insert"), st.integers(0, 40), ITEM),
    st.tuples(st.just("remove"), st.integers(0, 40)),
    st.tuples(st.just("update"), st.integers(0, 40), ITEM),
    st.tuples(st.just("sort"), st.sampled_from([None, 0, 1, 2]), st.booleans()),
)


def plain(data: list[Item], sort: tuple[int | None, bool], query: str) -> list[int]:
    """What a filter that looks at every row at once shows."""
    rows = TableRows(COLUMNS, data)
    rows.sort(*sort)
    rows.filter(query)
    assert not rows.scanning
    return rows.order


def apply(rows: TableRows[Item], data: list[Item], step: tuple[object, ...]) -> None:
    """One step on the sliced rows and on the plain data alike."""
    kind, *args = step
    if kind == "filter":
        rows.filter(str(args[0]))
    elif kind == "scan":
        for _ in range(int(str(args[0]))):
            rows.scan(rows.slice)
    elif kind == "sort":
        column, reverse = args
        rows.sort(column if isinstance(column, int) else None, bool(reverse))
    elif kind == "insert":
        index = min(int(str(args[0])), len(data))
        item = args[1]
        assert isinstance(item, Item)
        data.insert(index, item)
        rows.insert(index, item)
    elif data:
        index = int(str(args[0])) % len(data)
        if kind == "remove":
            del data[index]
            rows.remove(index)
        else:
            item = args[1]
            assert isinstance(item, Item)
            data[index] = item
            rows.update(index, item)


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEM, max_size=40), st.lists(STEP, max_size=12), st.integers(1, 7))
def test_a_sliced_filter_finds_what_a_plain_filter_finds(
    data: list[Item], steps: list[tuple[object, ...]], size: int
) -> None:
    data = list(data)
    rows = TableRows(COLUMNS, data)
    rows.slice = Slice(rows=size)
    for step in steps:
        apply(rows, data, step)
        expected = plain(data, (rows.sort_column, rows.reverse), rows.query)
        # What shows while the scan runs is the start of the final list: it stays put.
        assert rows.order == expected[: len(rows.order)]
        if not rows.scanning:
            assert rows.order == expected
    while not rows.scan(rows.slice):
        pass
    assert rows.order == plain(data, (rows.sort_column, rows.reverse), rows.query)


def test_each_slice_looks_at_its_rows_and_reports_progress() -> None:
    data = [Item(f"a{i}", "", 0) for i in range(10)]
    rows = TableRows(COLUMNS, data)
    rows.slice = Slice(rows=4)
    rows.filter("a")
    assert rows.order == [0, 1, 2, 3] and rows.scanning and rows.progress == 0.4
    rows.filter("a1")  # typed on: the rows found narrow, the scan goes on where it was
    assert rows.order == [1] and rows.progress == 0.8
    assert rows.scan(rows.slice) and rows.order == [1] and rows.progress == 1.0
    rows.filter("a")  # shorter: from the start again
    assert rows.order == [0, 1, 2, 3] and rows.progress == 0.4
    rows.filter("")  # cleared: no scan left
    assert not rows.scanning and rows.order == list(range(10))


def test_a_small_table_is_filtered_in_one_slice() -> None:
    rows = TableRows(COLUMNS, [Item(f"a{i}", "", 0) for i in range(499)])
    rows.slice = Slice(rows=500, seconds=0.0)
    rows.filter("a1")
    assert not rows.scanning
    assert rows.order == [i for i in range(499) if "a1" in f"a{i}"]


def test_a_slice_with_time_looks_further_than_its_rows() -> None:
    rows = TableRows(COLUMNS, [Item(f"a{i}", "", 0) for i in range(5000)])
    rows.slice = Slice(rows=10, seconds=60.0)  # far more time than 5,000 rows need
    rows.filter("a")
    assert not rows.scanning and len(rows.order) == 5000


def test_the_filter_does_not_look_in_a_count() -> None:
    data = [Item("x", "", 3), Item("y3", "", 0)]
    rows = TableRows(COLUMNS, data)
    rows.filter("3")
    assert rows.order == [1], "a 3 in the count column is no match"
    assert hidden_match(rows, [1, 1, 5], 1) == "Name"


def test_the_search_text_is_the_same_from_cells_or_from_the_entry() -> None:
    item = Item("Ab\tc", "line\nbreak\u202e", 2)
    fresh = TableRows(COLUMNS, [item])
    drawn = TableRows(COLUMNS, [item])
    drawn.rows[0].cells(COLUMNS)  # drawn first: the search text comes from its cells
    assert fresh.rows[0].search(COLUMNS) == drawn.rows[0].search(COLUMNS)
    assert fresh.rows[0].search(COLUMNS) == "ab    c\0line ⏎ break"
    assert fresh.rows[0]._cells is None, "a row never drawn keeps no cells"


def test_every_character_clean_changes_is_unprintable() -> None:
    """clean_all skips its search when the text is printable: that must be safe."""
    printable = [chr(c) for low, high in UNSAFE_RANGES for c in range(low, high + 1)]
    assert not any(char.isprintable() for char in printable)
    assert clean_all(["a\tb", "x"], one_line=True) == ["a    b", "x"]


def cursor_rows(count: int, size: int) -> RowCursor[Item]:
    rows = TableRows(COLUMNS, [Item(f"r{i}", "", 0) for i in range(count)])
    rows.slice = Slice(rows=size)
    return RowCursor(rows)


def test_the_cursor_waits_for_its_entry_until_the_scan_reaches_it() -> None:
    cursor = cursor_rows(100, 10)
    cursor.place(55)
    cursor.filter("5")  # r5, r15, ..., r50..r59, ...: r55 is not looked at yet
    assert cursor.index == 5 and cursor.wanted == 55, "on the first match meanwhile"
    while not cursor.model.scan(cursor.model.slice):
        if cursor.found():
            break
    assert cursor.index == 55 and cursor.wanted is None


def test_moving_the_cursor_stops_the_wait() -> None:
    cursor = cursor_rows(100, 10)
    cursor.place(55)
    cursor.filter("5")
    cursor.model.scan(cursor.model.slice)  # r5 and r15 found
    cursor.place(cursor.position + 1)  # the user moved on, to r15
    assert cursor.wanted is None
    while not cursor.model.scan(cursor.model.slice):
        assert not cursor.found()
    assert cursor.index == 15


def test_an_edit_mid_scan_keeps_the_cursor_on_its_entry() -> None:
    cursor = cursor_rows(100, 10)
    cursor.filter("r")
    while cursor.model.scanning and cursor.model.progress < 0.6:
        cursor.model.scan(cursor.model.slice)
    cursor.place(45)
    cursor.update(3, Item("changed", "", 0))  # the scan starts again, then finds r45 at once
    assert cursor.index == 45 and cursor.wanted is None
    cursor.insert(0, Item("r-new", "", 0))
    assert cursor.index == 46 and cursor.model.rows[46].entry.name == "r45"
    cursor.remove(10)
    assert cursor.model.rows[cursor.index or 0].entry.name == "r45"
