"""The drawing surface of the map pane, with the Line API.

Each row is composed from the cached layout (braille outline, glyphs, labels)
and kept as a Strip; moving the selection only re-renders the rows it touches.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rich.color import Color, blend_rgb
from rich.color_triplet import ColorTriplet
from rich.segment import Segment
from rich.style import Style
from textual.events import Click, Resize
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from sitrep.app.widgets.map.layout import (
    DOTS_X,
    DOTS_Y,
    CellLabel,
    TerminalLayout,
    fit_canvas,
    outline_rows,
    terminal_layout,
)
from sitrep.geo.marks import MapData, PlaceMark
from sitrep.geo.outline import Outline

_OUTLINE_CACHE_SIZE = 4
BEHIND = 0.55
"""How strongly the other side's colour shows behind a mark (0: not at all)."""


class MapCanvas(Widget):
    """Draws a MapData: outline, one glyph per place coloured by holder, labels."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "map-canvas--outline",
        "map-canvas--label",
        "map-canvas--seat-label",
        "map-canvas--selected",
    }
    DEFAULT_CSS = """
    MapCanvas { width: 1fr; height: 1fr; }
    MapCanvas > .map-canvas--outline { color: $foreground 35%; }
    MapCanvas > .map-canvas--label { color: $foreground 80%; }
    MapCanvas > .map-canvas--seat-label { color: $foreground; text-style: bold; }
    MapCanvas > .map-canvas--selected { color: $background; background: $foreground;
        text-style: bold; }
    """

    class Rescaled(Message):
        """The layout changed (size or data): the legend's scale bar needs redrawing."""

        def __init__(self, km_per_cell: float | None) -> None:
            self.km_per_cell = km_per_cell
            super().__init__()

    class Clicked(Message):
        """The user clicked near a mark (index into MapData.marks)."""

        def __init__(self, mark: int) -> None:
            self.mark = mark
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: MapData | None = None
        self.selected: int | None = None
        self._layout: TerminalLayout | None = None
        self._layout_key: tuple[object, ...] | None = None
        self._outlines: dict[tuple[object, ...], tuple[Outline | None, list[str]]] = {}
        self._strips: dict[int, Strip] = {}
        self._spare: CellLabel | None = None

    @property
    def mark_layout(self) -> TerminalLayout | None:
        """Where the marks and labels are drawn at the current size (None: nothing drawn)."""
        return self._layout

    # -- data and selection -------------------------------------------------------------
    def set_data(self, data: MapData, selected: int | None) -> None:
        """New marks (an entry changed): lay out again, reusing the rasterised outline."""
        self.data = data
        self.selected = selected
        self._layout_key = None
        self._ensure_layout()
        self.refresh()

    def set_selected(self, selected: int | None) -> None:
        """Move the highlight, repainting only the rows of the old and new selection."""
        if selected == self.selected:
            return
        dirty = self._selection_rows()
        self.selected = selected
        self._ensure_layout()
        self._update_spare()
        dirty |= self._selection_rows()
        for row in dirty:
            self._strips.pop(row, None)
            self.refresh(Region(0, row, self.size.width, 1))

    def _update_spare(self) -> None:
        """The selected mark's label when the layout left it out (it must show)."""
        layout, data, selected = self._layout, self.data, self.selected
        self._spare = None
        if layout is None or data is None or selected is None or selected >= len(data.marks):
            return
        if selected not in layout.label_of:
            self._spare = layout.spare_label(selected, data.marks[selected].label)

    def _selection_rows(self) -> set[int]:
        layout = self._layout
        if layout is None or self.selected is None or self.selected >= len(layout.positions):
            return set()
        rows = {layout.positions[self.selected][1]}
        if self.selected in layout.label_of:
            rows.add(layout.label_of[self.selected].row)
        if self._spare is not None:
            rows.add(self._spare.row)
        return rows

    # -- layout -------------------------------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        """Lay out for the new size."""
        self._ensure_layout()

    def _ensure_layout(self) -> TerminalLayout | None:
        cols, rows = self.size.width, self.size.height
        data = self.data
        key = (cols, rows, id(data))
        if key == self._layout_key:
            return self._layout
        self._layout_key = key
        self._strips.clear()
        self._layout = None
        if data is not None:
            projection = fit_canvas(data, cols, rows)
            if projection is not None:
                # Keyed by the outline object itself (kept alive here, so never confused
                # with a later one), the size and the bounds: all the projection uses.
                outline_key = (cols, rows, data.bounds)
                cached = self._outlines.get(outline_key)
                if cached is not None and cached[0] is data.outline:
                    outline = cached[1]
                else:
                    outline = outline_rows(data, projection, cols, rows)
                    if len(self._outlines) >= _OUTLINE_CACHE_SIZE:
                        self._outlines.pop(next(iter(self._outlines)))
                    self._outlines[outline_key] = (data.outline, outline)
                self._layout = terminal_layout(data, cols, rows, outline)
        self._update_spare()
        self.post_message(self.Rescaled(self._layout.km_per_cell if self._layout else None))
        return self._layout

    # -- rendering ----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """One row of the map."""
        layout = self._ensure_layout()
        base = self.rich_style
        width = self.size.width
        if layout is None or y >= layout.rows:
            if y == self.size.height // 2 and self.data is not None and layout is None:
                message = "No places with coordinates" if self.data.bounds is None else ""
                return Strip([Segment(message.center(width), base)]).crop(0, width)
            return Strip.blank(width, base)
        if y not in self._strips or y in self._selection_rows():
            strip = self._compose_row(layout, y, base)
            if y in self._selection_rows():
                return strip
            self._strips[y] = strip
        return self._strips[y]

    def _compose_row(self, layout: TerminalLayout, y: int, base: Style) -> Strip:
        assert self.data is not None
        marks = self.data.marks
        outline_style = base + self.get_component_rich_style("map-canvas--outline")
        chars: list[str] = list(layout.outline[y])
        styles: list[Style] = [outline_style] * layout.cols
        for col, i in layout.glyph_rows.get(y, ()):
            chars[col] = marks[i].glyph
            styles[col] = base + mark_style(marks[i], base)
        selected = self.selected
        labels = list(layout.label_rows.get(y, ()))
        if self._spare is not None and self._spare.row == y:
            labels.append(self._spare)
        for label in labels:
            if label.mark == selected:
                style = self.get_component_rich_style("map-canvas--selected")
            elif marks[label.mark].kind == "seat":
                style = self.get_component_rich_style("map-canvas--seat-label")
            else:
                style = self.get_component_rich_style("map-canvas--label")
            _write(chars, styles, label.col, label.text, base + style)
        if selected is not None and selected < len(layout.positions):
            col, row = layout.positions[selected]
            if row == y:
                chars[col] = marks[selected].glyph
                styles[col] = base + Style(
                    color="#000000", bgcolor=marks[selected].color, bold=True
                )
        return Strip(_segments(chars, styles), layout.cols).extend_cell_length(
            self.size.width, base
        )

    def on_click(self, event: Click) -> None:
        """Select the mark nearest the click."""
        layout, data = self._layout, self.data
        if layout is None or data is None or not data.marks:
            return
        x, y = event.x * DOTS_X + 1, event.y * DOTS_Y + 2
        best = min(
            range(len(layout.positions)),
            key=lambda i: (
                (layout.positions[i][0] * DOTS_X + 1 - x) ** 2
                + (layout.positions[i][1] * DOTS_Y + 2 - y) ** 2
            ),
        )
        self.post_message(self.Clicked(best))


@lru_cache(maxsize=512)
def mark_style(mark: PlaceMark, base: Style) -> Style:
    """The holder's colour; the other side's (a contested place's second party, the
    besiegers) behind it; underlined when the place changed hands in the period."""
    behind = None
    if mark.others:
        back = base.bgcolor.get_truecolor() if base.bgcolor is not None else ColorTriplet(0, 0, 0)
        other = Color.parse(mark.others[0]).get_truecolor()
        behind = Color.from_triplet(blend_rgb(back, other, BEHIND))
    return Style(color=mark.color, bgcolor=behind, bold=True, underline=mark.changed)


def _write(chars: list[str], styles: list[Style], col: int, text: str, style: Style) -> None:
    """Write text into the row's cells; a wide character leaves an empty cell after it."""
    from rich.cells import get_character_cell_size

    for char in text:
        size = get_character_cell_size(char)
        if size == 0 or col + size > len(chars):
            continue
        chars[col] = char
        styles[col] = style
        if size == 2:
            chars[col + 1] = ""
            styles[col + 1] = style
        col += size


def _segments(chars: list[str], styles: list[Style]) -> list[Segment]:
    """Runs of equally styled cells as segments."""
    segments: list[Segment] = []
    run: list[str] = []
    current: Style | None = None
    for char, style in zip(chars, styles, strict=True):
        if style is not current and run:
            segments.append(Segment("".join(run), current))
            run = []
        current = style
        run.append(char)
    if run:
        segments.append(Segment("".join(run), current))
    return segments
