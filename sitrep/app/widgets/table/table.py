"""EntryTable: a table of entries with a cursor row, sorting and filtering, by keyboard.

It adds to RowsView (view.py), which draws the rows virtually, what a user does
with them: the keys and the mouse move the cursor, sort and filter; edits of
the document arrive as row changes; parents hear of the cursor (RowHighlighted,
and at once through cursor_listener), a chosen entry and a changed view. On a
large table a filter runs in slices between events (slices.py): the first
matches show at once, later ones join below them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeAlias, TypeVar

from textual import events
from textual.geometry import Region

from sitrep.app.bindings import bindings
from sitrep.app.widgets.table import messages
from sitrep.app.widgets.table.layout import ColumnWidths, column_at, next_sort_column
from sitrep.app.widgets.table.rows import Column
from sitrep.app.widgets.table.slices import FilterSlices
from sitrep.app.widgets.table.view import RowsView
from sitrep.app.widgets.table.warm import SearchWarmer

T = TypeVar("T")


class EntryTable(RowsView[T], Generic[T], can_focus=True):
    """A table of entries with a cursor row, sorting and filtering.

    Rows are addressed by their index in the document's list; the messages carry
    that index, whatever the sort or filter.
    """

    BINDINGS: ClassVar = bindings("table")

    DEFAULT_CSS = """
    EntryTable { height: 1fr; }
    """

    RowHighlighted: TypeAlias = messages.RowHighlighted
    RowSelected: TypeAlias = messages.RowSelected
    ViewChanged: TypeAlias = messages.ViewChanged

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        empty_text: str = "Nothing here yet: press a to add.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(columns, empty_text=empty_text, name=name, id=id, classes=classes)
        self.warmer = SearchWarmer(self, self.model)
        self.slices = FilterSlices(self, self.model, self._after_slice)
        self._highlighted: int | None = None
        self.cursor_listener: Callable[[EntryTable[Any], int | None], None] | None = None
        """Called at once when the cursor moves to another entry (before RowHighlighted
        is posted): what follows the cursor is then drawn in the same frame as the row."""

    # -- loading and editing (the cursor stays on its entry) ------------------------
    def set_entries(self, entries: Sequence[T]) -> None:
        """Show these entries (row i is entry i), keeping the sort and filter."""
        self.rows.set_entries(entries)
        self._fit(measure=True)
        self._after_change()
        self.warmer.start()  # every row's search text, a little at a time

    def insert_row(self, index: int, entry: T) -> None:
        """Entry added at index; the cursor stays on the entry it was on."""
        self.rows.insert(index, entry)
        self._grow(index)
        self._after_change()

    def remove_row(self, index: int) -> None:
        """Entry at index deleted; the cursor moves to the next row."""
        self.rows.remove(index)
        self._after_change()

    def update_row(self, index: int, entry: T) -> None:
        """Entry at index replaced: redraw that row only (and move it if the sort says so)."""
        self.rows.update(index, entry)
        self._grow(index)
        self._after_change()

    def refresh_cells(self) -> None:
        """Recompute every cell (after a change other entries' cells depend on)."""
        self.rows.refresh_cells()
        self._after_change()
        self.warmer.start()

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        """Show other columns (a header edit changed what some show), measured again."""
        self.rows.set_columns(columns)
        self.sizes = ColumnWidths(self.model.columns)
        self._fit(measure=True)
        self._after_change()
        self.warmer.start()

    def _after_change(self) -> None:
        self._update_virtual_size()
        self.scroll_to_cursor()
        self.refresh()
        self._announce()
        self.post_message(self.ViewChanged(self))
        self.slices.start()  # the rest of the filter's scan, if it has not finished

    def _after_slice(self) -> None:
        """More rows found (below those shown): the count, the scrollbar, and the cursor
        if it was waiting for an entry the scan has now reached."""
        self._update_virtual_size()
        if self.rows.found():
            self.scroll_to_cursor()
            # Again once laid out: the rows found may have brought a scrollbar that
            # takes a line or a column.
            self.call_after_refresh(self.scroll_to_cursor)
        self.refresh()
        self._announce()
        self.post_message(self.ViewChanged(self))

    @property
    def filtering(self) -> bool:
        """True while the filter is still looking at rows (the count is not final)."""
        return self.model.scanning

    async def filter_finished(self) -> None:
        """Return once the filter has looked at every row."""
        await self.slices.wait()

    # -- sort and filter -------------------------------------------------------
    def sort_by(self, column: int | None, reverse: bool = False) -> None:
        """Sort by a column (None: file order); the cursor keeps its entry."""
        self.rows.sort(column, reverse)
        self._invalidate()
        self._after_change()

    def cycle_sort(self) -> None:
        """Sort by the next column shown; after the last, back to file order."""
        self.sort_by(next_sort_column(self.model.sort_column, self.sizes.used, len(self.columns)))

    def reverse_sort(self) -> None:
        """Flip the order of the current sort (or of the file order)."""
        self.sort_by(self.model.sort_column, not self.model.reverse)

    def set_filter(self, query: str) -> None:
        """Show only rows with a cell containing query, case-insensitively."""
        self.filter_text = query
        self.rows.filter(query)
        self._after_change()

    # -- cursor ------------------------------------------------------------------
    def move_cursor(self, position: int) -> None:
        """Put the cursor at a position in the visible rows (clamped)."""
        old = self.cursor
        self.rows.place(position)
        if self.scroll_to_cursor():
            self.refresh()
        else:  # only the two rows whose highlight changed are drawn again
            top = round(self.scroll_y)
            width = self.scrollable_content_region.width
            for row in {old, self.cursor}:
                self.refresh(Region(0, row - top + 1, width, 1))
        self._announce()

    def move_to_index(self, index: int) -> bool:
        """Put the cursor on a document index; False when that row is filtered out (a
        match the filter has not reached yet: the cursor goes there when it does)."""
        position = self.model.position_of(index)
        if position is None:
            return self.rows.wait_for(index)
        self.move_cursor(position)
        return True

    def _announce(self) -> None:
        self.warmer.moved()
        index = self.cursor_index
        if index != self._highlighted:
            self._highlighted = index
            if self.cursor_listener is not None:
                self.cursor_listener(self, index)
            self.post_message(self.RowHighlighted(self, index))

    def action_cursor_up(self) -> None:
        """Move the cursor up one row."""
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        """Move the cursor down one row."""
        self.move_cursor(self.cursor + 1)

    def action_first_row(self) -> None:
        """Move the cursor to the first row."""
        self.move_cursor(0)

    def action_last_row(self) -> None:
        """Move the cursor to the last row."""
        self.move_cursor(self.row_count - 1)

    def action_page_up(self) -> None:
        """Move the cursor up one screenful."""
        self.move_cursor(self.cursor - self._page())

    def action_page_down(self) -> None:
        """Move the cursor down one screenful."""
        self.move_cursor(self.cursor + self._page())

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    # -- mouse -------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        """A click on a title sorts by it (again: reverses); on a row, selects it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = column_at(self.sizes.used, offset.x + round(self.scroll_x))
            if column is not None:
                same = column == self.model.sort_column
                self.sort_by(column, not self.model.reverse if same else False)
            return
        position = round(self.scroll_y) + offset.y - 1
        if 0 <= position < self.row_count:
            self.move_cursor(position)
            if event.chain >= 2 and self.cursor_index is not None:
                self.post_message(self.RowSelected(self, self.cursor_index))

    def on_mount(self) -> None:
        """Warm the rows set before mounting (RowsView follows the theme)."""
        if not self.warmer.running:
            self.warmer.start()
