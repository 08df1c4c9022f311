"""The main screen's two panes without a table: the live brief and the map.

Both are drawn only while shown: after an edit they are marked stale and
brought up to date when the user looks at them, so edits stay fast with tens of
thousands of entries. Both are created the first time their pane is opened (the
brief's Markdown widget alone takes ~40 ms to import: not before the first screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.containers import Container
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount

from sitrep.app.flows.files import FileActions
from sitrep.app.widgets.figures import BACKGROUND_LIMIT, snapshot
from sitrep.editing.document import Change, Document
from sitrep.model.entries import Place
from sitrep.model.sections import Section
from sitrep.storage.sample import sample_path

if TYPE_CHECKING:
    from sitrep.app.widgets.brief import BriefView
    from sitrep.app.widgets.map.pane import MapPane

BRIEF_DELAY = 0.3
"""Seconds of quiet before the live brief is re-rendered (typing stays fast)."""
MAP_SECTIONS = {"places", "parties", "header"}
"""What the map draws from: places, their holders' colors, the outline named in the header."""


class BriefAndMap(Screen[None]):
    """Mixed into the main screen: keeps the brief and the map up to date, lazily."""

    document: Document

    def init_brief_and_map(self) -> None:
        """Set up the state (called from the main screen's __init__)."""
        self._brief_stale = True
        self._brief_timer: Timer | None = None
        self._brief_view: BriefView | None = None
        self._brief_mounted: AwaitMount | None = None
        self._map_stale = False
        self._map: MapPane | None = None

    def edit_entry(self, section: Section, index: int) -> None:
        """Open an entry's form (the edit actions implement it)."""
        raise NotImplementedError

    def map_pane(self) -> MapPane | None:
        """The map, if its pane was ever opened."""
        return self._map

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
        self._brief_timer = self.set_timer(BRIEF_DELAY, self.refresh_brief)

    def refresh_brief(self) -> None:
        """Render the brief now if it is out of date (in a thread when it is large)."""
        if not self._brief_stale:
            return
        self._brief_stale = False
        app = cast(FileActions, self.app)
        situation = self.document.situation
        if len(situation.places) <= BACKGROUND_LIMIT:
            self._show_brief(app.brief_text())
            return
        copy = snapshot(situation)

        def render() -> None:
            text = app.brief_text(situation=copy)
            self.app.call_from_thread(self._show_brief, text)

        self.run_worker(render, thread=True, group="brief-text", name="brief")

    def brief_view(self) -> BriefView:
        """The brief's view, created (and mounted) the first time it is asked for."""
        if self._brief_view is None:
            from sitrep.app.widgets.brief import BriefView

            self._brief_view = BriefView(id="brief")
            self._brief_mounted = self.query_one("#brief-host", Container).mount(self._brief_view)
        return self._brief_view

    def _show_brief(self, text: str) -> None:
        view, mounted = self.brief_view(), self._brief_mounted

        async def show() -> None:
            if mounted is not None:
                await mounted  # its Markdown widget is composed by then
            await view.show(text)

        self.run_worker(show(), exclusive=True, group="brief")

    # -- map ---------------------------------------------------------------------
    def show_map(self) -> MapPane:
        """The map, created on first use and redrawn if edits made it stale."""
        pane = self.map_pane()
        if pane is None:
            from sitrep.app.widgets.map.pane import MapPane

            path = self.document.path
            base = path.parent if path is not None else sample_path().parent
            pane = MapPane(self.document.situation, base=base, id="map")
            cursor = self.query_one("#table-places").cursor_index  # type: ignore[attr-defined]
            if cursor is not None:  # open on the place under the places cursor
                pane.select(self.document.situation.places[cursor].id)
            self.query_one("#map-host", Container).mount(pane)
            self._map = pane
            self._map_stale = False
        elif self._map_stale:
            self._map_stale = False
            pane.refresh_places()
        return pane

    def refresh_map_if_shown(self) -> None:
        """After a batch of edits on the map pane: redraw the map."""
        pane = self.map_pane()
        if pane is not None and self._map_stale:
            self._map_stale = False
            pane.refresh_places()

    def select_on_map(self, place: Place | None) -> None:
        """Keep the map's selection on the place under the places cursor."""
        pane = self.map_pane()
        if pane is not None and place is not None:
            pane.select(place.id)

    def place_index(self, place_id: str) -> int | None:
        """Where a place is in the places list."""
        places = self.document.situation.places
        return next((i for i, p in enumerate(places) if p.id == place_id), None)

    def on_map_pane_place_selected(self, event: MapPane.PlaceSelected) -> None:
        """A place picked on the map: the places table follows."""
        index = self.place_index(event.place_id)
        if index is not None:
            self.query_one("#table-places").move_to_index(index)  # type: ignore[attr-defined]

    def on_map_pane_edit_place(self, event: MapPane.EditPlace) -> None:
        """Enter on the map: edit the place."""
        index = self.place_index(event.place_id)
        if index is not None:
            self.edit_entry("places", index)
