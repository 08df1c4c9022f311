"""Pieces of the SVG map: escaping, marker shapes, the legend and the scale bar. No Textual."""

from __future__ import annotations

import datetime as dt
import math

from sitrep.brief.escape import clean
from sitrep.geo.marks import KIND_NAMES, MapData, MarkKind, PlaceMark, legend_kinds

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2328"
MUTED = "#57606a"
STROKE = "#1f2328"
"""Dark edge around filled marks, so light colours stand out on the pale land."""
NEUTRAL = "#6e7781"
"""Colour of the shapes in the legend's key to mark kinds."""

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def text(value: str) -> str:
    """User text as XML character data: controls dropped, markup characters escaped."""
    return "".join(_ESCAPES.get(c, c) for c in clean(value))


def attr(value: str) -> str:
    """User text as a quoted XML attribute value."""
    return f'"{text(value)}"'


def num(value: float) -> str:
    """A coordinate with one decimal, without '-0.0', so output is stable."""
    rounded = round(value, 1)
    if rounded == 0:
        rounded = 0.0
    return f"{rounded:.1f}".removesuffix(".0")


def date_text(day: dt.date) -> str:
    """13 August 2021 (English month names, whatever the locale)."""
    months = (
        *("January", "February", "March", "April", "May", "June", "July"),
        *("August", "September", "October", "November", "December"),
    )
    return f"{day.day} {months[day.month - 1]} {day.year}"


def shape(kind: MarkKind, x: float, y: float, r: float, color: str) -> str:
    """The SVG shape of one kind of mark, centred at (x, y)."""
    if kind == "seat":
        points = []
        for k in range(10):
            radius = r if k % 2 == 0 else r * 0.45
            angle = -math.pi / 2 + k * math.pi / 5
            points.append(
                f"{num(x + radius * math.cos(angle))},{num(y + radius * math.sin(angle))}"
            )
        return (
            f'<polygon points="{" ".join(points)}" fill="{color}" stroke="{STROKE}" '
            'stroke-width="1" stroke-linejoin="round"/>'
        )
    if kind == "reported":
        d = r * 1.2
        return (
            f'<polygon points="{num(x)},{num(y - d)} {num(x + d)},{num(y)} {num(x)},{num(y + d)} '
            f'{num(x - d)},{num(y)}" fill="{color}" stroke="{STROKE}" stroke-width="1"/>'
        )
    if kind == "claimed":
        return (
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r - 0.5)}" fill="#ffffff" '
            f'stroke="{color}" stroke-width="2.5"/>'
        )
    if kind == "contested":
        return (
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="#ffffff" '
            f'stroke="{STROKE}" stroke-width="1"/>'
            f'<path d="M{num(x)},{num(y - r)}A{num(r)},{num(r)} 0 0 0 {num(x)},{num(y + r)}Z" '
            f'fill="{color}" stroke="{STROKE}" stroke-width="1"/>'
        )
    return (
        f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{color}" '
        f'stroke="{STROKE}" stroke-width="1"/>'
    )


def marker(mark: PlaceMark, x: float, y: float, r: float) -> str:
    """One place on the map, with a tooltip naming it."""
    return (
        f'<g class="place" data-place={attr(mark.place_id)} data-kind="{mark.kind}">'
        f"<title>{text(mark.label)}</title>{shape(mark.kind, x, y, r, mark.color)}</g>"
    )


def legend(data: MapData, parts: list[str], *, x: float, y: float) -> float:
    """Append the legend (parties with counts, mark kinds); returns its bottom edge."""
    parts.append(
        f'<text x="{num(x)}" y="{num(y + 14)}" font-size="15" font-weight="bold" '
        f'fill="{INK}">Control of {data.total} places</text>'
    )
    y += 40
    for row in data.legend:
        parts.append(
            f'<g class="legend-party" data-party={attr(row.party_id)} data-held="{row.held}">'
            f'<circle cx="{num(x + 8)}" cy="{num(y - 5)}" r="7" fill="{row.color}" '
            f'stroke="{STROKE}" stroke-width="1"/>'
            f'<text x="{num(x + 24)}" y="{num(y)}" font-size="14" fill="{INK}">'
            f"{text(_shorten(row.name, 26))}</text>"
            f'<text class="count" x="{num(x + 256)}" y="{num(y)}" font-size="14" '
            f'font-weight="bold" text-anchor="end" fill="{INK}">{row.held}</text></g>'
        )
        y += 26
    if data.unplaced:
        parts.append(
            f'<text x="{num(x)}" y="{num(y)}" font-size="12" fill="{MUTED}">'
            f"{data.unplaced} without coordinates, not on the map</text>"
        )
        y += 22
    y += 14
    for kind in legend_kinds(data):
        parts.append(
            f'<g class="legend-kind" data-kind="{kind}">'
            f"{shape(kind, x + 8, y - 5, 8 if kind == 'seat' else 6, NEUTRAL)}"
            f'<text x="{num(x + 24)}" y="{num(y)}" font-size="13" fill="{INK}">'
            f"{KIND_NAMES[kind]}</text>"
            f'<text x="{num(x + 256)}" y="{num(y)}" font-size="13" text-anchor="end" '
            f'fill="{MUTED}">{data.kind_counts[kind]}</text></g>'
        )
        y += 22
    return y


def scale_bar_svg(x: float, y: float, km: int, length: float) -> str:
    """A bar with end ticks and its distance in km."""
    end = x + length
    return (
        f'<g class="scale-bar" stroke="{INK}" stroke-width="1.5">'
        f'<path d="M{num(x)},{num(y - 4)}V{num(y + 4)}M{num(x)},{num(y)}H{num(end)}'
        f'M{num(end)},{num(y - 4)}V{num(y + 4)}" fill="none"/>'
        f'<text x="{num(end + 8)}" y="{num(y + 4)}" font-size="12" stroke="none" '
        f'fill="{INK}">{km:,} km</text></g>'
    )


def _shorten(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
