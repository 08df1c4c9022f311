"""The main screen's two panes without a table: the live brief and the map.

Both are drawn only while shown: after an edit they are marked stale and
brought up to date when the user looks at them, so edits stay fast with tens of
thousands of entries. Both are created the first time their pane is opened (the
brief's Markdown widget alone takes ~40 ms to import: not before the first screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.containers import Container
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount

from sitrep.app.session import Session
from sitrep.editing.document import Change, Document, snapshot
from sitrep.model.entries import Place
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path

if TYPE_CHECKING:
    from sitrep.app.widgets.brief import BriefView
    from sitrep.app.widgets.map.pane import MapPane

BRIEF_DELAY = 0.3
"""Seconds of quiet before the live brief is re-rendered (typing stays fast)."""
BRIEF_BACKGROUND_LIMIT = 1_000
"""With more places than this, the brief is rendered in a thread (about 10 ms at the
sample, seconds at 100,000 places: the keys must not wait for it)."""
MAP_SECTIONS = {"places", "parties", "header"}
"""What the map draws from: places, their holders' colors, the outline named in the header."""


class BriefAndMap:
    """Keeps the main screen's brief and map up to date, lazily.

    The screen has a "#brief-host" and a "#map-host" container; the brief and
    the map are mounted in them when first shown.
    """

    def __init__(self, screen: Screen[Any], document: Document, session: Session) -> None:
        self.screen = screen
        self.document = document
        self.session = session
        """Renders the brief (it names the file the situation is saved to)."""
        self._brief_stale = True
        self._brief_timer: Timer | None = None
        self._brief_view: BriefView | None = None
        self._brief_mounted: AwaitMount | None = None
        self._map_stale = False
        self._map: MapPane | None = None
        self.shown: Callable[[], Situation] = lambda: document.situation
        """The situation shown: the document's, or as it stood on a date (main_past.py)."""

    def map_pane(self) -> MapPane | None:
        """The map, if its pane was ever opened."""
        return self._map

    def mark_all_stale(self) -> None:
        """Another situation is shown (a date picked): the brief and the map are out of date."""
        self._brief_stale = self._map_stale = True

    def mark_stale(self, change: Change) -> None:
        """Note what a change makes out of date."""
        self._brief_stale = True
        if change.section in MAP_SECTIONS:
            self._map_stale = True

    # -- brief -------------------------------------------------------------------
    def refresh_brief_soon(self) -> None:
        """Re-render the visible brief once edits pause."""
        if not self._brief_stale:
            return
        if self._brief_timer is not None:
            self._brief_timer.stop()
        self._brief_timer = self.screen.set_timer(BRIEF_DELAY, self.refresh_brief)

    def refresh_brief(self) -> None:
        """Render the brief now if it is out of date (in a thread when it is large)."""
        if not self._brief_stale:
            return
        self._brief_stale = False
        situation = self.shown()
        if len(situation.places) <= BRIEF_BACKGROUND_LIMIT:
            self._show_brief(self.session.brief_text(situation=situation))
            return
        copy = snapshot(situation)
        app = self.screen.app

        def render() -> None:
            text = self.session.brief_text(situation=copy)
            app.call_from_thread(self._show_brief, text)

        self.screen.run_worker(render, thread=True, group="brief-text", name="brief")

    def brief_view(self) -> BriefView:
        """The brief's view, created (and mounted) the first time it is asked for."""
        if self._brief_view is None:
            from sitrep.app.widgets.brief import BriefView

            self._brief_view = BriefView(id="brief")
            host = self.screen.query_one("#brief-host", Container)
            self._brief_mounted = host.mount(self._brief_view)
        return self._brief_view

    def _show_brief(self, text: str) -> None:
        view, mounted = self.brief_view(), self._brief_mounted

        async def show() -> None:
            if mounted is not None:
                await mounted  # its Markdown widget is composed by then
            await view.show(text)

        self.screen.run_worker(show(), exclusive=True, group="brief")

    # -- map ---------------------------------------------------------------------
    def show_map(self, cursor: int | None) -> MapPane:
        """The map, created on first use (on the place at cursor) and redrawn if stale."""
        pane = self.map_pane()
        if pane is None:
            from sitrep.app.widgets.map.pane import MapPane

            path = self.document.path
            base = path.parent if path is not None else sample_path().parent
            pane = MapPane(self.shown(), base=base, source=path, id="map")
            if cursor is not None:  # open on the place under the places cursor
                pane.select(self.shown().places[cursor].id)
            self.screen.query_one("#map-host", Container).mount(pane)
            self._map = pane
            self._map_stale = False
        elif self._map_stale:
            self._map_stale = False
            pane.update_situation(self.shown())
        return pane

    def refresh_map_if_shown(self) -> None:
        """After a batch of edits on the map pane: redraw the map."""
        pane = self.map_pane()
        if pane is not None and self._map_stale:
            self._map_stale = False
            pane.update_situation(self.shown())

    def select_on_map(self, place: Place | None) -> None:
        """Keep the map's selection on the place under the places cursor."""
        pane = self.map_pane()
        if pane is not None and place is not None:
            pane.select(place.id)

    def place_index(self, place_id: str) -> int | None:
        """Where a place is in the places list."""
        places = self.document.situation.places
        return next((i for i, p in enumerate(places) if p.id == place_id), None)
