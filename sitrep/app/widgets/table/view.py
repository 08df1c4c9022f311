"""RowsView: rows drawn virtually, with fitted columns and a cursor row, fast at 100,000 rows.

Textual's DataTable measures every cell of every row before its first paint;
this view draws only the rows on screen (the Line API on a ScrollView),
measures column widths on a sample of rows, caches each row's rendered line and
redraws only rows that changed. Cells are built as Segments from cleaned text,
so user text is never parsed as markup.

It keeps the geometry (widths, virtual size, scrolling to the cursor) and hands
the rest over: the rows, sort and filter to TableRows (rows.py) through
RowCursor (cursor.py), the widths to ColumnWidths (layout.py), the drawing to
TablePainter (paint.py). EntryTable (table.py) adds the keys, the mouse, edits,
sorting and filtering, and tells its parents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sitrep.app.safe import clean
from sitrep.app.widgets.table.cursor import RowCursor
from sitrep.app.widgets.table.layout import ColumnWidths, table_width
from sitrep.app.widgets.table.paint import TablePainter
from sitrep.app.widgets.table.rows import Column, TableRows

T = TypeVar("T")


class RowsView(ScrollView, Generic[T]):
    """A scrollable view of rows under a fixed header, with a cursor row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-table--header",
        "entry-table--sorted",
        "entry-table--cursor",
        "entry-table--cursor-blurred",
        "entry-table--empty",
    }

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        empty_text: str,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.model: TableRows[T] = TableRows(columns)
        self.rows = RowCursor(self.model)
        """The rows with the cursor on them: each change keeps the cursor's entry."""
        self.empty_text = empty_text
        self.filter_text = ""
        """The filter as typed (the model keeps it folded to lower case)."""
        self.sizes = ColumnWidths(self.model.columns)
        self.painter = TablePainter(self.model, self.get_component_rich_style)

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
    def cursor(self) -> int:
        """The cursor's position in the visible order (not a document index)."""
        return self.rows.position

    @property
    def cursor_index(self) -> int | None:
        """The document index of the entry under the cursor, if any."""
        return self.rows.index

    @property
    def widths(self) -> list[int]:
        """The current column widths in cells."""
        return list(self.sizes.used)

    def visible_indexes(self) -> list[int]:
        """The document indexes of the visible rows, in display order."""
        return list(self.model.order)

    # -- layout ------------------------------------------------------------------
    def scroll_to_cursor(self) -> bool:
        """Scroll just enough to show the cursor row under the header; True if it scrolled."""
        top = round(self.scroll_y)
        wanted = self.rows.top_showing(top, max(1, self.scrollable_content_region.height - 1))
        if wanted == top:
            return False
        self.scroll_to(y=wanted, animate=False, immediate=True)
        return True

    def watch_show_horizontal_scrollbar(self, shown: bool) -> None:
        """A horizontal scrollbar took (or gave back) a line: keep the cursor row in view.

        Rows a filter finds a slice at a time can bring it long after the cursor
        was scrolled to, and it would then cover the cursor's row.
        """
        self.call_after_refresh(self.scroll_to_cursor)

    def _fit(self, *, measure: bool = False) -> None:
        """Fit the columns to the table's width, measured first if asked or never done."""
        room = self.scrollable_content_region.width
        if measure or not self.sizes.measured:  # the titles and a sample of rows
            self.sizes.measure(self.model.rows, room)
        else:
            self.sizes.fit(room)
        self._invalidate()

    def _grow(self, index: int) -> None:
        """Widen columns (up to their maximum) if an edited row needs it."""
        cells = self.model.rows[index].cells(self.columns)
        if self.sizes.grow(cells, self.scrollable_content_region.width):
            self._invalidate()

    def _invalidate(self) -> None:
        self.painter.forget()
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        size = Size(table_width(self.sizes.used), self.row_count + 1)
        if size == self.virtual_size:
            return
        wider = size.width > self.scrollable_content_region.width
        if not self.is_mounted or wider != self.show_horizontal_scrollbar:
            self.virtual_size = size  # a layout of the whole screen (a scrollbar comes or goes)
            return
        # The rows or the columns changed but the scrollbars stay (a filter keystroke,
        # an added row, columns refitted to a new width): update them without the
        # screen-wide layout that setting virtual_size costs.
        self.set_reactive(RowsView.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Refit the flex column to the new width."""
        self._fit()
        self.scroll_to_cursor()

    def on_mount(self) -> None:
        """Redraw with the new colors when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._invalidate())

    def on_focus(self) -> None:
        """The cursor row shows brighter when the table has focus."""
        self.refresh()

    def on_blur(self) -> None:
        """The cursor row dims when focus leaves."""
        self.refresh()

    # -- drawing -----------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Look up the styles and sizes once per frame, not once per line."""
        width = self.scrollable_content_region.width
        self.painter.start_frame(self.rich_style, width, self.scroll_offset)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line y of the widget: the fixed header, else a row at the scroll position."""
        return self.painter.line(
            y,
            widths=self.sizes.used,
            cursor=self.cursor,
            focused=self.has_focus,
            empty_text=self.empty_message(),
        )

    def empty_message(self) -> str:
        """What an empty table says: nothing matches the filter (once it has looked at
        every row; until then, how far it got), or nothing at all yet."""
        if self.model.query and len(self.model):
            typed = clean(self.filter_text, one_line=True)
            if self.model.scanning:
                return f"Looking for “{typed}”… {scanned(self.model.progress)}"
            return f"No match for “{typed}” (Esc clears the filter)"
        return self.empty_text


def scanned(progress: float) -> str:
    """How far a filter got, in whole percent (rounded down: 100% only when done)."""
    return f"{int(progress * 100)}%"
