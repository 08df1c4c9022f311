"""Rasterising outlines into braille characters (2x4 dots per terminal cell). No Textual.

Kept apart from any widget so it can be tested and cached per canvas size: a
redraw for a selection move never rasterises again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from sitrep.geo.projection import Projection

BRAILLE_BASE = 0x2800
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""Bit of the dot at [row][column] inside one braille cell."""


def braille_rows(lines: Iterable[Sequence[tuple[float, float]]], cols: int, rows: int) -> list[str]:
    """Draw polylines given in dot coordinates; one string of `cols` characters per row.

    Cells with no dot are spaces, so other layers can tell them apart.
    """
    width, height = cols * 2, rows * 4
    bits = bytearray(cols * rows)

    def plot(x: int, y: int) -> None:
        if 0 <= x < width and 0 <= y < height:
            bits[(y >> 2) * cols + (x >> 1)] |= _DOT_BITS[y & 3][x & 1]

    for line in lines:
        for (x0, y0), (x1, y1) in pairwise(line):
            steps = max(abs(x1 - x0), abs(y1 - y0))
            n = max(1, int(steps + 0.999))
            for s in range(n + 1):
                t = s / n
                plot(int(x0 + (x1 - x0) * t), int(y0 + (y1 - y0) * t))
        if len(line) == 1:
            plot(int(line[0][0]), int(line[0][1]))
    return [
        "".join(chr(BRAILLE_BASE + b) if b else " " for b in bits[r * cols : (r + 1) * cols])
        for r in range(rows)
    ]


def project_rings(
    rings: Iterable[Sequence[tuple[float, float]]], projection: Projection
) -> list[list[tuple[float, float]]]:
    """(lon, lat) rings to canvas coordinates, dropping points that fall on the same pixel."""
    projected: list[list[tuple[float, float]]] = []
    for ring in rings:
        points: list[tuple[float, float]] = []
        last: tuple[int, int] | None = None
        for lon, lat in ring:
            x, y = projection.project(lon, lat)
            key = (int(x), int(y))
            if key != last:
                points.append((x, y))
                last = key
        projected.append(points)
    return projected
