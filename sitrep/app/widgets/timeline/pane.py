"""The Timeline pane: the chart of control over time above the list of changes, newest first.

A self-contained widget: give it a situation with show(); the chart and the
list are computed in a thread (10,000 places with their histories never hold
the keys up) and drawn when ready. Enter on a change posts ShowPlace, and the
screen takes the user to that place in the Places table.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from sitrep.app.widgets.table.rows import Column
from sitrep.app.widgets.table.table import EntryTable
from sitrep.app.widgets.timeline.chart import chart_text
from sitrep.app.widgets.timeline.data import LogRow, TimelineData, timeline_data
from sitrep.model.situation import Situation

NO_CHANGES = "No control changes recorded"

LOG_COLUMNS: list[Column[LogRow]] = [
    Column("Date", lambda r: r.when, width=16, sort_key=lambda r: (r.date, r.time)),
    Column("Place", lambda r: r.place, min_width=8, max_width=30),
    Column("From", lambda r: r.before, min_width=6, max_width=24),
    Column("To", lambda r: r.after, min_width=6, max_width=40, flex=True),
    Column("Confidence", lambda r: r.confidence, width=10, priority=2),
    Column(
        "Retracted",
        lambda r: r.retracted.isoformat() if r.retracted else "",
        width=10,
        priority=3,
        style=lambda r: "strike dim" if r.retracted else None,
    ),
]


class ChartView(Widget):
    """The chart, drawn at the size it is given."""

    DEFAULT_CSS = "ChartView { height: 45%; min-height: 8; max-height: 18; padding: 0 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: TimelineData | None = None

    def render(self) -> Text | Content:
        """The chart, or why there is none."""
        data = self.data
        if data is None:
            return Content("Computing the timeline…")
        if not data.days:
            return Content(NO_CHANGES)
        size = self.content_size
        return chart_text(data, max(10, size.width), max(8, size.height))


class TimelinePane(Widget, can_focus=True):
    """Control over time: the chart, then every change of control by date."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,o", "show_place", "Go to place", id="timeline_place", key_display="⏎"),
    ]
    DEFAULT_CSS = """
    TimelinePane { height: 1fr; width: 1fr; }
    TimelinePane #timeline-title { height: 1; padding: 0 1; background: $boost; }
    TimelinePane #timeline-log { height: 1fr; }
    TimelinePane #timeline-empty { padding: 1 2; }
    """

    class ShowPlace(Message):
        """The user chose a change: show its place in the Places table."""

        def __init__(self, place_id: str) -> None:
            self.place_id = place_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: TimelineData | None = None
        self._generation = 0
        self._situation: Situation | None = None
        self._ready = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield ChartView(id="timeline-chart")
            yield Static(Content(""), id="timeline-title")
            yield EntryTable(LOG_COLUMNS, id="timeline-log", empty_text=NO_CHANGES)

    @property
    def changes(self) -> EntryTable[LogRow]:
        """The list of changes (it takes the focus)."""
        return self.query_one("#timeline-log", EntryTable)

    def on_mount(self) -> None:
        """Compute what show() was given before the pane was mounted."""
        self._ready = True
        self.changes.set_entries([])  # measured (by its titles) before its first frame
        if self._situation is not None:
            self.show(self._situation)

    def on_focus(self) -> None:
        """The pane takes the focus from the keys: the list of changes has it, if any."""
        if self.changes.display:
            self.changes.focus()

    def show(self, situation: Situation) -> None:
        """Compute the chart and the list of this situation in a thread, then draw them."""
        self._situation = situation
        if not self._ready:
            return
        self._generation += 1
        generation = self._generation

        def compute() -> None:
            data = timeline_data(situation)
            self.app.call_from_thread(self._draw, data, generation)

        self.run_worker(compute, thread=True, exclusive=True, group="timeline", name="timeline")

    def _draw(self, data: TimelineData, generation: int) -> None:
        if generation != self._generation:
            return  # a later situation is being computed
        self.data = data
        chart = self.query_one(ChartView)
        chart.data = data
        chart.display = bool(data.days) or not data.changes
        chart.refresh()
        count = len(data.changes)
        title = f"Changes of control, newest first ({count})" if count else ""
        self.query_one("#timeline-title", Static).update(Content(title))
        self.query_one("#timeline-title").display = bool(count)
        self.changes.display = bool(count)
        self.changes.set_entries(list(data.changes))
        self.refresh_bindings()
        if self.has_focus and data.changes:
            self.changes.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter works (and the footer shows it) only when there are changes to go to."""
        if action == "show_place":
            return self.data is not None and bool(self.data.changes)
        return True

    def action_show_place(self) -> None:
        """Enter on a change: go to its place."""
        self._post_place(self.changes.cursor_index)

    @on(EntryTable.RowSelected)
    def _row_selected(self, event: EntryTable.RowSelected) -> None:
        event.stop()  # not the screen's edit
        self._post_place(event.index)

    def _post_place(self, index: int | None) -> None:
        if self.data is not None and index is not None and index < len(self.data.changes):
            self.post_message(self.ShowPlace(self.data.changes[index].place_id))
