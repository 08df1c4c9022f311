"""The cursor row of an EntryTable, kept on its entry through edits, sorts and filters.

The cursor is a position in the visible order; the rows under it move when an
entry is added, deleted, edited (and re-sorted), or when the sort or filter
changes. Each change here keeps the cursor on the entry it was on (on the next
row when that entry is deleted), within the rows shown. No drawing, no widget.

While the filter's scan runs (scan.py), the entry to keep may match but not be
found yet: the cursor waits for it on the first match and goes to it when the
scan reaches it, unless the user moves the cursor first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from sitrep.app.widgets.table.rows import Column, TableRows
from sitrep.app.widgets.table.scan import Slice

T = TypeVar("T")

REACH = Slice(rows=0, seconds=0.05)
"""How long a change may scan ahead for the cursor's entry before the cursor waits for it."""


class RowCursor(Generic[T]):
    """The table's rows and the cursor on them: every change keeps the cursor's entry."""

    def __init__(self, model: TableRows[T]) -> None:
        self.model = model
        self.position = 0
        """The cursor's position in the visible order (not a document index)."""
        self.wanted: int | None = None
        """A document index the cursor goes to when the filter's scan finds it."""

    @property
    def index(self) -> int | None:
        """The document index of the entry under the cursor, if any."""
        order = self.model.order
        return order[self.position] if 0 <= self.position < len(order) else None

    def place(self, position: int) -> None:
        """Put the cursor at a position in the visible rows (clamped)."""
        self.wanted = None
        self.position = max(0, min(position, len(self.model.order) - 1))

    def wait_for(self, index: int) -> bool:
        """For an entry not shown: if it matches but the scan has not reached it yet, the
        cursor goes to it when the scan does (True); False if the filter leaves it out."""
        if self.model.scanning and self.model.matches(index):
            self.wanted = index
            return True
        return False

    def found(self) -> bool:
        """After a slice of the scan: True if the cursor went to the entry it waits for."""
        if self.wanted is None:
            return False
        position = self.model.position_of(self.wanted)
        if position is not None:
            self.position, self.wanted = position, None
            return True
        if not self.model.scanning:
            self.wanted = None
        return False

    def _target(self) -> tuple[int | None, bool]:
        """The entry a change keeps the cursor on, and whether the scan is still to find it."""
        return (self.wanted, True) if self.wanted is not None else (self.index, False)

    def keep(self, index: int | None, waiting: bool = False) -> None:
        """Put the cursor back on a document index (if shown), within the rows shown.

        An entry that matches but that the restarted scan has not reached yet: the
        scan looks that far now (the rows before the cursor were looked at before,
        so their search text is usually ready) for a moment at most; if that is not
        enough, or the cursor was waiting for the entry already, it waits for it.
        """
        self.wanted = None
        if index is not None:
            model = self.model
            position = model.position_of(index)
            if position is None and model.scanning and model.matches(index):
                if not waiting:
                    model.scan(REACH, until=index)
                    position = model.position_of(index)
                if position is None:
                    self.wanted = index
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
        keep, waiting = self._target()
        self.model.insert(index, entry)
        self.keep(keep + 1 if keep is not None and keep >= index else keep, waiting)

    def remove(self, index: int) -> None:
        """Entry at index deleted; if it was under the cursor, the cursor is on the next row."""
        (keep, waiting), position = self._target(), self.position
        self.model.remove(index)
        if keep == index:
            self.position = min(position, max(0, len(self.model.order) - 1))
            self.keep(None)
        else:
            self.keep(None if keep is None else keep - (keep > index), waiting)

    def update(self, index: int, entry: T) -> None:
        """Entry at index replaced (its row moves if the sort says so)."""
        keep, waiting = self._target()
        self.model.update(index, entry)
        self.keep(keep, waiting)

    def refresh_cells(self) -> None:
        """Every cell computed again (after a change other entries' cells depend on)."""
        keep, waiting = self._target()
        self.model.refresh_cells()
        self.keep(keep, waiting)

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        """Other columns shown (every cell computed again)."""
        keep, waiting = self._target()
        self.model.set_columns(columns)
        self.keep(keep, waiting)

    def sort(self, column: int | None, reverse: bool) -> None:
        """Sort by a column (None: file order)."""
        keep, waiting = self._target()
        self.model.sort(column, reverse)
        self.keep(keep, waiting)

    def filter(self, query: str) -> None:
        """Show only rows with a cell containing query: the cursor stays on its entry if
        that still matches, else goes to the first match (never to an unrelated row).
        An entry the scan has not reached yet: the cursor waits for it on the first match."""
        keep, _ = self._target()
        self.model.filter(query)
        self.position = 0
        self.keep(keep, waiting=True)
