"""Finding places by position: nearest in a direction (arrow keys), nearest to a point.

Points live in a uniform grid of buckets, so a search looks at the buckets
around the start, ring by ring, and stops as soon as no farther ring can hold a
closer point: fast with 10,000 places, and no numpy. No Textual.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

Direction = Literal["left", "right", "up", "down"]

DIRECTION_VECTORS: dict[Direction, tuple[int, int]] = {
    "right": (1, 0),
    "left": (-1, 0),
    "up": (0, -1),
    "down": (0, 1),
}
"""Unit vectors with y growing downwards, as on screen and in the plane."""

CONE_DEGREES = 60.0
"""A place counts as 'in that direction' when its bearing is within this of it."""


class PointIndex:
    """Points (x, y with y down) bucketed for nearest-neighbour searches."""

    def __init__(self, points: Sequence[tuple[float, float]]) -> None:
        self.points = list(points)
        n = len(self.points)
        xs = [p[0] for p in self.points] or [0.0]
        ys = [p[1] for p in self.points] or [0.0]
        self._left, self._top = min(xs), min(ys)
        span = max(max(xs) - self._left, max(ys) - self._top, 1e-9)
        # About two points per bucket on average.
        per_side = max(1, math.ceil(math.sqrt(n / 2)))
        self._cell = span / per_side * (1 + 1e-9)
        self._cols = max(1, math.ceil((max(xs) - self._left) / self._cell) + 1)
        self._rows = max(1, math.ceil((max(ys) - self._top) / self._cell) + 1)
        self._buckets: dict[tuple[int, int], list[int]] = {}
        for i, (x, y) in enumerate(self.points):
            self._buckets.setdefault(self._bucket(x, y), []).append(i)

    def __len__(self) -> int:
        return len(self.points)

    def _bucket(self, x: float, y: float) -> tuple[int, int]:
        return int((x - self._left) / self._cell), int((y - self._top) / self._cell)

    def _ring(self, ci: int, cj: int, r: int) -> list[tuple[int, int]]:
        """Buckets at Chebyshev distance r from (ci, cj), inside the grid."""
        if r == 0:
            return [(ci, cj)]
        cells = []
        for i in range(max(0, ci - r), min(self._cols - 1, ci + r) + 1):
            for j in (cj - r, cj + r):
                if 0 <= j < self._rows:
                    cells.append((i, j))
        for j in range(max(0, cj - r + 1), min(self._rows - 1, cj + r - 1) + 1):
            for i in (ci - r, ci + r):
                if 0 <= i < self._cols:
                    cells.append((i, j))
        return cells

    def nearest_in_direction(self, origin: int, direction: Direction) -> int | None:
        """The closest point whose bearing from origin is within CONE_DEGREES of direction.

        Points at exactly the origin's position come first, in index order (right
        and down step to the next index, left and up to the previous), so stacked
        places stay reachable. Ties are broken by the smaller angle, then the index.
        """
        ox, oy = self.points[origin]
        dx, dy = DIRECTION_VECTORS[direction]
        forward = direction in ("right", "down")
        min_cos = math.cos(math.radians(CONE_DEGREES)) - 1e-12
        ci, cj = self._bucket(ox, oy)
        best: tuple[float, float, int] | None = None
        for r in range(max(self._cols, self._rows) + 1):
            for i, j in self._ring(ci, cj, r):
                # Buckets wholly behind the origin cannot hold a point in the cone.
                if (dx > 0 and i < ci) or (dx < 0 and i > ci):
                    continue
                if (dy > 0 and j < cj) or (dy < 0 and j > cj):
                    continue
                for k in self._buckets.get((i, j), ()):
                    if k == origin:
                        continue
                    vx, vy = self.points[k][0] - ox, self.points[k][1] - oy
                    dist = math.hypot(vx, vy)
                    if dist == 0:
                        if (k > origin) != forward:
                            continue
                        key = (0.0, 0.0, k if forward else -k)
                    else:
                        cosine = (vx * dx + vy * dy) / dist
                        if cosine < min_cos:
                            continue
                        key = (dist, -cosine, k)
                    if best is None or key < best:
                        best = key
            # Every point in ring r+1 or beyond is at least r buckets away.
            if best is not None and best[0] <= r * self._cell:
                break
        if best is None:
            return None
        return abs(best[2]) if best[0] == 0 and best[1] == 0 else best[2]

    def nearest_to(self, x: float, y: float) -> int | None:
        """The point closest to (x, y), for a mouse click; None when there are none."""
        if not self.points:
            return None
        ci, cj = self._bucket(x, y)
        ci = min(max(ci, 0), self._cols - 1)
        cj = min(max(cj, 0), self._rows - 1)
        best: tuple[float, int] | None = None
        for r in range(max(self._cols, self._rows) + 1):
            for cell in self._ring(ci, cj, r):
                for k in self._buckets.get(cell, ()):
                    key = (math.hypot(self.points[k][0] - x, self.points[k][1] - y), k)
                    if best is None or key < best:
                        best = key
            if best is not None and best[0] <= r * self._cell:
                break
        return None if best is None else best[1]
