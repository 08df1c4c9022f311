"""A filter's scan: the rows it has still to look at, in display order, a slice at a time.

Filtering 100,000 rows computes every row's search text the first time, which
takes seconds. The scan looks at the rows in the order they are shown and
appends each match to the rows found, so the first screenful of matches is
there after the first slice and stays put while later matches come below it.
TableRows (rows.py) owns a scan; the table runs it in slices between events
(slices.py). No widget, no clock but the one a slice reads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

CHUNK = 256
"""Rows looked at between two looks at the clock."""


@dataclass(frozen=True)
class Slice:
    """How much one slice of a scan does: ``rows`` rows whatever the time, then more
    rows (a chunk at a time) until ``seconds`` have passed since the slice began."""

    rows: int
    seconds: float = 0.0


class RowScan:
    """The display-ordered row indexes a filter has yet to look at."""

    __slots__ = ("_next", "_todo")

    def __init__(self) -> None:
        self._todo: list[int] = []
        self._next = 0
        """Rows before this position in _todo have been looked at."""

    @property
    def running(self) -> bool:
        """True while some rows are still to be looked at."""
        return self._next < len(self._todo)

    @property
    def progress(self) -> float:
        """The share of the rows looked at, from 0 to 1 (1 when no scan runs)."""
        return self._next / len(self._todo) if self._todo else 1.0

    def restart(self, ordered: list[int]) -> None:
        """Look at these rows, in this order, from the first."""
        self._todo, self._next = ordered, 0

    def stop(self) -> None:
        """Nothing more to look at."""
        self._todo, self._next = [], 0

    def run(
        self,
        matching: Callable[[list[int]], list[int]],
        found: list[int],
        portion: Slice | None = None,
        *,
        until: int | None = None,
    ) -> None:
        """Look at more rows, appending those that matching keeps to found.

        portion: how many (None: every row left); until: stop once this row index
        has been looked at.
        """
        start, todo = time.perf_counter(), self._todo
        last = len(todo)
        if until is not None:
            try:
                last = todo.index(until, self._next) + 1
            except ValueError:
                last = self._next  # looked at already, or not to be
        end = last if portion is None else min(last, self._next + portion.rows)
        found += matching(todo[self._next : end])
        self._next = end
        if portion is not None:
            deadline = start + portion.seconds
            while self._next < last and time.perf_counter() < deadline:
                end = min(last, self._next + CHUNK)
                found += matching(todo[self._next : end])
                self._next = end
        if not self.running:
            self.stop()
