"""Garbage collection that stays out of the way of the keys.

The situation and the widgets of the main screen live as long as the app, but
CPython's full collections walk every tracked object each time: at 10,000
places that is 10-25 ms, felt as a stutter every few keys. So:

- once the first screen is up, everything that exists is frozen (``gc.freeze``:
  out of the collector's sight);
- after each full collection the survivors are frozen too, so the next one only
  walks what was made since (a few milliseconds);
- what was frozen and then dropped in a cycle (the widgets of a dialog that was
  open during a collection) is reclaimed when the keyboard has been quiet for a
  while: everything is unfrozen, collected and frozen again (~0.1 s at 10,000
  places, so only when enough may have piled up).

Reference counting frees everything else at once, frozen or not.
"""

from __future__ import annotations

import gc
import time
from typing import Any

QUIET_SECONDS = 2.0
"""A reclaiming collection waits until no key has come for this long."""
CHECK_EVERY = 5.0
"""How often the app asks whether to reclaim (seconds)."""
RECLAIM_AFTER = 50_000
"""Reclaim once this many objects were frozen since the last time."""


class QuietCollector:
    """The app's garbage-collection policy (see the module's docstring)."""

    def __init__(self) -> None:
        self.last_key_at = 0.0
        """When the last key came (monotonic seconds); the app keeps it up to date."""
        self._frozen_after_reclaim = 0
        self.started = False

    def start(self) -> None:
        """Freeze what exists now, (re)enable the collector, and freeze survivors from now on.

        The command line starts the TUI with the collector off (cli._run_tui).
        """
        if self.started:
            return
        self.started = True
        gc.freeze()
        gc.enable()
        self._frozen_after_reclaim = gc.get_freeze_count()
        gc.callbacks.append(self._after_collection)

    def stop(self) -> None:
        """Stop freezing survivors (the frozen objects stay frozen)."""
        if self.started:
            self.started = False
            gc.callbacks.remove(self._after_collection)

    def _after_collection(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "stop" and info.get("generation") == 2:
            gc.freeze()

    def key_pressed(self) -> None:
        """Note a key (reclaiming waits for the keyboard to be quiet)."""
        self.last_key_at = time.monotonic()

    def reclaim_if_quiet(self) -> bool:
        """Unfreeze, collect and freeze again, if quiet and enough was frozen since."""
        if not self.started or time.monotonic() - self.last_key_at < QUIET_SECONDS:
            return False
        if gc.get_freeze_count() - self._frozen_after_reclaim < RECLAIM_AFTER:
            return False
        gc.unfreeze()
        gc.collect()  # its callback freezes the survivors
        gc.freeze()
        self._frozen_after_reclaim = gc.get_freeze_count()
        return True
