"""Warming the filter: every row's search text, computed a little at a time while idle.

The first filter keystroke on a large table would otherwise compute the search
text of every row at once. Ticks start once the cursor and the keyboard have
been still for a moment, and each does about 2 ms of work, so keys pressed
meanwhile stay fast.
"""

from __future__ import annotations

import time
from typing import Any

from textual.timer import Timer
from textual.widget import Widget

from sitrep.app.keyqueue import keys_of
from sitrep.app.widgets.table.rows import TableRows

WARM_ROWS = 400
"""Rows whose search text is computed per tick while idle (about 2 ms of work)."""
WARM_EVERY = 0.02
"""Seconds between two such ticks, so keys pressed meanwhile wait at most one tick."""
WARM_QUIET = 0.3
"""No tick runs until the cursor has been still this long (keys stay fast)."""


class SearchWarmer:
    """Computes a table's search texts in idle ticks, on the table's own timer."""

    def __init__(self, widget: Widget, model: TableRows[Any]) -> None:
        self.widget = widget
        self.model = model
        self.moved_at = 0.0
        """When the cursor or the rows last moved (monotonic seconds)."""
        self._timer: Timer | None = None

    @property
    def running(self) -> bool:
        """True while ticks are due."""
        return self._timer is not None

    def start(self) -> None:
        """Warm every row again (new entries or cells), if the table is large and mounted."""
        self.stop()
        if self.widget.is_mounted and len(self.model) > WARM_ROWS:
            self._timer = self.widget.set_interval(WARM_EVERY, self._tick, name="warm search")

    def stop(self) -> None:
        """No more ticks."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = None

    def _last_key_at(self) -> float:
        """When the app last got a key: warming waits for the keyboard to be quiet too
        (a dialog opened and answered moves no cursor, but its keys must not wait)."""
        keys = keys_of(self.widget.app)
        return keys.last_key_at if keys is not None else 0.0

    def moved(self) -> None:
        """The cursor or the rows moved: the next tick waits for quiet."""
        self.moved_at = time.monotonic()

    def _tick(self) -> None:
        now = time.monotonic()
        if now - max(self.moved_at, self._last_key_at()) < WARM_QUIET:
            return
        if self.model.warm(WARM_ROWS):
            self.stop()
