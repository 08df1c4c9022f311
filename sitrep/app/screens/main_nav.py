"""Where the user works on the main screen: which keys apply there, moving between
panes and tables, and showing the row a change touched."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from sitrep.app.panes import BRIEF, MAP, TIMELINE, Stops, pane_of
from sitrep.model.sections import Section

TABLE_ACTIONS = {"add", "filter", "sort", "reverse_sort", "scroll_detail"}
"""Actions on a table (not on the brief, the map or the timeline)."""
ROW_ACTIONS = {"edit", "delete"}
"""Actions on the selected entry: a table's row, or the map's place."""
PLACE_ACTIONS = {"holder", "confidence"}
"""Actions on a place, in its table or on the map."""


class Navigator:
    """Moves the main screen between its stops (a section's table, the brief, the map,
    the timeline) and says which actions apply at the current one."""

    def __init__(self, screen: Any) -> None:
        self.screen = screen
        """The main screen (typed loosely: it imports this module, not the reverse)."""

    def applies(self, action: str) -> bool:
        """Whether an action works where the user is, decided without touching a
        widget, so the footer can show its keys while the screen is being built."""
        stops: Stops = self.screen.stops
        stop = stops.current
        if action in TABLE_ACTIONS:
            return stops.on_table
        if action in ROW_ACTIONS:
            return stop not in (BRIEF, TIMELINE)
        if action in PLACE_ACTIONS:
            return stop in ("places", MAP)
        if action == "step_day":  # through the dates on the map, or once viewing one
            viewing_past: bool = self.screen.past.active
            return stop == MAP or viewing_past
        return True

    def go_to(self, stop: str) -> None:
        """Show the pane of a stop and focus it."""
        screen = self.screen
        screen.query_one(TabbedContent).active = f"pane-{pane_of(stop).id}"
        target = self.target(stop)
        self.moved_to(stop)
        self.focus(target)

    def focus(self, target: Widget) -> None:
        """Focus a stop's widget, its pane being shown already.

        Focus lands a moment later; left to itself, the pane it lands in would then
        take the tabs back, even if a key pressed meanwhile went to another pane.
        """
        with self.screen.prevent(TabPane.Focused):
            target.focus()

    def target(self, stop: str) -> Widget:
        """What takes focus at a stop (the brief, map and timeline are made when first shown)."""
        screen = self.screen
        widget: Widget
        if stop == BRIEF:
            widget = screen.panes.brief_view()
        elif stop == MAP:
            widget = screen.panes.show_map(screen.view("places").table.cursor_index)
        elif stop == TIMELINE:
            widget = screen.timeline.show()
        else:
            widget = screen.view(stop).table
        return widget

    def moved_to(self, stop: str) -> None:
        """The user works at another stop now: its detail, brief and keys follow."""
        screen = self.screen
        if screen.stops.move(stop):
            screen.sync.show_detail(stop)
            if stop == BRIEF:
                screen.panes.refresh_brief()
            screen.refresh_bindings()

    def reveal(self, section: Section | str, index: int) -> None:
        """Show the row a change touched: its pane, its table, the cursor on it."""
        screen = self.screen
        if section in ("header", "conflicts"):  # no table shows them
            return
        view = screen.view(section)
        if not (section == "places" and screen.stop == MAP):  # the map shows places too
            self.go_to(section)
        count = len(screen.document.entries(view.section))
        if count == 0:
            return
        index = min(index, count - 1)
        if not view.table.move_to_index(index):
            view.action_clear_filter()  # the row is filtered out: show everything
            view.table.move_to_index(index)
