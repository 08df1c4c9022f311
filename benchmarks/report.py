"""Figures against their floors: the rows of the results table, goals, and the printed table."""

from __future__ import annotations

import math
import statistics
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Row:
    """One figure at one size: value, floor (same run), and the goal it is held to."""

    figure: str
    value: float
    floor: float | None
    unit: str  # "s", "ms" or "MiB"
    floor_name: str = ""
    goal: str = ""
    ok: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """value / floor, when there is a floor."""
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    def as_json(self) -> dict[str, Any]:
        """The row with its ratio, for results/latest.json."""
        return {**asdict(self), "ratio": self.ratio}


def median(values: list[float]) -> float:
    """The median (0 for no values)."""
    return statistics.median(values) if values else 0.0


def p95(values: list[float]) -> float:
    """The 95th percentile by the nearest-rank method (the max for fewer than 20 values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def check_ratio(row: Row, limit: float, goal: str) -> Row:
    """Hold a row to value <= limit x floor."""
    row.goal = goal
    row.ok = row.ratio is not None and row.ratio <= limit
    return row


def check_max(row: Row, limit: float, goal: str) -> Row:
    """Hold a row to value <= limit (in the row's unit)."""
    row.goal = goal
    row.ok = row.value <= limit
    return row


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.0f} MiB"


def table(label: str, rows: list[Row]) -> str:
    """An aligned text table of one size's rows."""
    header = ("figure", "value", "floor", "ratio", "goal", "")
    lines = [header]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        verdict = {True: "ok", False: "MISSED", None: ""}[row.ok]
        floor = _fmt(row.floor, row.unit)
        if row.floor_name:
            floor += f" ({row.floor_name})"
        lines.append((row.figure, _fmt(row.value, row.unit), floor, ratio, row.goal, verdict))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [label]
    for n, line in enumerate(lines):
        cells = [
            cell.rjust(widths[i]) if i in (1, 3) else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown(label: str, rows: list[Row]) -> str:
    """The same table in Markdown, for docs/performance.md."""
    out = [
        f"**{label}**",
        "",
        "| figure | value | floor | ratio | goal | |",
        "| --- | ---: | --- | ---: | --- | --- |",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        verdict = {True: "ok", False: "**missed**", None: ""}[row.ok]
        floor = _fmt(row.floor, row.unit) + (f" ({row.floor_name})" if row.floor_name else "")
        out.append(
            f"| {row.figure} | {_fmt(row.value, row.unit)} | {floor} | {ratio} | "
            f"{row.goal} | {verdict} |"
        )
    return "\n".join(out)
