"""The main screen: header, key figures, the panes of tables, the brief, the footer.

The screen walks the panes by keyboard and runs the actions; its parts do the
work: main_layout.py lays the panes out, the edit flow changes the document
(sitrep.app.flows.edit), DocumentSync keeps the tables and figures in step with
it (main_sync.py), BriefAndMap draws the brief and the map when they are
shown (main_panes.py), and the Navigator moves between the stops and says which
keys apply at each (main_nav.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widgets import TabbedContent, Tabs

from sitrep.app.bindings import bindings
from sitrep.app.flows.conflicts import ConflictFlow
from sitrep.app.flows.edit import EditFlow, Selection
from sitrep.app.flows.importing import ImportFlow
from sitrep.app.panes import BRIEF, MAP, PANES, STOPS, TIMELINE, Stops, pane_of
from sitrep.app.safe import Say
from sitrep.app.screens.main_layout import compose_main
from sitrep.app.screens.main_nav import Navigator
from sitrep.app.screens.main_panes import BriefAndMap
from sitrep.app.screens.main_past import PastView, editing
from sitrep.app.screens.main_sync import DocumentSync
from sitrep.app.screens.main_timeline import TimelineHost
from sitrep.app.session import Session
from sitrep.app.widgets.detail import EntryDetail
from sitrep.app.widgets.table.section import SectionView
from sitrep.app.widgets.table.table import EntryTable
from sitrep.model.sections import Section

if TYPE_CHECKING:
    from sitrep.app.widgets.map.pane import MapPane
    from sitrep.app.widgets.timeline.pane import TimelinePane


class MainScreen(Screen[None]):
    """Everything about one situation, by keyboard."""

    BINDINGS: ClassVar = bindings("screen")

    def __init__(
        self, session: Session, *, say: Say, produced_by: str | None = None, stop: str = STOPS[0]
    ) -> None:
        """A screen on the session's document that opens at a stop (a section, brief, map).

        It is there from its first frame: its tabs start on that pane and the mount
        focuses it, with no later switch racing the ones the mount itself makes.
        """
        super().__init__(id="main")
        self.session = session
        self.document = session.document
        self.stops = Stops(stop)
        """Where the user works, and the table last used in each pane."""
        self.nav = Navigator(self)
        """Moves between the stops; says which keys apply at each."""
        self.panes = BriefAndMap(self, self.document, session)
        """The brief and the map, made when first shown."""
        self.timeline = TimelineHost(self, self.document)
        """The Timeline pane, made when first shown."""
        self.past = PastView(self, self.document)
        """The date shown, when it is not the as-of date (read-only)."""
        self.panes.shown = self.timeline.shown = self.past.situation
        self.sync = DocumentSync(
            self,
            session,
            stops=self.stops,
            panes=self.panes,
            timeline=self.timeline,
            view=self.view,
        )
        """Keeps the tables, header, figures and detail in step with the document."""
        self.sync.shown = self.past.situation
        self.past.sync = self.sync
        self.edits = EditFlow(self, self.document, say, reveal=self.reveal, produced_by=produced_by)
        """Every change to the document goes through it."""
        self.conflicts = ConflictFlow(self, self.document, say, self.edits)
        self.imports = ImportFlow(self, self.document, say, self.edits)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that work where the user is (the footer follows)."""
        return self.nav.applies(action)

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield from compose_main(self.document.situation, pane_of(self.stop))

    def on_mount(self) -> None:
        """Fill the tables, compute the figures, listen to the document, focus the stop."""
        for tabs in self.query(Tabs):
            tabs.can_focus = False  # tab walks the tables; number keys pick panes
        self.sync.attach()
        self.sync.refresh()
        target = self.nav.target(self.stop)
        if self.stop == BRIEF:
            self.panes.refresh_brief()
        self.nav.focus(target)
        self.call_after_refresh(self.conflicts.offer)

    def on_unmount(self) -> None:
        """Stop listening to the document."""
        self.sync.detach()

    def refresh_derived(self) -> None:
        """Header, figures, the visible detail, brief or map (after a save, say)."""
        self.sync.refresh()

    # -- lookups -----------------------------------------------------------------
    @property
    def stop(self) -> str:
        """Where the user works: a section's name, "brief" or "map"."""
        return self.stops.current

    def view(self, section: str) -> SectionView:
        """The SectionView of a section."""
        return self.query_one(f"#section-{section}", SectionView)

    @property
    def current_view(self) -> SectionView | None:
        """The section the user is working in (None on the brief and the map)."""
        return self.view(self.stop) if self.stops.on_table else None

    @property
    def current_table(self) -> EntryTable[Any] | None:
        """The table the user is working in."""
        view = self.current_view
        return view.table if view is not None else None

    def selection(self) -> Selection:
        """The section worked in and the selected entry (on the map: its place)."""
        if self.stop in (BRIEF, TIMELINE):
            return None
        if self.stop == MAP:
            pane = self.panes.map_pane()
            place_id = pane.selected_place_id if pane is not None else None
            return "places", self.panes.place_index(place_id) if place_id else None
        view = self.view(self.stop)
        return view.section, view.table.cursor_index

    # -- panes and focus -----------------------------------------------------------
    def go_to(self, stop: str) -> None:
        """Show the pane of a section (or the brief, the map, the timeline) and focus it."""
        self.nav.go_to(stop)

    def action_show_pane(self, number: int) -> None:
        """Show pane number (1-based), at the table last used there."""
        self.go_to(self.stops.last_in(PANES[number - 1].id))

    def action_next_table(self) -> None:
        """Tab: the next table, moving to the next pane after a pane's last table."""
        self.go_to(self.stops.step(+1))

    def action_previous_table(self) -> None:
        """Shift+tab: the previous table or pane."""
        self.go_to(self.stops.step(-1))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Remember where the user works, whichever way focus got there."""
        if event.widget is not self.focused:
            return  # focus moved on since (keys in a burst): the later event says where
        for node in event.widget.ancestors_with_self:
            if isinstance(node, SectionView):
                self.nav.moved_to(node.section)
                return
            if node.id in (BRIEF, MAP, TIMELINE):  # made when first shown
                self.nav.moved_to(str(node.id))
                return

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab clicked: go to the table last used in its pane.

        A message about a pane that is no longer the active one is stale (keys
        switched panes again meanwhile): following it would switch back, and its
        own message would switch forth again, for ever.
        """
        if event.pane.id != event.tabbed_content.active:
            return
        pane_id = str(event.pane.id).removeprefix("pane-")
        if pane_of(self.stop).id != pane_id:
            self.go_to(self.stops.last_in(pane_id))

    def reveal(self, section: Section | str, index: int) -> None:
        """Show the row a change touched: its pane, its table, the cursor on it."""
        self.nav.reveal(section, index)

    # -- the map and the detail ----------------------------------------------------
    @on(EntryTable.RowSelected)
    def _row_selected(self, event: EntryTable.RowSelected) -> None:
        self.action_edit()

    def on_map_pane_place_selected(self, event: MapPane.PlaceSelected) -> None:
        """A place picked on the map: the places table follows."""
        index = self.panes.place_index(event.place_id)
        if index is not None:
            self.view("places").table.move_to_index(index)

    @editing
    def on_map_pane_edit_place(self, event: MapPane.EditPlace) -> None:
        """Enter on the map: edit the place."""
        index = self.panes.place_index(event.place_id)
        if index is not None:
            self.edits.edit("places", index)

    def on_timeline_pane_show_place(self, event: TimelinePane.ShowPlace) -> None:
        """Enter on a change in the timeline: that place in the Places table."""
        index = self.panes.place_index(event.place_id)
        if index is not None:
            self.reveal("places", index)

    def action_scroll_detail(self, lines: int) -> None:
        """Scroll the detail beside the table (for a long note)."""
        if self.stops.on_table:
            detail = self.query_one(f"#detail-{pane_of(self.stop).id}", EntryDetail)
            detail.scroll_relative(y=lines, animate=False)

    # -- actions: edits (the edit flow makes them) -----------------------------------
    @editing
    def action_add(self) -> None:
        """Add an entry to the focused table, through its form."""
        view = self.current_view
        if view is not None:
            self.edits.add(view.section)

    @editing
    def action_edit(self) -> None:
        """Edit the selected entry, through its form."""
        self.edits.edit_selected(self.selection())

    @editing
    def action_delete(self) -> None:
        """Delete the selected entry at once (u undoes it)."""
        self.edits.delete_selected(self.selection())

    @editing
    def action_holder(self) -> None:
        """Change who holds the selected place."""
        self.edits.change_place(self.selection(), "holder")

    @editing
    def action_confidence(self) -> None:
        """Change how sure we are of the selected place's holder."""
        self.edits.change_place(self.selection(), "confidence")

    @editing
    def action_edit_header(self) -> None:
        """Edit the title, as-of date and the rest of the header."""
        self.edits.edit_header()

    @editing
    def action_conflicts(self) -> None:
        """Walk through the merge conflicts, one dialog each."""
        self.conflicts.walk()

    @editing
    def action_import_table(self) -> None:
        """Import places or figures from a CSV table (what would change is shown first)."""
        self.imports.start()

    @editing
    def action_next_report(self) -> None:
        """Start the next report, as `sitrep next` does, asking for its date."""
        from sitrep.app.flows.next_report import next_report

        next_report(self.edits)

    def action_as_of(self) -> None:
        """Ask for a date and show the situation as it stood then; again: back to the present."""
        self.past.ask()

    def action_step_day(self, days: int) -> None:
        """Show the situation a day earlier or later (the present at the as-of date)."""
        self.past.show_day(self.past.step(days))

    @editing
    def action_undo(self) -> None:
        """Undo the last step and show the row it touched."""
        self.edits.undo()

    @editing
    def action_redo(self) -> None:
        """Redo the last undone step and show the row it touched."""
        self.edits.redo()

    # -- actions: sort and filter ------------------------------------------------------
    async def action_filter(self) -> None:
        """Open the filter box of the focused table."""
        view = self.current_view
        if view is not None:
            await view.open_filter()

    def action_sort(self) -> None:
        """Sort the focused table by its next column."""
        table = self.current_table
        if table is not None:
            table.cycle_sort()

    def action_reverse_sort(self) -> None:
        """Reverse the focused table's order."""
        table = self.current_table
        if table is not None:
            table.reverse_sort()
