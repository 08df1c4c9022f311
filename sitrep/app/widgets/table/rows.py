"""The rows behind an EntryTable: columns, sort order and filter, with no drawing.

Rows stay in document order (row i is entry i of the document's list), so an
edit at index i maps to row i. What the user sees is ``order``: the indexes of
the rows that pass the filter, in sort order. Cell text, search text and sort
keys are computed when first needed and cached per row, so loading 10,000
entries costs almost nothing until a filter or sort needs them all. A filter
looks at the rows in display order (scan.py): all at once, or a slice at a time
when ``slice`` says how much (the table runs the rest between events).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from textual.strip import Strip

from sitrep.app.safe import clean_all
from sitrep.app.widgets.table.scan import RowScan, Slice

T = TypeVar("T")


@dataclass(frozen=True)
class Column(Generic[T]):
    """How one column shows an entry.

    ``text`` gives the cell's text (user text is fine: the table never parses
    markup and cleans control characters); ``sort_key`` a comparable value (by
    default the text, case-insensitively); ``style`` a Rich style string for the
    cell or None. Widths are measured from a sample of rows and kept between
    ``min_width`` and ``max_width`` unless ``width`` fixes them; a ``flex``
    column takes the room left over. When the table is too narrow, columns with
    the highest ``priority`` are left out first (0: always shown). A ``whole``
    column (a figure, a count) is never cut: it is measured on every row, has no
    maximum, and the other columns give way first. A column with a ``narrow``
    width shrinks to it before any column is left out, showing only the first
    word of each cell (a mark such as ●) under ``narrow_title``. The filter
    looks in every ``searched`` column (not in a count, where a digit typed would
    match rows for no reason the user sees).
    """

    title: str
    text: Callable[[T], str]
    min_width: int = 3
    max_width: int = 30
    width: int | None = None
    align: Literal["left", "right"] = "left"
    sort_key: Callable[[T], Any] | None = None
    style: Callable[[T], str | None] | None = None
    flex: bool = False
    priority: int = 0
    whole: bool = False
    narrow: int | None = None
    narrow_title: str = ""
    searched: bool = True


class Row(Generic[T]):
    """One entry and what is cached about it (dropped when the entry is replaced)."""

    __slots__ = ("_cells", "_keys", "_search", "entry", "strip")

    def __init__(self, entry: T) -> None:
        self.entry = entry
        self._cells: list[str] | None = None
        self._search: str | None = None
        self._keys: dict[int, tuple[bool, Any]] = {}
        self.strip: Strip | None = None
        """The rendered line, cached by the table for the current widths and theme."""

    def cells(self, columns: Sequence[Column[T]]) -> list[str]:
        """The cleaned, one-line text of every cell."""
        if self._cells is None:
            entry = self.entry
            self._cells = clean_all([column.text(entry) for column in columns], one_line=True)
        return self._cells

    def search(self, columns: Sequence[Column[T]]) -> str:
        """The searched cells in lowercase, for filtering (a NUL keeps matches within one
        cell). The cells are not kept: only the rows drawn need them."""
        if self._search is None:
            if self._cells is not None:
                texts = [text for text, c in zip(self._cells, columns, strict=True) if c.searched]
            else:
                entry = self.entry
                texts = [column.text(entry) for column in columns if column.searched]
                texts = clean_all(texts, one_line=True)
            self._search = "\0".join(texts).casefold()
        return self._search

    def sort_key(self, columns: Sequence[Column[T]], column: int) -> tuple[bool, Any]:
        """A comparable key for one column; empty values sort last."""
        key = self._keys.get(column)
        if key is None:
            spec = columns[column]
            value = (
                spec.sort_key(self.entry)
                if spec.sort_key is not None
                else self.cells(columns)[column].casefold()
            )
            key = (value is None or value == "", value if value is not None else "")
            self._keys[column] = key
        return key


class TableRows(Generic[T]):
    """Rows in document order plus the visible order after sorting and filtering."""

    def __init__(self, columns: Sequence[Column[T]], entries: Sequence[T] = ()) -> None:
        self.columns = list(columns)
        self.rows: list[Row[T]] = [Row(entry) for entry in entries]
        self.sort_column: int | None = None
        self.reverse = False
        self.query = ""
        self._sorted: list[int] = list(range(len(self.rows)))
        """Every row index in ascending sort order (document order when unsorted)."""
        self.order: list[int] = list(self._sorted)
        """The visible row indexes, in display order."""
        self._warmed = 0
        """Rows before this one have their search text computed (see warm)."""
        self.slice: Slice | None = None
        """How much of the rows a filter looks at before it returns (None: all of them);
        scan() looks at the rest."""
        self._scan = RowScan()

    def __len__(self) -> int:
        return len(self.rows)

    # -- view ----------------------------------------------------------------------
    def sort(self, column: int | None, reverse: bool = False) -> None:
        """Sort by a column (None: document order), stably; reverse flips the order."""
        self.sort_column, self.reverse = column, reverse
        self._sorted = list(range(len(self.rows)))
        if column is not None:
            self._sorted.sort(key=lambda i: self.rows[i].sort_key(self.columns, column))
        self._refilter()

    def filter(self, query: str) -> None:
        """Show only rows with a cell containing query (case-insensitive); '' shows all."""
        previous, self.query = self.query, query.casefold()
        if previous and previous in self.query:
            # The query grew (typing on): only rows that matched can still match,
            # and they are already in display order; rows not looked at yet still
            # are to be, now for the longer query.
            self.order = self._matching(self.order)
            self.scan(self.slice)
        else:
            self._refilter()

    def _refilter(self) -> None:
        ordered = self._display_order()
        if not self.query:
            self._scan.stop()
            self.order = ordered
            return
        self.order = []
        self._scan.restart(ordered)
        self.scan(self.slice)

    @property
    def scanning(self) -> bool:
        """True while the filter has rows left to look at (see scan)."""
        return self._scan.running

    @property
    def progress(self) -> float:
        """The share of the rows the filter has looked at, from 0 to 1."""
        return self._scan.progress

    def scan(self, portion: Slice | None = None, *, until: int | None = None) -> bool:
        """Look at more rows for the filter (portion None: all that are left; until: stop
        once that row index is looked at); matches join the end of order. True when done."""
        self._scan.run(self._matching, self.order, portion, until=until)
        return not self._scan.running

    def matches(self, index: int) -> bool:
        """Whether a row passes the filter (looked at or not)."""
        return not self.query or self.query in self.rows[index].search(self.columns)

    def _matching(self, ordered: list[int]) -> list[int]:
        query, rows, columns = self.query, self.rows, self.columns
        return [i for i in ordered if query in rows[i].search(columns)]

    def warm(self, count: int) -> bool:
        """Compute the search text of up to count more rows; True once every row has it.

        Run a little at a time while the app is idle, so the first filter keystroke
        does not compute 10,000 rows' text at once.
        """
        rows, columns = self.rows, self.columns
        end = min(len(rows), self._warmed + count)
        for row in rows[self._warmed : end]:
            row.search(columns)
        self._warmed = end
        return end >= len(rows)

    def _display_order(self) -> list[int]:
        if not self.reverse:
            return list(self._sorted)
        if self.sort_column is None:
            return self._sorted[::-1]
        # Reverse the runs of keys but keep equal keys in document order (a stable
        # sort), and empty cells last, as in the ascending order.
        column, rows, columns = self.sort_column, self.rows, self.columns
        empty = [i for i in self._sorted if rows[i].sort_key(columns, column)[0]]
        out: list[int] = []
        run: list[int] = []
        previous: object = object()
        for i in reversed(self._sorted[: len(self._sorted) - len(empty)]):
            key = rows[i].sort_key(columns, column)
            if run and key != previous:
                out.extend(reversed(run))
                run = []
            run.append(i)
            previous = key
        out.extend(reversed(run))
        return out + empty

    def position_of(self, index: int) -> int | None:
        """Where row index is in the visible order, or None when filtered out."""
        try:
            return self.order.index(index)
        except ValueError:
            return None

    # -- edits ---------------------------------------------------------------------
    def set_entries(self, entries: Sequence[T]) -> None:
        """Replace every row, keeping the sort and filter."""
        self.rows = [Row(entry) for entry in entries]
        self._warmed = 0
        self.sort(self.sort_column, self.reverse)

    def insert(self, index: int, entry: T) -> None:
        """A new entry at index: later rows move down one."""
        self.rows.insert(index, Row(entry))
        self._sorted = [i + (i >= index) for i in self._sorted]
        self._place(index)
        self._refilter()

    def remove(self, index: int) -> None:
        """The entry at index is gone: later rows move up one."""
        del self.rows[index]
        self._sorted = [i - (i > index) for i in self._sorted if i != index]
        self._refilter()

    def update(self, index: int, entry: T) -> None:
        """The entry at index was replaced: recompute its cells and its place."""
        self.rows[index] = Row(entry)
        self._sorted.remove(index)
        self._place(index)
        self._refilter()

    def refresh_cells(self) -> None:
        """Forget every cached cell (text that depends on other entries has changed)."""
        self.rows = [Row(row.entry) for row in self.rows]
        self._warmed = 0
        self.sort(self.sort_column, self.reverse)

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        """Show other columns: every cell is computed again; a sort by a column that
        is gone falls back to document order."""
        sorted_by = self.columns[self.sort_column].title if self.sort_column is not None else None
        self.columns = list(columns)
        titles = [column.title for column in self.columns]
        self.sort_column = titles.index(sorted_by) if sorted_by in titles else None
        self.refresh_cells()

    def _place(self, index: int) -> None:
        """Put a row index into the sorted list where its key belongs (ties: document order)."""
        if self.sort_column is None:
            bisect.insort(self._sorted, index)
            return
        column, rows, columns = self.sort_column, self.rows, self.columns
        key = (rows[index].sort_key(columns, column), index)
        position = bisect.bisect_left(
            self._sorted, key, key=lambda i: (rows[i].sort_key(columns, column), i)
        )
        self._sorted.insert(position, index)
