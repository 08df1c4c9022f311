"""Column widths and row drawing for EntryTable: no widget, no Textual state.

Widths are measured on a sample of rows (never all of them), then fitted to the
table: the least important columns are left out first, the flex column takes
the room left over, and the widest columns give way when it is still too tight.
Rows are drawn as Segments from cleaned text: nothing is parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from sitrep.app.safe import clean
from sitrep.app.widgets.table.rows import Column, Row

T = TypeVar("T")

SAMPLE_ROWS = 200
"""Column widths are measured on this many rows (and the titles), never all of them."""
GAP = 1
"""Blank cells between columns (and before the first)."""
NARROW_FIRST = 2
"""Columns of this priority or more are left out before a narrow column narrows."""


def sample(rows: Sequence[Row[T]]) -> Sequence[Row[T]]:
    """The rows widths are measured on: the first ones (first paint) and a spread of the rest."""
    if len(rows) <= SAMPLE_ROWS:
        return rows
    half = SAMPLE_ROWS // 2
    return [*rows[:half], *rows[half :: max(1, len(rows) // half)]]


def natural_widths(columns: Sequence[Column[T]], rows: Sequence[Row[T]]) -> list[int]:
    """What each column's title and sampled cells want, within the column's limits.

    A whole column is measured on every row (its text only, a figure: cheap), so
    no number is ever cut.
    """
    some = sample(rows)
    widths = []
    for number, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        title = cell_len(column.title) + 2  # room for the sort arrow
        if column.whole:
            cells = [cell_len(clean(column.text(row.entry), one_line=True)) for row in rows]
            widths.append(max([column.min_width, title, *cells]))
            continue
        widest = max([title] + [cell_len(row.cells(columns)[number]) for row in some])
        widths.append(max(column.min_width, min(column.max_width, widest)))
    return widths


def _limit(column: Column[Any]) -> int:
    """The widest a column may grow for one edited row."""
    return 10**6 if column.whole else column.max_width


def grown_widths(columns: Sequence[Column[T]], natural: list[int], cells: list[str]) -> bool:
    """Widen natural widths in place (up to each maximum) for one row; True if any grew."""
    grown = False
    for number, column in enumerate(columns):
        if column.width is None and not column.flex:
            wanted = min(_limit(column), cell_len(cells[number]))
            if wanted > natural[number]:
                natural[number] = wanted
                grown = True
    return grown


def fit_widths(
    columns: Sequence[Column[Any]],
    natural: Sequence[int],
    room: int,
    empty: Sequence[bool] = (),
) -> list[int]:
    """Widths for a table room cells wide; 0 for a column left out.

    Columns with nothing in them (``empty``, where measured) are left out first,
    then columns with a priority above 0 are left out, least important first
    (narrow columns take their narrow width before one of priority below
    NARROW_FIRST goes), until
    the rest fit (the detail shows everything); the flex column (else the last)
    takes the room left over; if it still does not fit the widest columns give
    way, down to their minimum (a whole column never does); past that the table
    scrolls sideways.
    """
    shown = list(range(len(columns)))
    natural = list(natural)

    def needed(numbers: list[int]) -> int:
        wants = (columns[n].min_width if columns[n].flex else natural[n] for n in numbers)
        return sum(wants) + GAP * (len(numbers) + 1)

    while needed(shown) > room:
        blank = [n for n in shown if n < len(empty) and empty[n] and not columns[n].flex]
        if blank:
            shown.remove(blank[-1])
            continue
        droppable = [n for n in shown if columns[n].priority > 0]
        narrowing = [n for n in shown if (w := columns[n].narrow) is not None and natural[n] > w]
        least = max((columns[n].priority for n in droppable), default=0)
        if narrowing and least < NARROW_FIRST:  # say the same in fewer cells (its mark)
            natural[narrowing[0]] = columns[narrowing[0]].narrow or 0
            continue
        if not droppable:
            break
        shown.remove(max(droppable, key=lambda n: (columns[n].priority, n)))
    widths = [natural[n] if n in shown else 0 for n in range(len(columns))]
    available = room - GAP * (len(shown) + 1)
    flex = next((n for n in shown if columns[n].flex), shown[-1] if shown else None)
    if flex is not None:
        others = sum(w for n, w in enumerate(widths) if n != flex)
        widths[flex] = max(columns[flex].min_width, widths[flex], available - others)
    excess = sum(widths) - available
    while excess > 0:
        slack = [
            (widths[n] - columns[n].min_width, n)
            for n in shown
            if columns[n].width is None
            and not columns[n].whole
            and widths[n] > columns[n].min_width
        ]
        if not slack:
            break
        widths[max(slack)[1]] -= 1
        excess -= 1
    return widths


class ColumnWidths:
    """A table's column widths: what the sampled cells want, and those in use.

    The natural widths are measured once (on a sample of rows) and only grow
    with edited rows; the widths in use are the natural ones fitted to the room.
    """

    def __init__(self, columns: Sequence[Column[Any]]) -> None:
        self.columns = columns
        self.natural: list[int] = []
        """Widths the sampled cells want (within each column's limits)."""
        self.used: list[int] = []
        """Widths in use: the natural ones fitted to the table's width."""
        self.empty: list[bool] = []
        """Columns with no text in the sampled rows (left out first when room is short)."""

    @property
    def measured(self) -> bool:
        """True once the natural widths were measured."""
        return bool(self.natural)

    def measure(self, rows: Sequence[Row[Any]], room: int) -> None:
        """Measure the titles and a sample of rows, never every row; then fit."""
        self.natural = natural_widths(self.columns, rows)
        some = sample(rows)
        self.empty = [
            not any(row.cells(self.columns)[n] for row in some) for n in range(len(self.columns))
        ]
        self.fit(room)

    def grow(self, cells: list[str], room: int) -> bool:
        """Widen columns (up to their maximum) for an edited row; True if refitted."""
        if self.natural and grown_widths(self.columns, self.natural, cells):
            self.empty = [e and not c for e, c in zip(self.empty, cells, strict=False)]
            self.fit(room)
            return True
        return False

    def fit(self, room: int) -> None:
        """Fit the natural widths to a table room cells wide (see fit_widths)."""
        self.used = fit_widths(self.columns, self.natural, room, self.empty)


def table_width(widths: Sequence[int]) -> int:
    """Cells a row takes with these widths (columns left out take none)."""
    shown = sum(1 for width in widths if width)
    return sum(widths) + GAP * (shown + 1)


def next_sort_column(current: int | None, widths: Sequence[int], count: int) -> int | None:
    """The column (of count) to sort by after current: the next one shown; after the last, None."""
    shown = [n for n, width in enumerate(widths) if width] or list(range(count))
    following = [n for n in shown if current is None or n > current]
    return following[0] if following else None


def column_at(widths: Sequence[int], x: int) -> int | None:
    """The column under cell x of a row."""
    left = GAP
    for column, width in enumerate(widths):
        if not width:
            continue
        if left <= x < left + width + GAP:
            return column
        left += width + GAP
    return None


@lru_cache(maxsize=256)
def parse_style(text: str) -> Style:
    """A Rich style from a column's style string (cached: a few distinct ones)."""
    return Style.parse(text)


def is_narrow(column: Column[Any], width: int) -> bool:
    """True when a column is drawn at its narrow width (its first words only)."""
    return column.narrow is not None and width <= column.narrow


def fit_text(text: str, width: int, align: str) -> str:
    """Text cut (with an ellipsis) or padded to exactly width cells."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else "…"[:width]
    if align == "right":
        return " " * (width - length) + text
    return text + " " * (width - length)


def header_strip(
    columns: Sequence[Column[Any]],
    widths: Sequence[int],
    sort: tuple[int | None, bool],
    style: Style,
    sorted_style: Style,
) -> Strip:
    """The titles, the sorted one marked with an arrow."""
    sort_column, reverse = sort
    gap = Segment(" " * GAP, style)
    segments = [gap]
    for number, (column, width) in enumerate(zip(columns, widths, strict=True)):
        if not width:
            continue
        title, title_style = column.title, style
        if is_narrow(column, width):
            title = column.narrow_title or title
        if number == sort_column:
            title, title_style = f"{title} {'▼' if reverse else '▲'}", sorted_style
        segments.append(Segment(fit_text(title, width, column.align), title_style))
        segments.append(gap)
    return Strip(segments)


def row_strip(
    columns: Sequence[Column[T]],
    widths: Sequence[int],
    entry: T,
    cells: Sequence[str],
    base: Style,
    *,
    cursor: bool = False,
) -> Strip:
    """One row; on the cursor row the cursor's background wins over cell colors."""
    gap = Segment(" " * GAP, base)
    segments = [gap]
    for column, width, text in zip(columns, widths, cells, strict=True):
        if not width:
            continue
        if is_narrow(column, width):
            text = text.split(" ", 1)[0]
        style = base
        if column.style is not None:
            cell_style = column.style(entry)
            if cell_style:
                style = base + parse_style(cell_style)
                if cursor:
                    style = style + Style(bgcolor=base.bgcolor)
        segments.append(Segment(fit_text(text, width, column.align), style))
        segments.append(gap)
    return Strip(segments)
