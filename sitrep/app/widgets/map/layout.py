"""Where everything goes on a terminal canvas of a given size. Plain Python, no widgets.

The outline is rasterised to braille (2x4 dots per cell, about square dots);
each place takes the cell its coordinates fall in; labels are placed greedily
on a grid of taken cells. Computed once per canvas size and data, never for a
selection move.

A label goes only where it reads as its own mark's: no other mark is as near
to it ('Kabul ●' must not be a label two cells from another place's dot, nor a
label centred over a row of dots). A label with no such spot is left out (the
selected place always shows its own, highlighted with its mark).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len

from sitrep.app.safe import clean
from sitrep.geo.marks import MapData
from sitrep.geo.projection import Projection, fit_projection
from sitrep.geo.raster import braille_rows, project_rings

DOTS_X, DOTS_Y = 2, 4
"""Braille dots per cell; with cells twice as tall as wide, the dots are square."""
DOT_ASPECT = (2.0 / DOTS_Y) / (1.0 / DOTS_X)
"""Height of a dot over its width, for cells twice as tall as wide (= 1.0)."""
MAX_LABEL = 24
"""Longer labels are cut with an ellipsis."""


@dataclass(frozen=True)
class CellLabel:
    """A label's text at a row and column, belonging to one mark."""

    row: int
    col: int
    text: str
    mark: int


@dataclass
class TerminalLayout:
    """The canvas contents for one size: outline rows, mark cells, labels."""

    cols: int
    rows: int
    projection: Projection
    outline: list[str]
    positions: list[tuple[int, int]]
    """(col, row) of each mark, in MapData.marks order."""
    glyph_rows: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    """Row to (col, mark) of the glyphs shown there (one mark per cell)."""
    label_rows: dict[int, list[CellLabel]] = field(default_factory=dict)
    label_of: dict[int, CellLabel] = field(default_factory=dict)
    taken: bytearray = field(default_factory=bytearray)

    @property
    def km_per_cell(self) -> float:
        """Kilometres per cell width."""
        return self.projection.km_per_pixel * DOTS_X

    def spare_label(self, mark: int, text: str) -> CellLabel:
        """A label for a mark that got none (shown for the selection): right, else left."""
        col, row = self.positions[mark]
        text = fit_label(text)
        width = cell_len(text)
        start = col + 2 if col + 2 + width <= self.cols else max(0, col - 1 - width)
        return CellLabel(row, start, text, mark)


def fit_label(text: str) -> str:
    """One line, no control characters, at most MAX_LABEL cells."""
    text = clean(text, one_line=True)
    if cell_len(text) <= MAX_LABEL:
        return text
    while cell_len(text) > MAX_LABEL - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def fit_canvas(data: MapData, cols: int, rows: int) -> Projection | None:
    """The projection of the data's bounds into the canvas, one cell of margin around."""
    if data.bounds is None or cols < 3 or rows < 3:
        return None
    projection = fit_projection(
        data.bounds, (cols - 2) * DOTS_X, (rows - 2) * DOTS_Y, pixel_aspect=DOT_ASPECT
    )
    return Projection(
        projection.plane,
        projection.scale,
        projection.pixel_aspect,
        projection.left,
        projection.top,
        projection.offset_x + DOTS_X,
        projection.offset_y + DOTS_Y,
    )


def outline_rows(data: MapData, projection: Projection, cols: int, rows: int) -> list[str]:
    """The outline in braille, one string per row (blank rows without an outline)."""
    if data.outline is None:
        return [" " * cols] * rows
    return braille_rows(project_rings(data.outline.rings, projection), cols, rows)


def terminal_layout(
    data: MapData, cols: int, rows: int, outline: list[str] | None = None
) -> TerminalLayout | None:
    """Lay the map out on cols x rows cells; None when there is nothing to draw or no room.

    Pass outline (from outline_rows) to reuse a cached rasterisation.
    """
    projection = fit_canvas(data, cols, rows)
    if projection is None:
        return None
    layout = TerminalLayout(
        cols,
        rows,
        projection,
        outline if outline is not None else outline_rows(data, projection, cols, rows),
        [],
        taken=bytearray(cols * rows),
    )
    shown: dict[tuple[int, int], int] = {}
    for i, mark in enumerate(data.marks):
        x, y = projection.from_plane(mark.x, mark.y)
        cell = (min(max(int(x // DOTS_X), 0), cols - 1), min(max(int(y // DOTS_Y), 0), rows - 1))
        layout.positions.append(cell)
        # One glyph per cell: the seat of government wins, else the first in the file.
        if cell not in shown or mark.kind == "seat":
            shown[cell] = i
    for (col, row), i in sorted(shown.items(), key=lambda item: (item[0][1], item[0][0])):
        layout.glyph_rows.setdefault(row, []).append((col, i))
        layout.taken[row * cols + col] = 1
    order = sorted(shown.values(), key=lambda i: (data.marks[i].kind != "seat", i))
    for i in order:
        _place_label(layout, i, fit_label(data.marks[i].label), force=data.marks[i].kind == "seat")
    return layout


def _place_label(layout: TerminalLayout, mark: int, text: str, *, force: bool) -> None:
    col, row = layout.positions[mark]
    w = cell_len(text)
    if w == 0:
        return
    candidates = [
        (col + 2, row),
        (col - 1 - w, row),
        (col - w // 2, row - 1),
        (col - w // 2, row + 1),
        (col + 1, row - 1),
        (col + 1, row + 1),
        (col - w, row - 1),
        (col - w, row + 1),
    ]
    if force:  # the seat of government's label must show: try farther before overlapping
        candidates += [(col + 3, row), (col - 2 - w, row), (col - w // 2, row - 2)]
        candidates += [(col - w // 2, row + 2)]

    def on_canvas(spot: tuple[int, int]) -> bool:
        return spot[0] >= 0 and spot[0] + w <= layout.cols and 0 <= spot[1] < layout.rows

    spots = [spot for spot in candidates if on_canvas(spot)]
    free = [
        spot
        for spot in spots
        if _free(layout, spot[0], spot[1], w)
        and _apart(layout, spot[0], spot[1], w)
        and not _ambiguous(layout, mark, spot[0], spot[1], w)
    ]
    # Beside the mark and leaving the border whole if it can; else the first free spot.
    beside = [c for c in free[:2] if c[1] == row]
    chosen = next((c for c in beside if not layout.outline[row][c[0] : c[0] + w].strip()), None)
    chosen = chosen or (free[0] if free else None)
    if chosen is None and force and spots:
        touching = [c for c in ((col + 1, row), (col - w, row)) if on_canvas(c)]
        chosen = _forced(layout, mark, spots, touching, w)
    if chosen is None:
        return
    x, y = chosen
    start = y * layout.cols
    layout.taken[start + x : start + x + w] = b"\x01" * w
    label = CellLabel(y, x, text, mark)
    layout.label_rows.setdefault(y, []).append(label)
    layout.label_of[mark] = label


def _forced(
    layout: TerminalLayout,
    mark: int,
    spots: list[tuple[int, int]],
    beside: list[tuple[int, int]],
    w: int,
) -> tuple[int, int]:
    """Where a label that must show goes when no spot is free: a spot where it reads as
    its mark's (on the mark's row first), over other labels if need be; else touching
    the mark ('★Kabul'), over whatever is there."""
    row = layout.positions[mark][1]
    clear = [c for c in spots if not _ambiguous(layout, mark, c[0], c[1], w)]
    return min(
        clear or beside or spots,
        key=lambda c: (c[1] != row, _taken_count(layout, c[0], c[1], w)),
    )


def _distance(col: int, row: int, x: int, y: int, w: int) -> int:
    """How far a cell is from a label at (x, y), w cells wide; a row counts as two columns
    (cells are twice as tall as wide)."""
    dx = x - col if col < x else max(0, col - (x + w - 1))
    return dx + 2 * abs(row - y)


def _ambiguous(layout: TerminalLayout, mark: int, x: int, y: int, w: int) -> bool:
    """True when a label at (x, y) could be read as another mark's: another mark is
    nearer to it than its own, or as near and on the label's row (or the label is
    not on its mark's row, where a tie is enough, and a mark on the label's row
    must be farther still)."""
    col, row = layout.positions[mark]
    own = _distance(col, row, x, y, w)
    for r in range(y - own // 2, y + own // 2 + 1):
        for c, other in layout.glyph_rows.get(r, ()):
            if (c, r) == (col, row) or other == mark:
                continue
            d = _distance(c, r, x, y, w)
            if d < own or (d == own and (row != y or r == y)):
                return True
            if row != y and r == y and d <= own + 1:  # off its row: keep clear of others'
                return True
    return False


def _apart(layout: TerminalLayout, x: int, y: int, w: int) -> bool:
    """Two blank cells at least between this label and any other on its row ('Herat
    Maidan Shar' would read as one name)."""
    return all(
        x >= label.col + cell_len(label.text) + 2 or label.col >= x + w + 2
        for label in layout.label_rows.get(y, ())
    )


def _free(layout: TerminalLayout, x: int, y: int, w: int) -> bool:
    """The cells and one cell of margin either side (where on the canvas) are free."""
    start = y * layout.cols
    lo, hi = max(0, x - 1), min(layout.cols, x + w + 1)
    return not any(layout.taken[start + lo : start + hi])


def _taken_count(layout: TerminalLayout, x: int, y: int, w: int) -> int:
    start = y * layout.cols
    return sum(layout.taken[start + x : start + x + w])
