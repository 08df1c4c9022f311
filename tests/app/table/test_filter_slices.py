"""A filter on a large table, run in slices between events (issue 18), as the user sees it.

The table here needs a hundred slices (50 rows each), so every test sees the scan
mid-way: the progress in the title, the first matches before the end, keys and
edits between slices. States are recorded after each slice and on each change of
the view; the tests wait for those events, never for a fixed time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from sitrep.app.widgets.table import slices
from sitrep.app.widgets.table.rows import Column
from sitrep.app.widgets.table.scan import Slice
from sitrep.app.widgets.table.section import SectionView
from sitrep.app.widgets.table.table import EntryTable
from tests.app.keys import key_event
from tests.app.table.test_widget import COLUMNS as WIDGET_COLUMNS
from tests.app.table.test_widget import Row

N = 5_000


COLUMNS: list[Column[Row]] = WIDGET_COLUMNS[:2]
"""Name and size (a size is 0 to 6: its text matches a digit typed)."""


def data() -> list[Row]:
    return [Row(f"row {i}", i % 7) for i in range(N)]


@dataclass(frozen=True)
class Seen:
    """The table right after a slice of the scan."""

    query: str
    filtering: bool
    progress: float
    count: int
    top: list[int]
    empty: str
    lines: list[str]
    cursor: int | None


class FilterApp(App[None]):
    """A section's table of N rows, recording what it shows after each slice."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.seen: list[Seen] = []
        self.titles: list[str] = []
        self._waits: list[tuple[Callable[[], bool], asyncio.Future[None]]] = []

    def compose(self) -> ComposeResult:
        yield SectionView("places", "Places", COLUMNS)

    @property
    def view(self) -> SectionView:
        return self.query_one(SectionView)

    @property
    def table(self) -> EntryTable[Any]:
        return self.view.table

    def on_mount(self) -> None:
        table = self.table
        table.set_entries(self.rows)
        table.focus()
        after = table.slices.after

        def record() -> None:
            after()
            self.seen.append(
                Seen(
                    query=table.model.query,
                    filtering=table.filtering,
                    progress=table.model.progress,
                    count=table.row_count,
                    top=table.visible_indexes()[:20],
                    empty=table.empty_message(),
                    lines=[table.render_line(y).text.strip() for y in range(1, 4)],
                    cursor=table.cursor_index,
                )
            )
            self._wake()

        table.slices.after = record

    def on_entry_table_view_changed(self, event: EntryTable.ViewChanged) -> None:
        for title in self.query(".section-title").results(Static):  # none once closing
            self.titles.append(str(title.render()))
        self._wake()

    def _wake(self) -> None:
        for predicate, future in list(self._waits):
            if predicate() and not future.done():
                future.set_result(None)
                self._waits.remove((predicate, future))

    async def until(self, predicate: Callable[[], bool]) -> None:
        """Wait for a slice or a change of the view after which predicate holds."""
        if predicate():
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waits.append((predicate, future))
        await asyncio.wait_for(future, timeout=60)

    async def type(self, *keys: str) -> None:
        """Keys posted at once into the filter box (opened first), as a terminal sends them."""
        await self.view.open_filter()
        for key in keys:
            self.post_message(key_event(key))


@pytest.fixture(autouse=True)
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fifty rows a slice: a hundred slices for the table, whatever the machine's speed."""
    monkeypatch.setattr(slices, "SLICE", Slice(rows=50))


def matching(rows: list[Row], query: str) -> list[int]:
    """What a plain filter finds: the rows with a cell that holds query."""
    return [i for i, row in enumerate(rows) if query in row.name or query in f"{row.size:,}"]


async def test_the_first_matches_show_at_once_with_the_progress_then_the_count() -> None:
    app = FilterApp(data())
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await app.type("9")
        await app.until(lambda: table.model.query == "9")
        await table.filter_finished()
        await pilot.pause()
        expected = matching(app.rows, "9")
        assert table.visible_indexes() == expected
        during = [seen for seen in app.seen if seen.filtering]
        assert len(during) > 10, "the scan ran in many slices"
        assert all(seen.count > 0 for seen in during[1:]), "matches show before the end"
        assert during[0].top == expected[: len(during[0].top)]
        first_screen = next(seen.top for seen in during if len(seen.top) == 20)
        for seen in during:  # the rows found stay put; later ones join below
            assert seen.top == expected[: len(seen.top)]
            assert seen.cursor == expected[0]
        assert during[1].lines[0].startswith("row 9")
        progress = [seen.progress for seen in during]
        assert progress == sorted(progress) and progress[-1] < 1.0
        assert not app.seen[-1].filtering and app.seen[-1].progress == 1.0
        assert table.visible_indexes()[:20] == first_screen
        filtering = [t for t in app.titles if "so far, filtering…" in t]
        assert filtering and any("%" in t for t in filtering)
        assert f"{len(expected):,} of {N:,}" in app.titles[-1]
        assert "filtering" not in app.titles[-1]
        assert not table.slices.running


async def test_no_match_is_said_only_once_every_row_was_looked_at() -> None:
    app = FilterApp(data())
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await app.type("z", "z")
        await app.until(lambda: table.model.query == "zz")
        await table.filter_finished()
        await pilot.pause()
        during = [seen for seen in app.seen if seen.filtering]
        assert during, "the scan was seen running"
        for seen in during:
            assert seen.empty.startswith("Looking for “zz”…") and seen.empty.endswith("%")
            assert "No match" not in "\n".join(seen.lines)
        assert table.empty_message() == "No match for “zz” (Esc clears the filter)"
        assert table.row_count == 0 and table.cursor_index is None
        text = "\n".join(table.render_line(y).text for y in range(4))
        assert "No match for “zz”" in text


async def test_typing_on_mid_scan_narrows_and_a_shorter_query_starts_again() -> None:
    app = FilterApp(data())
    async with app.run_test(size=(80, 24)):
        table = app.table
        await app.type("1")
        await app.until(lambda: table.model.query == "1" and table.model.progress >= 0.3)
        assert table.filtering
        typed_at = table.model.progress
        app.post_message(key_event("2"))
        await app.until(lambda: table.model.query == "12")
        assert table.filtering, "the key arrived mid-scan"
        assert table.model.progress >= typed_at, "typing on goes on from where the scan was"
        assert table.visible_indexes() == matching(app.rows, "12")[: table.row_count]
        narrowed_at = table.model.progress
        app.post_message(key_event("backspace"))
        await app.until(lambda: table.model.query == "1")
        assert table.model.progress < narrowed_at, "a shorter query starts again"
        await table.filter_finished()
        assert table.visible_indexes() == matching(app.rows, "1")


async def test_an_edit_mid_scan_is_kept_and_nothing_that_matches_is_lost() -> None:
    app = FilterApp(data())
    async with app.run_test(size=(80, 24)):
        table = app.table
        await app.type("9")
        await app.until(lambda: table.filtering and table.model.progress >= 0.3)
        rows = list(app.rows)
        edits: list[tuple[str, int, Row | None]] = [
            ("update", 0, Row("now 9", 1)),  # already looked at: now matches
            ("update", 9, Row("no longer", 1)),  # a match found already: gone
            ("update", 4_000, Row("late 9 too", 2)),  # not looked at yet
            ("insert", 3, Row("new 99", 3)),
            ("remove", 19, None),
        ]
        for kind, index, row in edits:
            if kind == "update" and row is not None:
                rows[index] = row
                table.update_row(index, row)
            elif kind == "insert" and row is not None:
                rows.insert(index, row)
                table.insert_row(index, row)
            else:
                del rows[index]
                table.remove_row(index)
            for seen in table.visible_indexes():  # never a row that does not match
                assert seen in matching(rows, "9")
        await table.filter_finished()
        assert table.visible_indexes() == matching(rows, "9")


async def test_escape_mid_scan_stops_it_and_shows_every_row() -> None:
    app = FilterApp(data())
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await app.type("8")
        await app.until(lambda: table.filtering and table.model.progress >= 0.1)
        app.post_message(key_event("escape"))
        await app.until(lambda: table.model.query == "")
        assert not table.filtering and not table.slices.running
        await table.filter_finished()  # returns at once: nothing runs
        await pilot.pause()
        assert table.row_count == N
        assert "filter" not in app.titles[-1]


async def test_the_cursor_goes_to_its_entry_once_the_scan_reaches_it() -> None:
    app = FilterApp(data())
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        assert table.move_to_index(4_500)
        await app.type("4", "5")
        await app.until(lambda: table.model.query == "45")
        await table.filter_finished()
        await pilot.pause()
        first = matching(app.rows, "45")[0]
        cursors = [seen.cursor for seen in app.seen if seen.query == "45"]
        waited = cursors.index(4_500)
        assert waited > 0 and set(cursors[:waited]) == {first}, "on the first match meanwhile"
        assert set(cursors[waited:]) == {4_500}, "then on its entry, once found"
        assert table.cursor_index == 4_500, "the row the user was on, as a filter at once would"
        position = table.visible_indexes().index(4_500)
        top = round(table.scroll_y)
        assert top <= position < top + table.scrollable_content_region.height - 1
