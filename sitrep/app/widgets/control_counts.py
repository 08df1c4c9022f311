"""The control card's counts for the situation shown, kept up to date place by place.

A ControlTally (model/derived/tally.py) is made once per situation and then told
of every place edited, so no edit counts all the places again (0.18 s at 100,000
places, 7 ms at 10,000). A small situation's tally is made at once; a large
one's in the key figures' thread, on the snapshot that thread reads: the changes
made meanwhile are kept and applied when the tally is handed over, on the UI
thread, so it counts exactly what the document holds.
"""

from __future__ import annotations

from sitrep.app.widgets.figure_cards import ControlData
from sitrep.model.derived.tally import ControlTally
from sitrep.model.entries import Place
from sitrep.model.situation import Situation

Edit = tuple[Place | None, Place | None]
"""A place as it was and as it is (None: added, or removed)."""


class ControlCounts:
    """The tally of one situation, its hand-over from a thread, and the edits on the way."""

    def __init__(self) -> None:
        self._tally: tuple[Situation, ControlTally] | None = None
        self._building: Situation | None = None
        self._pending: list[Edit] = []

    def place_changed(
        self, situation: Situation, before: Place | None, after: Place | None
    ) -> None:
        """A place of situation was replaced, added or removed: count it again, alone."""
        if self._building is situation:
            self._pending.append((before, after))
        elif self._tally is not None and self._tally[0] is situation:
            _apply(self._tally[1], before, after)

    def ready(self, situation: Situation) -> ControlData | None:
        """The counts of situation now, if its tally is made (cheap: no place is read)."""
        if self._tally is None or self._tally[0] is not situation:
            return None
        return ControlData(*self._tally[1].summary(situation))

    def now(self, situation: Situation) -> ControlData:
        """The counts of situation, its tally made here first if need be."""
        if self._tally is None or self._tally[0] is not situation:
            self._tally, self._building = (situation, ControlTally(situation.places)), None
        return ControlData(*self._tally[1].summary(situation))

    def start_building(self, situation: Situation) -> bool:
        """Whether the caller's thread should make the tally (none is being made for it)."""
        if self._building is situation:
            return False
        self._building, self._pending = situation, []
        return True

    def built(self, situation: Situation, tally: ControlTally) -> None:
        """A thread made situation's tally from a snapshot: apply the edits made since."""
        if self._building is not situation:
            return  # another situation is shown now
        for before, after in self._pending:
            _apply(tally, before, after)
        self._tally, self._building, self._pending = (situation, tally), None, []

    def abandon(self, situation: Situation) -> None:
        """The thread failed: stop keeping edits for a tally that will not come."""
        if self._building is situation:
            self._building, self._pending = None, []


def _apply(tally: ControlTally, before: Place | None, after: Place | None) -> None:
    if before is not None:
        tally.remove(before)
    if after is not None:
        tally.add(after)
