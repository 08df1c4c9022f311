"""Greedy label placement: each label takes the first free spot around its mark. No Textual.

Used with terminal cells (integer boxes) and with SVG pixels alike. Boxes are
kept in a grid of buckets so that checking a spot costs the same with 34 labels
or 10,000.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Box) -> bool:
        """True when the two share any area (touching edges do not count)."""
        return (
            self.x < other.x + other.w
            and other.x < self.x + self.w
            and self.y < other.y + other.h
            and other.y < self.y + self.h
        )

    def inside(self, other: Box) -> bool:
        """True when this box lies wholly within other."""
        return (
            self.x >= other.x
            and self.y >= other.y
            and self.x + self.w <= other.x + other.w
            and self.y + self.h <= other.y + other.h
        )


class Occupancy:
    """The boxes taken so far on a canvas, for collision checks."""

    def __init__(self, canvas: Box, bucket: float) -> None:
        self.canvas = canvas
        self._bucket = max(bucket, 1e-9)
        self._boxes: dict[tuple[int, int], list[Box]] = {}

    def _cells(self, box: Box) -> Iterable[tuple[int, int]]:
        x0 = math.floor(box.x / self._bucket)
        x1 = math.floor((box.x + box.w) / self._bucket)
        y0 = math.floor(box.y / self._bucket)
        y1 = math.floor((box.y + box.h) / self._bucket)
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                yield i, j

    def is_free(self, box: Box) -> bool:
        """True when box is on the canvas and overlaps nothing taken."""
        if not box.inside(self.canvas):
            return False
        return not any(
            box.overlaps(other) for cell in self._cells(box) for other in self._boxes.get(cell, ())
        )

    def take(self, box: Box) -> None:
        """Mark box as taken."""
        for cell in self._cells(box):
            self._boxes.setdefault(cell, []).append(box)

    def place(
        self, candidates: Iterable[Box], *, margin: float = 0.0, force: bool = False
    ) -> Box | None:
        """Take the first candidate that is free (with margin left and right); None if none is.

        With force, a label that must show (the seat of government's) takes the
        candidate on the canvas that overlaps the least.
        """
        boxes = list(candidates)
        for box in boxes:
            padded = Box(box.x - margin, box.y, box.w + 2 * margin, box.h)
            if self.is_free(box) and (margin == 0 or self._free_ignoring_canvas(padded)):
                self.take(padded)
                return box
        on_canvas = [box for box in boxes if box.inside(self.canvas)]
        if force and on_canvas:
            best = min(on_canvas, key=self._overlap_area)
            self.take(best)
            return best
        return None

    def _overlap_area(self, box: Box) -> float:
        seen: set[int] = set()
        area = 0.0
        for cell in self._cells(box):
            for other in self._boxes.get(cell, ()):
                if id(other) in seen or not box.overlaps(other):
                    continue
                seen.add(id(other))
                w = min(box.x + box.w, other.x + other.w) - max(box.x, other.x)
                h = min(box.y + box.h, other.y + other.h) - max(box.y, other.y)
                area += w * h
        return area

    def _free_ignoring_canvas(self, box: Box) -> bool:
        return not any(
            box.overlaps(other) for cell in self._cells(box) for other in self._boxes.get(cell, ())
        )


def around(cx: float, cy: float, w: float, h: float, radius: float, gap: float) -> list[Box]:
    """Spots for a w x h label around a mark centred at (cx, cy), best first.

    Right, left, above, below, then the four diagonals (corner touching the mark).
    """
    near = radius * 0.7 + gap / 2
    return [
        Box(cx + radius + gap, cy - h / 2, w, h),
        Box(cx - radius - gap - w, cy - h / 2, w, h),
        Box(cx - w / 2, cy - radius - gap - h, w, h),
        Box(cx - w / 2, cy + radius + gap, w, h),
        Box(cx + near, cy - near - h, w, h),
        Box(cx + near, cy + near, w, h),
        Box(cx - near - w, cy - near - h, w, h),
        Box(cx - near - w, cy + near, w, h),
    ]
