"""Keeping the main screen in step with its document.

Edits go through the Document; its observer tells this which row of which
table changed, and only that row is redrawn. The header, the key figures, the
detail and the brief or map are recomputed once per batch of changes, after
the edit, in the same frame as the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from sitrep.app.panes import BRIEF, MAP, TIMELINE, Stops, pane_of
from sitrep.app.screens.main_panes import BriefAndMap
from sitrep.app.screens.main_timeline import TimelineHost
from sitrep.app.session import Session
from sitrep.app.widgets.detail import EntryDetail
from sitrep.app.widgets.figures import CARDS, KeyFigures, cards_touched
from sitrep.app.widgets.header import SitrepHeader
from sitrep.app.widgets.table.columns import COLUMNS
from sitrep.app.widgets.table.layout import ColumnWidths
from sitrep.app.widgets.table.section import SectionView
from sitrep.app.widgets.table.table import EntryTable
from sitrep.editing.document import Change
from sitrep.model.entries import Place
from sitrep.model.situation import Situation

ROW_BY_ROW = 50
"""Changes to one table in a batch beyond which it is refilled once instead."""
ViewOf = Callable[[str], SectionView]
"""The SectionView of a section, on the screen."""


class DocumentSync:
    """Applies the document's changes to the screen's tables and derived widgets."""

    def __init__(
        self,
        screen: Screen[Any],
        session: Session,
        *,
        stops: Stops,
        panes: BriefAndMap,
        timeline: TimelineHost,
        view: ViewOf,
    ) -> None:
        self.screen = screen
        self.session = session
        self.document = session.document
        """The screen's document (a reload makes a new screen for the new one)."""
        self.stops = stops
        self.panes = panes
        self.timeline = timeline
        self.view = view
        self._pending = False
        self._reset: set[str] = set()
        """Sections whose table is refilled after this batch of changes (too many rows)."""
        self._counts: dict[str, int] = {}
        self._cards: set[str] = set(CARDS)
        """Key-figure cards to redraw after the current batch of changes."""
        self._figures: KeyFigures | None = None
        self.shown: Callable[[], Situation] = lambda: self.document.situation
        """The situation shown: the document's, or as it stood on a date (main_past.py)."""

    def attach(self) -> None:
        """Fill the tables and listen to the document (when the screen is mounted)."""
        for view in self.screen.query(SectionView):
            view.table.set_entries(self.document.entries(view.section))
            view.table.cursor_listener = self.cursor_moved
            view.refresh_title()
        self.document.observers.append(self.changed)

    def detach(self) -> None:
        """Stop listening to the document."""
        if self.changed in self.document.observers:
            self.document.observers.remove(self.changed)

    def changed(self, change: Change) -> None:
        """Apply one change to the table it touched (the only rows redrawn)."""
        if change.section == "places":  # the control counts follow it, place by place
            before = change.before if isinstance(change.before, Place) else None
            after = change.after if isinstance(change.after, Place) else None
            self.figures().place_changed(self.document.situation, before, after)
        if change.section == "conflicts":  # no table: the walkthrough shows them
            pass
        elif change.section in self._reset or self._large(change.section):
            pass  # refilled once after the batch (an import): no row-by-row work
        elif change.section != "header":
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
            situation = self.document.situation
            for view in self.screen.query(SectionView):
                view.table.set_columns(COLUMNS[view.section](situation))
        self.panes.mark_stale(change)
        self.timeline.mark_stale(change)
        self._cards |= cards_touched(change)
        if not self._pending:
            # After the step's other changes (they are applied in one go), and in the
            # same frame as the rows they touched.
            self._pending = True
            self.screen.call_later(self.refresh)

    def figures(self) -> KeyFigures:
        """The key-figures strip (found once)."""
        if self._figures is None:
            self._figures = self.screen.query_one(KeyFigures)
        return self._figures

    def _large(self, section: str) -> bool:
        """Whether this batch changed so many rows of a section that refilling its table
        once costs less than changing it row by row (each of which is a shift)."""
        self._counts[section] = count = self._counts.get(section, 0) + 1
        if count <= ROW_BY_ROW:
            return False
        self._reset.add(section)
        if section == "parties":  # holder names and colors come from parties
            self._reset.add("places")
        return True

    def show_situation(self) -> None:
        """Show another situation (a date picked): every table, column, card and pane."""
        shown = self.shown()
        for view in self.screen.query(SectionView):
            table = view.table
            # The columns read the situation they were made with; the rows are measured
            # once, by set_entries (set_columns would measure the old ones first).
            table.rows.set_columns(COLUMNS[view.section](shown))
            table.sizes = ColumnWidths(table.model.columns)
            table.set_entries(list(getattr(shown, view.section)))
            view.refresh_title()
        self.panes.mark_all_stale()
        self.timeline.mark_all_stale()
        self._cards = set(CARDS)
        self.refresh()

    def refresh(self) -> None:
        """Header, figures, the visible detail, brief or map, once per batch of changes."""
        self._pending = False
        for section in self._reset:
            self.view(section).table.set_entries(self.document.entries(section))  # type: ignore[arg-type]
        self._reset.clear()
        self._counts.clear()
        document, file_name = self.document, self.session.file_name
        header = self.screen.query_one(SitrepHeader)
        shown = self.shown()
        journal = self.session.guard.journal
        journaled = journal is not None and journal.error is None
        header.show(shown.header, file_name, document.dirty, journaled=journaled)
        cards, self._cards = self._cards, set()
        self.figures().update_figures(shown, cards)
        self.show_detail(self.stops.last_in(pane_of(self.stops.current).id))
        if self.stops.current == BRIEF:
            self.panes.refresh_brief_soon()
        elif self.stops.current == MAP:
            self.panes.refresh_map_if_shown()
        elif self.stops.current == TIMELINE:
            self.timeline.refresh()

    def cursor_moved(self, table: EntryTable[Any], index: int | None) -> None:
        """A table's cursor is on another entry: the detail follows in the same frame.

        Called by the table itself, not through its RowHighlighted message, which
        reaches the screen after the table's frame may have been drawn.
        """
        section = str(table.id).removeprefix("table-")
        if self.stops.last_in(pane_of(section).id) == section:
            self.show_detail(section)
        if section == "places" and index is not None:
            place = self.shown().places[index]
            self.panes.select_on_map(place if isinstance(place, Place) else None)

    def show_detail(self, stop: str) -> None:
        """Show the entry under a table's cursor in its pane's detail."""
        if stop in (BRIEF, MAP, TIMELINE):
            return
        view = self.view(stop)
        index = view.table.cursor_index
        shown = self.shown()
        entries = getattr(shown, view.section)
        entry = entries[index] if index is not None and index < len(entries) else None
        hint = "Nothing selected." if entries else "Nothing here yet: press a to add one."
        detail = self.screen.query_one(f"#detail-{pane_of(stop).id}", EntryDetail)
        detail.show(entry, shown, hint)
