"""EntryTable: a virtualized table of entries, fast at 100,000 rows.

Textual's DataTable measures every cell of every row before its first paint;
this table draws only the rows on screen (the Line API on a ScrollView),
measures column widths on a sample of rows, caches each row's rendered line and
redraws only rows that changed. Cells are built as Segments from cleaned text,
so user text is never parsed as markup.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from sitrep.app.bindings import bindings
from sitrep.app.widgets.table.layout import (
    column_at,
    fit_widths,
    grown_widths,
    header_strip,
    natural_widths,
    row_strip,
    table_width,
)
from sitrep.app.widgets.table.rows import Column, TableRows

T = TypeVar("T")

WARM_ROWS = 400
"""Rows whose search text is computed per tick while idle (about 2 ms of work)."""
WARM_EVERY = 0.02
"""Seconds between two such ticks, so keys pressed meanwhile wait at most one tick."""
WARM_QUIET = 0.3
"""No tick runs until the cursor has been still this long (keys stay fast)."""


class EntryTable(ScrollView, Generic[T], can_focus=True):
    """A table of entries with a cursor row, sorting and filtering.

    Rows are addressed by their index in the document's list; the messages carry
    that index, whatever the sort or filter.
    """

    BINDINGS: ClassVar = bindings("table")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-table--header",
        "entry-table--sorted",
        "entry-table--cursor",
        "entry-table--cursor-blurred",
        "entry-table--empty",
    }

    DEFAULT_CSS = """
    EntryTable { height: 1fr; }
    """

    class RowHighlighted(Message):
        """The cursor moved to another entry (index None: the table shows no rows)."""

        def __init__(self, table: EntryTable[Any], index: int | None) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> EntryTable[Any]:
            """The table that sent the message."""
            return self.table

    class RowSelected(Message):
        """An entry was chosen (double click)."""

        def __init__(self, table: EntryTable[Any], index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> EntryTable[Any]:
            """The table that sent the message."""
            return self.table

    class ViewChanged(Message):
        """The rows shown, the sort or the filter changed (for titles and counts)."""

        def __init__(self, table: EntryTable[Any]) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> EntryTable[Any]:
            """The table that sent the message."""
            return self.table

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        empty_text: str = "Nothing here yet: press a to add.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.model: TableRows[T] = TableRows(columns)
        self.cursor = 0
        """The cursor's position in the visible order (not a document index)."""
        self.empty_text = empty_text
        self._natural: list[int] = []
        """Widths the sampled cells want (within each column's limits)."""
        self._widths: list[int] = []
        """Widths in use: the natural ones fitted to the table's width."""
        self._highlighted: int | None = None
        self._frame: tuple[Style, int, Offset] = (Style(), 0, Offset())
        """The table's style, width and scroll offset for the frame being drawn."""
        self._styles: dict[str, Style] = {}
        self._warming: Timer | None = None
        self.cursor_listener: Callable[[EntryTable[Any], int | None], None] | None = None
        """Called at once when the cursor moves to another entry (before RowHighlighted
        is posted): what follows the cursor is then drawn in the same frame as the row."""
        self._moved_at = 0.0
        """When the cursor or the rows last moved (monotonic seconds)."""

    # -- reading ---------------------------------------------------------------
    @property
    def columns(self) -> list[Column[T]]:
        """The column specs."""
        return self.model.columns

    @property
    def row_count(self) -> int:
        """How many rows are visible (after the filter)."""
        return len(self.model.order)

    @property
    def cursor_index(self) -> int | None:
        """The document index of the entry under the cursor, if any."""
        order = self.model.order
        return order[self.cursor] if 0 <= self.cursor < len(order) else None

    @property
    def widths(self) -> list[int]:
        """The current column widths in cells."""
        return list(self._widths)

    def visible_indexes(self) -> list[int]:
        """The document indexes of the visible rows, in display order."""
        return list(self.model.order)

    # -- loading and editing -----------------------------------------------------
    def set_entries(self, entries: Sequence[T]) -> None:
        """Show these entries (row i is entry i), keeping the sort and filter."""
        self.model.set_entries(entries)
        self._measure()
        self._after_change(keep=None)
        self._start_warming()

    def _start_warming(self) -> None:
        """Prepare every row's search text a little at a time, for a fast first filter."""
        if self._warming is not None:
            self._warming.stop()
        self._warming = None
        if self.is_mounted and len(self.model) > WARM_ROWS:
            self._warming = self.set_interval(WARM_EVERY, self._warm, name="warm search")

    def _warm(self) -> None:
        if time.monotonic() - self._moved_at < WARM_QUIET:
            return
        if self.model.warm(WARM_ROWS) and self._warming is not None:
            self._warming.stop()
            self._warming = None

    def insert_row(self, index: int, entry: T) -> None:
        """Entry added at index; the cursor stays on the entry it was on."""
        keep = self.cursor_index
        self.model.insert(index, entry)
        if keep is not None and keep >= index:
            keep += 1
        self._grow(index)
        self._after_change(keep)

    def remove_row(self, index: int) -> None:
        """Entry at index deleted; the cursor moves to the next row."""
        keep = self.cursor_index
        position = self.cursor
        self.model.remove(index)
        if keep == index:
            self.cursor = min(position, max(0, self.row_count - 1))
            self._after_change(None)
            return
        self._after_change(None if keep is None else keep - (keep > index))

    def update_row(self, index: int, entry: T) -> None:
        """Entry at index replaced: redraw that row only (and move it if the sort says so)."""
        keep = self.cursor_index
        self.model.update(index, entry)
        self._grow(index)
        self._after_change(keep)

    def refresh_cells(self) -> None:
        """Recompute every cell (after a change other entries' cells depend on)."""
        keep = self.cursor_index
        self.model.refresh_cells()
        self._after_change(keep)
        self._start_warming()

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        """Show other columns (a header edit changed what some show), measured again."""
        keep = self.cursor_index
        self.model.set_columns(columns)
        self._measure()
        self._after_change(keep)
        self._start_warming()

    def _after_change(self, keep: int | None) -> None:
        if keep is not None:
            position = self.model.position_of(keep)
            if position is not None:
                self.cursor = position
        self.cursor = min(self.cursor, max(0, self.row_count - 1))
        self._update_virtual_size()
        self.scroll_to_cursor()
        self.refresh()
        self._announce()
        self.post_message(self.ViewChanged(self))

    # -- sort and filter -------------------------------------------------------
    def sort_by(self, column: int | None, reverse: bool = False) -> None:
        """Sort by a column (None: file order); the cursor keeps its entry."""
        keep = self.cursor_index
        self.model.sort(column, reverse)
        self._invalidate()
        self._after_change(keep)

    def cycle_sort(self) -> None:
        """Sort by the next column shown; after the last, back to file order."""
        current = self.model.sort_column
        shown = [n for n, width in enumerate(self._widths) if width] or list(
            range(len(self.columns))
        )
        following = [n for n in shown if current is None or n > current]
        self.sort_by(following[0] if following else None)

    def reverse_sort(self) -> None:
        """Flip the order of the current sort (or of the file order)."""
        self.sort_by(self.model.sort_column, not self.model.reverse)

    def set_filter(self, query: str) -> None:
        """Show only rows with a cell containing query, case-insensitively."""
        keep = self.cursor_index
        self.model.filter(query)
        self._after_change(keep)

    # -- cursor ------------------------------------------------------------------
    def move_cursor(self, position: int) -> None:
        """Put the cursor at a position in the visible rows (clamped)."""
        old = self.cursor
        self.cursor = max(0, min(position, self.row_count - 1))
        if self.scroll_to_cursor():
            self.refresh()
        else:  # only the two rows whose highlight changed are drawn again
            top = round(self.scroll_y)
            width = self.scrollable_content_region.width
            for row in {old, self.cursor}:
                self.refresh(Region(0, row - top + 1, width, 1))
        self._announce()

    def move_to_index(self, index: int) -> bool:
        """Put the cursor on a document index; False when that row is filtered out."""
        position = self.model.position_of(index)
        if position is None:
            return False
        self.move_cursor(position)
        return True

    def scroll_to_cursor(self) -> bool:
        """Scroll just enough to show the cursor row under the header; True if it scrolled."""
        rows_visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + rows_visible:
            top = self.cursor - rows_visible + 1
        if top == round(self.scroll_y):
            return False
        self.scroll_to(y=top, animate=False, immediate=True)
        return True

    def _announce(self) -> None:
        self._moved_at = time.monotonic()
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
            column = column_at(self._widths, offset.x + round(self.scroll_x))
            if column is not None:
                same = column == self.model.sort_column
                self.sort_by(column, not self.model.reverse if same else False)
            return
        position = round(self.scroll_y) + offset.y - 1
        if 0 <= position < self.row_count:
            self.move_cursor(position)
            if event.chain >= 2 and self.cursor_index is not None:
                self.post_message(self.RowSelected(self, self.cursor_index))

    # -- layout ------------------------------------------------------------------
    def _measure(self) -> None:
        """Column widths from the titles and a sample of rows, never every row."""
        self._natural = natural_widths(self.columns, self.model.rows)
        self._fill_width()

    def _grow(self, index: int) -> None:
        """Widen columns (up to their maximum) if an edited row needs it."""
        cells = self.model.rows[index].cells(self.columns)
        if self._natural and grown_widths(self.columns, self._natural, cells):
            self._fill_width()

    def _fill_width(self) -> None:
        """Fit the columns to the table's width (see fit_widths)."""
        room = self.scrollable_content_region.width
        self._widths = fit_widths(self.columns, self._natural, room)
        self._invalidate()

    def _invalidate(self) -> None:
        self._styles.clear()
        for row in self.model.rows:
            row.strip = None
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        size = Size(table_width(self._widths), self.row_count + 1)
        if size == self.virtual_size:
            return
        wider = size.width > self.scrollable_content_region.width
        if not self.is_mounted or wider != self.show_horizontal_scrollbar:
            self.virtual_size = size  # a layout of the whole screen (a scrollbar comes or goes)
            return
        # The rows or the columns changed but the scrollbars stay (a filter keystroke,
        # an added row, columns refitted to a new width): update them without the
        # screen-wide layout that setting virtual_size costs.
        self.set_reactive(EntryTable.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Refit the flex column to the new width."""
        if not self._natural:
            self._measure()
        else:
            self._fill_width()
        self.scroll_to_cursor()

    def on_mount(self) -> None:
        """Redraw with the new colors when the theme changes; warm rows set before mounting."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._invalidate())
        if self._warming is None:
            self._start_warming()

    def on_focus(self) -> None:
        """The cursor row shows brighter when the table has focus."""
        self.refresh()

    def on_blur(self) -> None:
        """The cursor row dims when focus leaves."""
        self.refresh()

    # -- drawing -----------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Look up the styles and sizes once per frame, not once per line."""
        self._frame = (self.rich_style, self.scrollable_content_region.width, self.scroll_offset)
        return super().render_lines(crop)

    def _style(self, name: str) -> Style:
        """A component's style on top of the table's, cached until the theme changes."""
        style = self._styles.get(name)
        if style is None:
            base = self._frame[0]
            style = base + self.get_component_rich_style(name)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        """Line y of the widget: the fixed header, else a row at the scroll position."""
        base, width, (scroll_x, scroll_y) = self._frame
        if y == 0:
            strip = self._header_strip(base)
        elif self.row_count == 0:
            if y == 2:
                style = self._style("entry-table--empty")
                return Strip([Segment("  " + self.empty_text, style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        else:
            position = scroll_y + y - 1
            if position >= self.row_count:
                return Strip.blank(width, base)
            strip = self._row_strip(position, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _header_strip(self, base: Style) -> Strip:
        header = self._style("entry-table--header")
        sorted_style = header + self.get_component_rich_style("entry-table--sorted", partial=True)
        sort = (self.model.sort_column, self.model.reverse)
        return header_strip(self.columns, self._widths, sort, header, sorted_style)

    def _row_strip(self, position: int, base: Style) -> Strip:
        index = self.model.order[position]
        row = self.model.rows[index]
        cells = row.cells(self.columns)
        if position == self.cursor:  # drawn each time: it moves, and shows focus
            name = "entry-table--cursor" if self.has_focus else "entry-table--cursor-blurred"
            style = self._style(name)
            return row_strip(self.columns, self._widths, row.entry, cells, style, cursor=True)
        if row.strip is None:
            row.strip = row_strip(self.columns, self._widths, row.entry, cells, base)
        return row.strip
