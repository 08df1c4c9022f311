"""The cursor row of an EntryTable, kept on its entry through edits, sorts and filters.

The cursor is a position in the visible order; the rows under it move when an
entry is added, deleted, edited (and re-sorted), or when the sort or filter
changes. Each change here keeps the cursor on the entry it was on (on the next
row when that entry is deleted), within the rows shown. No drawing, no widget.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from sitrep.app.widgets.table.rows import Column, TableRows

T = TypeVar("T")


class RowCursor(Generic[T]):
    """The table's rows and the cursor on them: every change keeps the cursor's entry."""

    def __init__(self, model: TableRows[T]) -> None:
        self.model = model
        self.position = 0
        """The cursor's position in the visible order (not a document index)."""

    @property
    def index(self) -> int | None:
        """The document index of the entry under the cursor, if any."""
        order = self.model.order
        return order[self.position] if 0 <= self.position < len(order) else None

    def place(self, position: int) -> None:
        """Put the cursor at a position in the visible rows (clamped)."""
        self.position = max(0, min(position, len(self.model.order) - 1))

    def keep(self, index: int | None) -> None:
        """Put the cursor back on a document index (if shown), within the rows shown."""
        if index is not None:
            position = self.model.position_of(index)
            if position is not None:
                self.position = position
        self.position = min(self.position, max(0, len(self.model.order) - 1))

    def top_showing(self, top: int, rows: int) -> int:
        """The first row to show, from top, for the cursor to be among rows shown."""
        if self.position < top:
            return self.position
        if self.position >= top + rows:
            return self.position - rows + 1
        return top

    # -- changes that keep the cursor on its entry -----------------------------------
    def set_entries(self, entries: Sequence[T]) -> None:
        """New entries (row i is entry i), the sort and filter kept."""
        self.model.set_entries(entries)
        self.keep(None)

    def insert(self, index: int, entry: T) -> None:
        """Entry added at index."""
        keep = self.index
        self.model.insert(index, entry)
        self.keep(keep + 1 if keep is not None and keep >= index else keep)

    def remove(self, index: int) -> None:
        """Entry at index deleted; if it was under the cursor, the cursor is on the next row."""
        keep, position = self.index, self.position
        self.model.remove(index)
        if keep == index:
            self.position = min(position, max(0, len(self.model.order) - 1))
            self.keep(None)
        else:
            self.keep(None if keep is None else keep - (keep > index))

    def update(self, index: int, entry: T) -> None:
        """Entry at index replaced (its row moves if the sort says so)."""
        keep = self.index
        self.model.update(index, entry)
        self.keep(keep)

    def refresh_cells(self) -> None:
        """Every cell computed again (after a change other entries' cells depend on)."""
        keep = self.index
        self.model.refresh_cells()
        self.keep(keep)

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        """Other columns shown (every cell computed again)."""
        keep = self.index
        self.model.set_columns(columns)
        self.keep(keep)

    def sort(self, column: int | None, reverse: bool) -> None:
        """Sort by a column (None: file order)."""
        keep = self.index
        self.model.sort(column, reverse)
        self.keep(keep)

    def filter(self, query: str) -> None:
        """Show only rows with a cell containing query: the cursor stays on its entry if
        that still matches, else goes to the first match (never to an unrelated row)."""
        keep = self.index
        self.model.filter(query)
        if keep is None or self.model.position_of(keep) is None:
            self.position = 0
        else:
            self.keep(keep)
