"""The Map pane: who holds what, drawn at each place's position, with a legend.

A self-contained widget: give it a situation (and the folder of its file, for
the outline), call refresh_places() when an entry changes, select() when a
table row is selected; it posts PlaceSelected when the user moves the
selection and EditPlace when they press enter.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from sitrep.app.widgets.map.canvas import MapCanvas
from sitrep.app.widgets.map.legend import LEGEND_WIDTH, detail_content, legend_content
from sitrep.app.widgets.marks import headline_seat
from sitrep.errors import SitrepError
from sitrep.geo.index import Direction, PointIndex
from sitrep.geo.marks import MapData, map_data
from sitrep.geo.outline import Outline, situation_outline
from sitrep.model.entries import Place
from sitrep.model.situation import Header, Situation

NARROW = 60
"""Below this many columns the legend is hidden, so the map keeps some room."""
_MOVE = Binding.Group("Nearest place", compact=True)


class _PlaceMessage(Message):
    """A message from the map pane about one place."""

    def __init__(self, pane: MapPane, place_id: str) -> None:
        self.pane = pane
        self.place_id = place_id
        super().__init__()

    @property
    def control(self) -> MapPane:
        """The map pane that sent it."""
        return self.pane


class MapPane(Widget, can_focus=True):
    """Every place with coordinates on the outline, marked by its state of control."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move('left')", "West", id="map_west", key_display="←", group=_MOVE),
        Binding("right", "move('right')", "East", id="map_east", key_display="→", group=_MOVE),
        Binding("up", "move('up')", "North", id="map_north", key_display="↑", group=_MOVE),
        Binding("down", "move('down')", "South", id="map_south", key_display="↓", group=_MOVE),
        Binding("enter,e", "edit", "Edit place", id="map_edit", key_display="⏎"),
    ]
    DEFAULT_CSS = f"""
    MapPane {{ height: 1fr; width: 1fr; }}
    MapPane #map-main {{ width: 1fr; height: 1fr; }}
    MapPane #map-detail {{ width: 1fr; }}
    MapPane #map-detail {{ height: 1; padding: 0 1; background: $boost; }}
    MapPane:focus #map-detail {{ background: $primary 25%; }}
    MapPane #map-legend {{
        width: {LEGEND_WIDTH}; height: 1fr; padding: 0 1;
        border-left: vkey $foreground 20%; overflow-y: auto;
    }}
    """

    class PlaceSelected(_PlaceMessage):
        """The user moved the map's selection to a place (arrow key or click)."""

    class EditPlace(_PlaceMessage):
        """The user pressed enter on a place: open its edit form."""

    def __init__(
        self,
        situation: Situation,
        *,
        base: Path | None = None,
        source: Path | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.situation = situation
        self.base = base
        self.source = source
        """The situation's file: an outline that cannot be read is reported at its line."""
        self.outline: Outline | None = None
        self.outline_error: str | None = None
        self._outline_key: tuple[str | None, Path | None] | None = None
        self.data: MapData = map_data(situation, None)
        self._index = PointIndex([])
        self._mark_of: dict[str, int] = {}
        self._place_at: dict[str, int] = {}
        self._changed: set[str] = set()
        self._selected_id: str | None = None
        self._km_per_cell: float | None = None
        self._ready = False  # children exist (is_mounted is still False during on_mount)
        self._load_outline()
        self._rebuild()
        seat = headline_seat(situation)
        if seat is not None and seat in self._mark_of:
            self._selected_id = seat

    def compose(self) -> ComposeResult:
        """Map with the legend on its right, the detail line under both."""
        with Vertical():
            with Horizontal(id="map-main"):
                yield MapCanvas(id="map-canvas")
                yield Static(id="map-legend", markup=False)
            yield Static(id="map-detail", markup=False)

    def on_mount(self) -> None:
        """Draw, and report an outline that could not be read."""
        self._ready = True
        self._show()
        self._report_outline_error()

    # -- public API ---------------------------------------------------------------------
    @property
    def selected_place_id(self) -> str | None:
        """Id of the selected place, if any."""
        return self._selected_id

    def update_situation(self, situation: Situation, *, base: Path | None = None) -> None:
        """Show another situation (a file was opened or reloaded)."""
        self.situation = situation
        if base is not None:
            self.base = base
        if self._load_outline():
            self._report_outline_error()
        self.refresh_places()

    def refresh_places(self) -> None:
        """Redraw after entries changed (holder, coordinates, places added or deleted).

        The header may have changed too (a new outline file is read then).
        """
        if self._load_outline():
            self._report_outline_error()
        self._rebuild()
        if self._find(self._selected_id) is None:
            self._selected_id = None
        self._show()

    def select(self, place_id: str | None) -> bool:
        """Select a place (from a table row); posts nothing. False if it is not on the map."""
        known = place_id is not None and self._find(place_id) is not None
        self._selected_id = place_id if known else None
        if self._ready:
            self._show_selection()
        return place_id is not None and place_id in self._mark_of

    # -- actions ------------------------------------------------------------------------
    def action_move(self, direction: Direction) -> None:
        """Select the nearest place in that direction (within ±60°)."""
        if not self.data.marks:
            return
        current = self._mark_of.get(self._selected_id or "")
        if current is None:
            target: int | None = self._mark_of.get(headline_seat(self.situation) or "", 0)
        else:
            target = self._index.nearest_in_direction(current, direction)
        if target is None:
            return
        self._choose(target)

    def action_edit(self) -> None:
        """Ask the shell to open the selected place's edit form."""
        if self._selected_id is not None:
            self.post_message(self.EditPlace(self, self._selected_id))

    def on_resize(self) -> None:
        """Give the map the whole width when the legend would leave it too little."""
        self.query_one("#map-legend", Static).display = self.size.width >= NARROW

    def on_map_canvas_clicked(self, event: MapCanvas.Clicked) -> None:
        """Select the clicked place."""
        event.stop()
        self.focus()
        self._choose(event.mark)

    def on_map_canvas_rescaled(self, event: MapCanvas.Rescaled) -> None:
        """Redraw the legend's scale bar."""
        event.stop()
        self._km_per_cell = event.km_per_cell
        self.query_one("#map-legend", Static).update(legend_content(self.data, event.km_per_cell))

    # -- internals ----------------------------------------------------------------------
    def _choose(self, mark: int) -> None:
        place_id = self.data.marks[mark].place_id
        if place_id == self._selected_id:
            return
        self._selected_id = place_id
        self._show_selection()
        self.post_message(self.PlaceSelected(self, place_id))

    def _load_outline(self) -> bool:
        """Read the outline if its name or folder changed; True when it was read again."""
        header: Header = self.situation.header
        key = (header.outline, self.base)
        if key == self._outline_key:
            return False
        self._outline_key = key
        self.outline, self.outline_error = None, None
        try:
            self.outline = situation_outline(self.situation, self.base, source=self.source)
        except SitrepError as exc:
            self.outline_error = "; ".join(exc.lines())
        return True

    def _report_outline_error(self) -> None:
        if self.outline_error and self._ready:
            self.notify(
                f"Map drawn without its outline: {self.outline_error}",
                title="Map outline",
                severity="error",
                markup=False,
            )

    def _rebuild(self) -> None:
        self.data = map_data(self.situation, self.outline)
        self._index = PointIndex([(m.x, m.y) for m in self.data.marks])
        self._mark_of = {m.place_id: i for i, m in enumerate(self.data.marks)}
        self._place_at = {p.id: i for i, p in enumerate(self.situation.places)}
        self._changed = {m.place_id for m in self.data.marks if m.changed}

    def _find(self, place_id: str | None) -> Place | None:
        """The place with this id, in O(1) unless the list changed since the last rebuild."""
        if place_id is None:
            return None
        places = self.situation.places
        i = self._place_at.get(place_id)
        if i is not None and i < len(places) and places[i].id == place_id:
            return places[i]
        return next((p for p in places if p.id == place_id), None)

    def _show(self) -> None:
        if not self._ready:
            return
        canvas = self.query_one(MapCanvas)
        canvas.set_data(self.data, self._mark_of.get(self._selected_id or ""))
        self.query_one("#map-legend", Static).update(legend_content(self.data, self._km_per_cell))
        self._show_detail()

    def _show_selection(self) -> None:
        self.query_one(MapCanvas).set_selected(self._mark_of.get(self._selected_id or ""))
        self._show_detail()

    def _show_detail(self) -> None:
        place = self._find(self._selected_id)
        changed = place is not None and place.id in self._changed
        self.query_one("#map-detail", Static).update(detail_content(self.situation, place, changed))
