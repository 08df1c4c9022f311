"""Pieces of the SVG map: escaping, marker shapes, the legend and the scale bar. No Textual."""

from __future__ import annotations

import datetime as dt
import math

from sitrep.brief.escape import clean
from sitrep.geo.marks import KIND_NAMES, MapData, MarkKind, PlaceMark, legend_kinds
from sitrep.model.kinds.places import place_noun

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


def _circle(x: float, y: float, r: float, fill: str, extra: str = "") -> str:
    return (
        f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{fill}" '
        f'stroke="{STROKE}" stroke-width="1"{extra}/>'
    )


def _star(x: float, y: float, r: float, color: str) -> str:
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(f"{num(x + radius * math.cos(angle))},{num(y + radius * math.sin(angle))}")
    return (
        f'<polygon points="{" ".join(points)}" fill="{color}" stroke="{STROKE}" '
        'stroke-width="1" stroke-linejoin="round"/>'
    )


def shape(
    kind: MarkKind, x: float, y: float, r: float, color: str, others: tuple[str, ...] = ()
) -> str:
    """The SVG shape of one kind of mark, centred at (x, y); others colour the second side."""
    other = others[0] if others else "#ffffff"
    if kind == "seat":
        return _star(x, y, r, color)
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
    if kind == "contested":  # two halves: the first party left, the second right
        return _circle(x, y, r, other) + (
            f'<path d="M{num(x)},{num(y - r)}A{num(r)},{num(r)} 0 0 0 {num(x)},{num(y + r)}Z" '
            f'fill="{color}" stroke="{STROKE}" stroke-width="1"/>'
        )
    if kind == "besieged":  # the holder inside a dashed ring of the besiegers' colour
        ring = others[0] if others else STROKE
        return _circle(x, y, r - 1.5, color) + (
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r + 1.5)}" fill="none" '
            f'stroke="{ring}" stroke-width="2.5" stroke-dasharray="3 2"/>'
        )
    if kind == "partial":  # a square cut on its diagonal: the main holder upper left
        h = r * 0.9
        x0, y0, x1, y1 = num(x - h), num(y - h), num(x + h), num(y + h)
        return (
            f'<rect x="{x0}" y="{y0}" width="{num(2 * h)}" height="{num(2 * h)}" '
            f'fill="{other}" stroke="{STROKE}" stroke-width="1"/>'
            f'<polygon points="{x0},{y0} {x1},{y0} {x0},{y1}" fill="{color}" '
            f'stroke="{STROKE}" stroke-width="1"/>'
        )
    if kind == "unclear":
        return _circle(x, y, r - 0.5, "#eaeef2", ' stroke-dasharray="2 2"')
    if kind == "none":
        h = r * 0.55
        return (
            f'<rect x="{num(x - h)}" y="{num(y - h)}" width="{num(2 * h)}" '
            f'height="{num(2 * h)}" fill="{color}" stroke="{STROKE}" stroke-width="1"/>'
        )
    return _circle(x, y, r, color)


def marker(mark: PlaceMark, x: float, y: float, r: float) -> str:
    """One place on the map, with a tooltip naming it (ringed when it changed hands)."""
    ring = _ring(x, y, r) if mark.changed else ""
    title = f"{mark.label} (changed hands in the period)" if mark.changed else mark.label
    changed = ' data-changed="true"' if mark.changed else ""
    return (
        f'<g class="place" data-place={attr(mark.place_id)} data-kind="{mark.kind}"{changed}>'
        f"<title>{text(title)}</title>"
        f"{shape(mark.kind, x, y, r, mark.color, mark.others)}{ring}</g>"
    )


def _ring(x: float, y: float, r: float) -> str:
    return (
        f'<circle class="changed" cx="{num(x)}" cy="{num(y)}" r="{num(r + 4)}" fill="none" '
        f'stroke="{INK}" stroke-width="1.5"/>'
    )


def legend_title(data: MapData) -> str:
    """'Control of 34 provinces'; '12 places' when no place has control stated."""
    if data.summary is None:
        return f"{data.total:,} {place_noun('other', data.total)}"
    total = data.summary.total
    return f"Control of {total:,} {place_noun(data.headline_kind, total)}"


def legend(data: MapData, parts: list[str], *, x: float, y: float) -> float:
    """Append the legend (parties with counts, mark kinds); returns its bottom edge.

    The counts are the key figures' counts: headline places held by each party,
    then those contested, unclear or with no control stated.
    """
    parts.append(
        f'<text x="{num(x)}" y="{num(y + 14)}" font-size="15" font-weight="bold" '
        f'fill="{INK}">{text(legend_title(data))}</text>'
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
        if row.other:
            parts.append(_note(x + 24, y - 8, f"and {row.other:,} other {_places(row.other)}"))
            y += 12
    summary = data.summary
    if summary is not None:
        for state, label, n in (
            ("contested", "Contested", summary.contested),
            ("unclear", "Control unclear", summary.unclear),
            ("unstated", "Control not stated", summary.unstated),
        ):
            if n:
                parts.append(
                    f'<g class="legend-state" data-state="{state}" data-count="{n}">'
                    f'<text x="{num(x + 24)}" y="{num(y)}" font-size="14" fill="{INK}">'
                    f'{label}</text><text class="count" x="{num(x + 256)}" y="{num(y)}" '
                    f'font-size="14" font-weight="bold" text-anchor="end" fill="{INK}">{n}</text>'
                    "</g>"
                )
                y += 26
    notes = []
    if data.other_places and summary is not None:
        notes.append(f"{data.other_places:,} other {_places(data.other_places)}, not counted above")
    if data.unplaced:
        notes.append(f"{data.unplaced:,} without coordinates, not on the map")
    for note in notes:
        parts.append(_note(x, y, note))
        y += 22
    y += 14
    # With no control anywhere the marks are plain places: no key of control states.
    for kind in legend_kinds(data) if summary is not None else []:
        parts.append(
            f'<g class="legend-kind" data-kind="{kind}">'
            f"{shape(kind, x + 8, y - 5, 8 if kind == 'seat' else 6, NEUTRAL)}"
            f'<text x="{num(x + 24)}" y="{num(y)}" font-size="13" fill="{INK}">'
            f"{KIND_NAMES[kind]}</text>"
            f'<text x="{num(x + 256)}" y="{num(y)}" font-size="13" text-anchor="end" '
            f'fill="{MUTED}">{data.kind_counts[kind]}</text></g>'
        )
        y += 22
    if data.changed:
        parts.append(
            f'<g class="legend-changed">{_ring(x + 8, y - 5, 6)}'
            f'<text x="{num(x + 24)}" y="{num(y)}" font-size="13" fill="{INK}">'
            "changed hands in the period</text>"
            f'<text x="{num(x + 256)}" y="{num(y)}" font-size="13" text-anchor="end" '
            f'fill="{MUTED}">{data.changed}</text></g>'
        )
        y += 22
    return y


def _note(x: float, y: float, words: str) -> str:
    return f'<text x="{num(x)}" y="{num(y)}" font-size="12" fill="{MUTED}">{text(words)}</text>'


def _places(count: int) -> str:
    return place_noun("other", count)


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
