"""Drawing EntryTable's lines: the fixed header, the rows from a per-row cache, the cursor.

A row's line is built once and kept on the row until its entry, the widths or
the theme change; the cursor row is drawn each time (it moves, and it shows
whether the table has focus). Styles are looked up once per frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Offset
from textual.strip import Strip

from sitrep.app.widgets.table.layout import header_strip, row_strip
from sitrep.app.widgets.table.rows import TableRows

T = TypeVar("T")


class ComponentStyle(Protocol):
    """A component class's style (the widget's get_component_rich_style)."""

    def __call__(self, *names: str, partial: bool = False) -> Style: ...


class TablePainter(Generic[T]):
    """Draws the lines of a table of rows, with cached styles and row lines."""

    def __init__(self, model: TableRows[T], component_style: ComponentStyle) -> None:
        self.model = model
        self.component_style = component_style
        self._frame: tuple[Style, int, Offset] = (Style(), 0, Offset())
        """The table's style, width and scroll offset for the frame being drawn."""
        self._styles: dict[str, Style] = {}

    def start_frame(self, base: Style, width: int, scroll: Offset) -> None:
        """Note the table's style, width and scroll once per frame, not once per line."""
        self._frame = (base, width, scroll)

    def forget(self) -> None:
        """Draw everything afresh (new widths, a new theme, a new order)."""
        self._styles.clear()
        for row in self.model.rows:
            row.strip = None

    def style(self, name: str) -> Style:
        """A component's style on top of the table's, cached until forget()."""
        style = self._styles.get(name)
        if style is None:
            style = self._frame[0] + self.component_style(name)
            self._styles[name] = style
        return style

    def line(
        self, y: int, *, widths: Sequence[int], cursor: int, focused: bool, empty_text: str
    ) -> Strip:
        """Line y of the table: the fixed header, else a row at the scroll position."""
        base, width, (scroll_x, scroll_y) = self._frame
        row_count = len(self.model.order)
        if y == 0:
            strip = self._header(widths)
        elif row_count == 0:
            if y == 2:
                style = self.style("entry-table--empty")
                return Strip([Segment("  " + empty_text, style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        else:
            position = scroll_y + y - 1
            if position >= row_count:
                return Strip.blank(width, base)
            strip = self._row(position, widths, base, cursor=position == cursor, focused=focused)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _header(self, widths: Sequence[int]) -> Strip:
        header = self.style("entry-table--header")
        sorted_style = header + self.component_style("entry-table--sorted", partial=True)
        sort = (self.model.sort_column, self.model.reverse)
        return header_strip(self.model.columns, widths, sort, header, sorted_style)

    def _row(
        self, position: int, widths: Sequence[int], base: Style, *, cursor: bool, focused: bool
    ) -> Strip:
        index = self.model.order[position]
        row = self.model.rows[index]
        columns = self.model.columns
        cells = row.cells(columns)
        if cursor:  # drawn each time: it moves, and shows focus
            style = self.style("entry-table--cursor" if focused else "entry-table--cursor-blurred")
            return row_strip(columns, widths, row.entry, cells, style, cursor=True)
        if row.strip is None:
            row.strip = row_strip(columns, widths, row.entry, cells, base)
        return row.strip
