"""The main screen: header, key figures, the panes of tables, the brief, the footer.

Edits go through the Document; its observer tells this screen which row of
which table changed, and only that row is redrawn. Figures, the header and the
detail are recomputed once per batch of changes, after the edit.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane, Tabs

from sitrep.app.bindings import bindings
from sitrep.app.flows.edit import EditActions
from sitrep.app.flows.files import FileActions
from sitrep.app.panes import BRIEF, MAP, PANES, SECTION_TITLES, STOPS, pane_of
from sitrep.app.screens.main_panes import BriefAndMap
from sitrep.app.widgets.detail import EntryDetail
from sitrep.app.widgets.figures import CARDS, KeyFigures, cards_touched
from sitrep.app.widgets.footer import SitrepFooter
from sitrep.app.widgets.header import SitrepHeader
from sitrep.app.widgets.table.columns import COLUMNS
from sitrep.app.widgets.table.section import SectionView
from sitrep.app.widgets.table.table import EntryTable
from sitrep.editing.document import Change, Document
from sitrep.model.entries import Place
from sitrep.model.sections import Section


class MainScreen(EditActions, BriefAndMap, Screen[None]):
    """Everything about one situation, by keyboard."""

    BINDINGS: ClassVar = bindings("screen")

    def __init__(self, document: Document) -> None:
        super().__init__(id="main")
        self.document = document
        self._stop: str = STOPS[0]
        """The table (section), brief or map that has, or last had, focus."""
        self._pane_stop = {pane.id: pane.stops[0] for pane in PANES}
        """The table last used in each pane (its detail shows that table's entry)."""
        self._derived_pending = False
        self._cards: set[str] = set(CARDS)
        """Key-figure cards to redraw after the current batch of changes."""
        self.init_brief_and_map()

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        situation = self.document.situation
        yield SitrepHeader(id="header")
        yield KeyFigures(id="figures")
        with TabbedContent(id="panes"):
            for number, pane in enumerate(PANES, 1):
                with TabPane(f"{number} {pane.title}", id=f"pane-{pane.id}"):
                    if pane.id == BRIEF:
                        yield Container(id="brief-host")  # made when first shown
                    elif pane.id == MAP:
                        yield Container(id="map-host")  # the map is made when first shown
                    else:
                        with Horizontal(classes="pane-body"):
                            with Vertical(classes="pane-tables"):
                                for section in pane.sections:
                                    columns = COLUMNS[section](situation)
                                    title = SECTION_TITLES[section]
                                    yield SectionView(section, title, columns)
                            yield EntryDetail(id=f"detail-{pane.id}", classes="detail")
        yield SitrepFooter(compact=True)

    def on_mount(self) -> None:
        """Fill the tables, compute the figures, and listen to the document."""
        for tabs in self.query(Tabs):
            tabs.can_focus = False  # tab walks the tables; number keys pick panes
        for view in self.query(SectionView):
            view.table.set_entries(self.document.entries(view.section))
            view.table.cursor_listener = self._cursor_moved
            view.refresh_title()
        self.document.observers.append(self._document_changed)
        self.refresh_derived()
        # At once, not later: a reload puts the user back in their pane after this.
        self.set_focus(self.view(STOPS[0]).table)

    def on_unmount(self) -> None:
        """Stop listening to the document."""
        if self._document_changed in self.document.observers:
            self.document.observers.remove(self._document_changed)

    # -- lookups -----------------------------------------------------------------
    @property
    def stop(self) -> str:
        """Where the user works: a section's name, "brief" or "map"."""
        return self._stop

    def view(self, section: str) -> SectionView:
        """The SectionView of a section."""
        return self.query_one(f"#section-{section}", SectionView)

    @property
    def current_view(self) -> SectionView | None:
        """The section the user is working in (None on the brief and the map)."""
        return None if self._stop in (BRIEF, MAP) else self.view(self._stop)

    @property
    def current_table(self) -> EntryTable[Any] | None:
        """The table the user is working in."""
        view = self.current_view
        return view.table if view is not None else None

    def selection(self) -> tuple[Section, int | None] | None:
        """The section worked in and the selected entry (on the map: its place)."""
        if self._stop == BRIEF:
            return None
        if self._stop == MAP:
            pane = self.map_pane()
            place_id = pane.selected_place_id if pane is not None else None
            return "places", self.place_index(place_id) if place_id else None
        view = self.view(self._stop)
        return view.section, view.table.cursor_index

    # -- panes and focus -----------------------------------------------------------
    def go_to(self, stop: str) -> None:
        """Show the pane of a section (or the brief, or the map) and focus it."""
        pane = pane_of(stop)
        self.query_one(TabbedContent).active = f"pane-{pane.id}"
        target: Widget
        if stop == BRIEF:
            target = self.brief_view()
        elif stop == MAP:
            target = self.show_map()
        else:
            target = self.view(stop).table
        self._set_stop(stop)
        target.focus()

    def action_show_pane(self, number: int) -> None:
        """Show pane number (1-based), at the table last used there."""
        pane = PANES[number - 1]
        self.go_to(self._pane_stop[pane.id])

    def action_next_table(self) -> None:
        """Tab: the next table, moving to the next pane after a pane's last table."""
        self.go_to(STOPS[(STOPS.index(self._stop) + 1) % len(STOPS)])

    def action_previous_table(self) -> None:
        """Shift+tab: the previous table or pane."""
        self.go_to(STOPS[(STOPS.index(self._stop) - 1) % len(STOPS)])

    def _set_stop(self, stop: str) -> None:
        if stop == self._stop:
            return
        self._stop = stop
        self._pane_stop[pane_of(stop).id] = stop
        self._show_detail(stop)
        if stop == BRIEF:
            self.refresh_brief()
        self.refresh_bindings()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Remember where the user works, whichever way focus got there."""
        for node in event.widget.ancestors_with_self:
            if isinstance(node, SectionView):
                self._set_stop(node.section)
                return
            if node.id == BRIEF:  # the BriefView (imported only when first shown)
                self._set_stop(BRIEF)
                return
            if node.id == MAP:  # the MapPane (imported only when first shown)
                self._set_stop(MAP)
                return

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane_id = str(event.pane.id).removeprefix("pane-")
        if pane_of(self._stop).id != pane_id:
            self.go_to(self._pane_stop[pane_id])

    # -- detail ------------------------------------------------------------------
    def _cursor_moved(self, table: EntryTable[Any], index: int | None) -> None:
        """A table's cursor is on another entry: the detail follows in the same frame.

        Called by the table itself, not through its RowHighlighted message, which
        reaches the screen after the table's frame may have been drawn.
        """
        section = str(table.id).removeprefix("table-")
        if self._pane_stop[pane_of(section).id] == section:
            self._show_detail(section)
        if section == "places" and index is not None:
            place = self.document.situation.places[index]
            self.select_on_map(place if isinstance(place, Place) else None)

    @on(EntryTable.RowSelected)
    def _row_selected(self, event: EntryTable.RowSelected) -> None:
        self.action_edit()

    def action_scroll_detail(self, lines: int) -> None:
        """Scroll the detail beside the table (for a long note)."""
        if self._stop not in (BRIEF, MAP):
            detail = self.query_one(f"#detail-{pane_of(self._stop).id}", EntryDetail)
            detail.scroll_relative(y=lines, animate=False)

    def _show_detail(self, stop: str) -> None:
        if stop in (BRIEF, MAP):
            return
        view = self.view(stop)
        index = view.table.cursor_index
        entries = self.document.entries(view.section)
        entry = entries[index] if index is not None and index < len(entries) else None
        hint = "Nothing selected." if entries else "Nothing here yet: press a to add one."
        detail = self.query_one(f"#detail-{pane_of(stop).id}", EntryDetail)
        detail.show(entry, self.document.situation, hint)

    # -- keeping up with the document ----------------------------------------------
    def _document_changed(self, change: Change) -> None:
        """Apply one change to the table it touched (the only rows redrawn)."""
        if change.section != "header":
            table = self.view(change.section).table
            if change.before is None:
                table.insert_row(change.index, change.after)
            elif change.after is None:
                table.remove_row(change.index)
            else:
                table.update_row(change.index, change.after)
            if change.section == "parties":  # holder names and colors come from parties
                self.view("places").table.refresh_cells()
        else:  # the as-of date and the refresh rates: freshness columns come and go
            for view in self.query(SectionView):
                view.table.set_columns(COLUMNS[view.section](self.document.situation))
        self.mark_stale(change)
        self._cards |= cards_touched(change)
        if not self._derived_pending:
            # After the step's other changes (they are applied in one go), and in the
            # same frame as the rows they touched.
            self._derived_pending = True
            self.call_later(self.refresh_derived)

    def refresh_derived(self) -> None:
        """Header, figures, the visible detail, brief or map, once per batch of changes."""
        self._derived_pending = False
        document = self.document
        app = cast(FileActions, self.app)
        self.query_one(SitrepHeader).show(document.situation.header, app.file_name, document.dirty)
        cards, self._cards = self._cards, set()
        self.query_one(KeyFigures).update_figures(document.situation, cards)
        self._show_detail(self._pane_stop[pane_of(self._stop).id])
        if self._stop == BRIEF:
            self.refresh_brief_soon()
        elif self._stop == MAP:
            self.refresh_map_if_shown()

    def reveal(self, section: Section | str, index: int) -> None:
        """Show the row a change touched: its pane, its table, the cursor on it."""
        if section == "header":
            return
        view = self.view(section)
        if not (section == "places" and self._stop == MAP):  # the map shows places too
            self.go_to(section)
        count = len(self.document.entries(view.section))
        if count == 0:
            return
        index = min(index, count - 1)
        if not view.table.move_to_index(index):
            view.action_clear_filter()  # the row is filtered out: show everything
            view.table.move_to_index(index)
