"""Running a table's filter scan a slice at a time between events, so no key waits long.

The first slice runs in the keystroke itself (TableRows.filter); the rest runs
here, once the screen shows the first matches, one slice per tick of the
table's own timer, on the UI thread. A thread
would not help: the work is Python (one core at a time under the GIL) and reads
entries, columns and the situation that edits change on the UI thread; in
slices, an edit or a key always sees the scan between two slices. Ticks come
every few milliseconds, and none runs while a key is on its way through the
widgets (the app's KeyQueue is busy): a key typed meanwhile waits for one slice
at most, not for one at each widget it passes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.timer import Timer
from textual.widget import Widget

from sitrep.app.keyqueue import keys_of
from sitrep.app.widgets.table.rows import TableRows
from sitrep.app.widgets.table.scan import Slice

SLICE = Slice(rows=500, seconds=0.015)
"""One slice: 500 rows whatever the time (a table of fewer rows is filtered at once,
in the keystroke, as before), then more until about 15 ms have passed."""
GAP = 0.003
"""Seconds between two slices' starts at the least (a slice longer than that is
followed by the next after other work waiting has had its turn)."""


class FilterSlices:
    """Runs the rest of a table's filter scan, a slice per tick of the table's timer.

    It sets the model's slice: a filter returns after the first one.
    """

    def __init__(self, widget: Widget, model: TableRows[Any], after: Callable[[], None]) -> None:
        self.widget = widget
        self.model = model
        self.slice = model.slice = SLICE
        self.after = after
        """Called after each slice (the rows found so far, the progress changed)."""
        self._timer: Timer | None = None
        self._starting = False
        """Ticks start after the next refresh (the first slice's matches on screen)."""
        self._done = asyncio.Event()
        self._done.set()

    @property
    def running(self) -> bool:
        """True while ticks are due."""
        return self._timer is not None or self._starting

    def start(self) -> None:
        """Run the rest of the model's scan, if it has one (else stop any ticks)."""
        if not self.model.scanning:
            self.stop()
        elif not self.widget.is_mounted:  # no timer yet: all at once
            self.model.scan()
            self.stop()
        elif not self.running:
            self._done.clear()
            self._starting = True
            self.widget.call_after_refresh(self._begin)

    def _begin(self) -> None:
        if self._starting:
            self._starting = False
            self._timer = self.widget.set_interval(GAP, self._tick, name="filter scan")

    def stop(self) -> None:
        """No more ticks (the scan finished, or the filter was cleared)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer, self._starting = None, False
        self._done.set()

    async def wait(self) -> None:
        """Return once the scan has finished (at once if none runs)."""
        await self._done.wait()

    def _keys_busy(self) -> bool:
        keys = keys_of(self.widget.app)
        return keys is not None and keys.busy

    def _tick(self) -> None:
        if self._keys_busy():
            return  # the key first; the scan goes on at a later tick
        if self.model.scanning:
            self.model.scan(self.slice)
        if not self.model.scanning:
            self.stop()
        self.after()
