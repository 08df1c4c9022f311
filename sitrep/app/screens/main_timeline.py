"""The main screen's Timeline pane, made when first shown and recomputed only while shown.

Like the brief and the map (main_panes.py), an edit only marks it out of date;
it is computed again (in a thread) when the user looks at it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.containers import Container
from textual.screen import Screen

from sitrep.editing.document import Change, Document
from sitrep.model.situation import Situation

if TYPE_CHECKING:
    from sitrep.app.widgets.timeline.pane import TimelinePane

TIMELINE_SECTIONS = {"places", "parties", "header"}
"""What the timeline draws from: the places' histories, the parties' names and colours,
the as-of date."""


class TimelineHost:
    """Creates the Timeline pane in the screen's "#timeline-host" and keeps it up to date."""

    def __init__(self, screen: Screen[Any], document: Document) -> None:
        self.screen = screen
        self.document = document
        self._pane: TimelinePane | None = None
        self._stale = True
        self.shown: Callable[[], Situation] = lambda: document.situation
        """The situation shown: the document's, or as it stood on a date (main_past.py)."""

    @property
    def pane(self) -> TimelinePane | None:
        """The pane, if it was ever shown."""
        return self._pane

    def mark_all_stale(self) -> None:
        """Another situation is shown (a date picked)."""
        self._stale = True

    def mark_stale(self, change: Change) -> None:
        """Note that a change alters what the timeline shows."""
        if change.section in TIMELINE_SECTIONS:
            self._stale = True

    def show(self) -> TimelinePane:
        """The pane, created on first use and recomputed if out of date."""
        pane = self._pane
        if pane is None:
            from sitrep.app.widgets.timeline.pane import TimelinePane

            pane = TimelinePane(id="timeline")
            self.screen.query_one("#timeline-host", Container).mount(pane)
            self._pane = pane
        self.refresh()
        return pane

    def refresh(self) -> None:
        """Recompute the shown pane if an edit made it out of date."""
        if self._pane is not None and self._stale:
            self._stale = False
            self._pane.show(self.shown())
