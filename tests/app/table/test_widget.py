"""EntryTable on its own, with 10,000 synthetic rows: keys, mouse, sort, filter, edits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input

from sitrep.app.widgets.table.rows import Column
from sitrep.app.widgets.table.table import EntryTable

N = 10_000
SIZE = (80, 24)


@dataclass(frozen=True)
class Row:
    name: str
    size: int


COLUMNS = [
    Column[Row]("Name", lambda r: r.name, min_width=6, max_width=20),
    Column[Row]("Size", lambda r: f"{r.size:,}", align="right", sort_key=lambda r: r.size),
    Column[Row]("Note", lambda r: f"note for {r.name}", min_width=8, flex=True),
]


def rows(n: int = N) -> list[Row]:
    return [Row(f"row {i}", (i * 7919) % 10_007) for i in range(n)]


class TableApp(App[None]):
    """One table, plus a record of the messages it sends."""

    def __init__(self, data: list[Row]) -> None:
        super().__init__()
        self.data = data
        self.highlighted: list[int | None] = []
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield Input(id="other")
        yield EntryTable(COLUMNS, id="table")

    def on_mount(self) -> None:
        table = self.table
        table.set_entries(self.data)
        table.focus()

    @property
    def table(self) -> EntryTable[Any]:
        return self.query_one(EntryTable)

    def on_entry_table_row_highlighted(self, event: EntryTable.RowHighlighted) -> None:
        self.highlighted.append(event.index)

    def on_entry_table_row_selected(self, event: EntryTable.RowSelected) -> None:
        self.selected.append(event.index)


def screen_text(app: App[Any]) -> str:
    """What the table shows, line by line (its header first)."""
    table = app.query_one(EntryTable)
    return "\n".join(
        table.render_line(y).text for y in range(table.scrollable_content_region.height)
    )


async def test_keys_move_the_cursor_and_scroll() -> None:
    app = TableApp(rows())
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.press("j", "down", "j")
        assert table.cursor_index == 3
        await pilot.press("k")
        assert table.cursor_index == 2
        await pilot.press("G")
        assert table.cursor_index == N - 1
        await pilot.pause()
        assert f"row {N - 1}" in screen_text(app), "the last row is scrolled into view"
        await pilot.press("g")
        assert table.cursor_index == 0
        await pilot.press("end", "home", "pagedown")
        page = table.cursor_index
        assert page is not None and 10 < page < 24
        await pilot.press("pagedown", "pageup")
        assert table.cursor_index == page
        await pilot.press("up", "up", "up", "up")
        assert table.cursor_index == page - 4
        await pilot.pause()
    assert app.highlighted[0] == 0
    assert app.highlighted[-1] == page - 4


async def test_only_visible_rows_are_rendered() -> None:
    app = TableApp(rows())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rendered = sum(1 for row in app.table.model.rows if row.strip is not None)
        assert 0 < rendered < 30
        computed = sum(1 for row in app.table.model.rows if row._cells is not None)
        assert computed < 300, "cells of rows never shown are not computed"


async def test_header_stays_on_top_when_scrolled() -> None:
    app = TableApp(rows())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        await pilot.pause()
        first_line = screen_text(app).splitlines()[0]
        assert "Name" in first_line and "Size" in first_line


async def test_sort_keeps_the_cursor_on_its_row_and_marks_the_header() -> None:
    data = rows()
    app = TableApp(data)
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.press("j", "j", "j", "j", "j")
        table.sort_by(1)
        await pilot.pause()
        assert table.cursor_index == 5
        order = table.visible_indexes()
        assert [data[i].size for i in order] == sorted(r.size for r in data)
        assert "Size ▲" in screen_text(app).splitlines()[0]
        table.reverse_sort()
        await pilot.pause()
        assert [data[i].size for i in table.visible_indexes()] == sorted(
            (r.size for r in data), reverse=True
        )
        assert "Size ▼" in screen_text(app).splitlines()[0]
        assert table.cursor_index == 5


async def test_cycle_sort_walks_the_columns_then_back_to_file_order() -> None:
    app = TableApp(rows(100))
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        seen = []
        for _ in range(4):
            table.cycle_sort()
            await pilot.pause()
            seen.append(table.model.sort_column)
        assert seen == [0, 1, 2, None]
        assert table.visible_indexes() == list(range(100))


async def test_clicking_a_title_sorts_and_clicking_again_reverses() -> None:
    app = TableApp(rows(200))
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        x = table.widths[0] + 2  # inside the Size title
        await pilot.click(EntryTable, offset=(x, 0))
        assert (table.model.sort_column, table.model.reverse) == (1, False)
        await pilot.click(EntryTable, offset=(x, 0))
        assert (table.model.sort_column, table.model.reverse) == (1, True)


async def test_click_selects_a_row_and_double_click_chooses_it() -> None:
    app = TableApp(rows(200))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(EntryTable, offset=(3, 4))  # line 4 is the 4th row (0 is the header)
        assert app.table.cursor_index == 3
        await pilot.click(EntryTable, offset=(3, 2), times=2)
        await pilot.pause()
        assert app.table.cursor_index == 1
        assert app.selected == [1]


async def test_filter_keeps_an_index_of_matches() -> None:
    data = rows()
    app = TableApp(data)
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        table.set_filter("ROW 99")
        await table.filter_finished()  # 10,000 rows: the filter may take several slices
        expected = [i for i, r in enumerate(data) if "row 99" in r.name]
        assert table.visible_indexes() == expected
        assert table.row_count == len(expected)
        assert table.cursor_index == expected[0]
        await pilot.press("j")
        assert table.cursor_index == expected[1]
        table.set_filter("no such row")
        await table.filter_finished()
        assert table.cursor_index is None
        assert "No match for “no such row”" in screen_text(app)
        assert "Nothing here yet" not in screen_text(app)
        table.set_filter("")
        await pilot.pause()
        assert table.row_count == N


async def test_update_insert_remove_in_place() -> None:
    data = rows()
    app = TableApp(data)
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.press("j", "j")
        await pilot.pause()
        table.update_row(2, Row("renamed", 1))
        await pilot.pause()
        assert "renamed" in screen_text(app)
        assert table.cursor_index == 2
        table.insert_row(0, Row("first", 5))
        await pilot.pause()
        assert table.cursor_index == 3, "the cursor stays on its entry, now one lower"
        assert screen_text(app).splitlines()[1].split()[0] == "first"
        table.remove_row(3)
        await pilot.pause()
        assert table.cursor_index == 3, "after a delete the cursor is on the next row"
        assert table.row_count == N
        assert [r.entry for r in table.model.rows[:4]] == [Row("first", 5), *data[:2], data[3]]


async def test_edits_redraw_only_the_rows_they_touch() -> None:
    app = TableApp(rows())
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.pause()
        cached = [row.strip for row in table.model.rows[:10]]
        table.update_row(5, Row("changed", 3))
        assert table.model.rows[5].strip is None
        assert [row.strip for row in table.model.rows[:5]] == cached[:5]
        assert all(s is not None for s in cached[6:10])
        assert [row.strip for row in table.model.rows[6:10]] == cached[6:10]


async def test_widths_come_from_a_sample_and_grow_on_edit() -> None:
    data = [Row("x", 1) for _ in range(5001)] + [Row("a much longer name", 1)]
    app = TableApp(data)
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.pause()
        before = table.widths[0]
        assert before < len("a much longer name")
        table.update_row(0, Row("a name of 17 cells", 2))
        await pilot.pause()
        assert table.widths[0] == len("a name of 17 cells")


async def test_hostile_text_is_drawn_literally() -> None:
    hostile = [
        Row("[bold]x[/]", 1),
        Row("[@click=app.quit]click[/]", 2),
        Row("\x1b]0;pwned\x07title", 3),
        Row("شكرا RTL \u202eevil", 4),
        Row("漢字 🚀 emoji", 5),
        Row("z" * 10_000, 6),
    ]
    app = TableApp(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x[/]" in text
        assert "[@click=app.quit]" in text
        assert "\x1b" not in text and "\x07" not in text and "␛" in text
        assert "\u202e" not in text
        assert "漢字 🚀" in text
        table = app.table
        width = table.scrollable_content_region.width
        for y in range(len(hostile) + 1):  # wide characters never push a row past the edge
            assert table.render_line(y).cell_length == width
        await pilot.click(EntryTable, offset=(4, 2))
        await pilot.pause()
        assert app.is_running, "clicking a cell never runs an action"
