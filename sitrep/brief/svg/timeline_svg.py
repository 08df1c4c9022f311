"""Control over time as SVG: places held by each party, day by day, in the map's colours.

A step chart of the headline places (the counts the key figures give), one line
per party that held any of them, contested places in grey, the as-of date
marked, and the changes of hands as ticks on the time axis. Deterministic
output; every user string escaped as in the map.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.brief.svg.mapsvg_parts import FONT, INK, MUTED, attr, date_text, num, text
from sitrep.geo.palette import party_colors
from sitrep.model.derived.control import changed_hands, headline_places
from sitrep.model.derived.history import TimelinePoint, history_span, timeline
from sitrep.model.kinds.places import place_noun
from sitrep.model.situation import Situation

WIDTH, HEIGHT = 1000, 460
PLOT_X, PLOT_Y, PLOT_W, PLOT_H = 70.0, 70.0, 700.0, 300.0
CONTESTED = "#8c959f"


def render_timeline_svg(situation: Situation) -> str:
    """The chart as SVG text (a note instead of a chart when no control is stated)."""
    kind, places = headline_places(situation)
    header = situation.header
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}" role="img">',
        f"<title>{text(header.title)}: control over time</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="20" y="32" font-size="20" font-weight="bold" fill="{INK}">'
        f"{text(header.title)}</text>",
    ]
    if not places:
        parts.append(
            f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle" font-size="16" '
            f'fill="{MUTED}">No control of any place is recorded</text></svg>'
        )
        return "\n".join(parts) + "\n"
    start, end = history_span(situation, places)
    points = timeline(situation, places, start, end)
    noun = place_noun(kind, len(places))
    parts.append(
        f'<text x="20" y="54" font-size="13" fill="{MUTED}">{text(noun.capitalize())} held by '
        f"each party, day by day, {date_text(start)} to {date_text(end)} (of {len(places)})</text>"
    )
    colors = party_colors(situation)
    order = _parties_by_peak(points)
    _axes(parts, points, len(places))
    for party in order:
        series = [p.held.get(party, 0) for p in points]
        color = colors.get(party, CONTESTED)
        parts.append(_step_line(series, len(points), len(places), color, f"party-{party}"))
    if any(p.contested for p in points):
        series = [p.contested for p in points]
        parts.append(
            _step_line(series, len(points), len(places), CONTESTED, "contested", dash=True)
        )
    _changes(parts, situation, {p.id for p in places}, (start, end), len(points))
    _legend(parts, situation, order, colors, points, any(p.contested for p in points))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write_timeline_svg(situation: Situation, path: Path) -> None:
    """Write the chart to path atomically. Raises SitrepError on I/O failure."""
    from sitrep.storage.store import write_atomic

    write_atomic(path, render_timeline_svg(situation))


def _parties_by_peak(points: list[TimelinePoint]) -> list[str]:
    last = points[-1].held
    peak: dict[str, int] = {}
    for point in points:
        for party, n in point.held.items():
            peak[party] = max(peak.get(party, 0), n)
    return sorted(peak, key=lambda p: (-last.get(p, 0), -peak[p], p))


def _x(index: float, count: int) -> float:
    """Where day `index` begins (each day is one step of the chart's width)."""
    return PLOT_X + PLOT_W * index / max(1, count)


def _y(value: int, total: int) -> float:
    return PLOT_Y + PLOT_H - PLOT_H * value / max(1, total)


def _step_line(
    series: list[int], count: int, total: int, color: str, name: str, *, dash: bool = False
) -> str:
    coords: list[str] = []
    for i, value in enumerate(series):
        y = num(_y(value, total))
        coords += [f"{num(_x(i, count))},{y}", f"{num(_x(i + 1, count))},{y}"]
    style = ' stroke-dasharray="6 4"' if dash else ""
    return (
        f'<polyline class="series" data-series={attr(name)} points="{" ".join(coords)}" '
        f'fill="none" stroke="{color}" stroke-width="3"{style}/>'
    )


def _axes(parts: list[str], points: list[TimelinePoint], total: int) -> None:
    bottom = PLOT_Y + PLOT_H
    parts.append(
        f'<path d="M{num(PLOT_X)},{num(PLOT_Y)} V{num(bottom)} H{num(PLOT_X + PLOT_W)}" '
        f'stroke="{MUTED}" fill="none"/>'
    )
    for value in sorted({0, total // 2, total}):
        y = _y(value, total) - (4 if value == 0 else 0)
        parts.append(
            f'<text x="{num(PLOT_X - 8)}" y="{num(y + 4)}" text-anchor="end" font-size="12" '
            f'fill="{MUTED}">{value}</text>'
        )
    count = len(points)
    step = max(1, count // 6)
    for i in range(0, count, step):
        day = points[i].day
        parts.append(
            f'<text x="{num(_x(i + 0.5, count))}" y="{num(bottom + 18)}" text-anchor="middle" '
            f'font-size="12" fill="{MUTED}">{day.day} {date_text(day).split()[1][:3]}</text>'
        )
    x = _x(count, count)
    parts.append(
        f'<path class="as-of" d="M{num(x)},{num(PLOT_Y - 6)} V{num(bottom)}" stroke="{INK}" '
        'stroke-dasharray="2 3" fill="none"/>'
    )
    parts.append(
        f'<text x="{num(x)}" y="{num(PLOT_Y - 10)}" text-anchor="end" font-size="12" '
        f'fill="{INK}">as of {date_text(points[-1].day)}</text>'
    )


def _changes(
    parts: list[str],
    situation: Situation,
    charted: set[str],
    span: tuple[dt.date, dt.date],
    count: int,
) -> None:
    """A tick on the time axis for each change of hands of a charted place, titled with it."""
    colors = party_colors(situation)
    bottom = PLOT_Y + PLOT_H
    start, end = span
    for hand in changed_hands(situation, start, end):
        if hand.place.id not in charted:
            continue
        assert hand.change.date is not None
        x = _x((hand.change.date - start).days + 0.5, count)
        tip = f"{hand.place.label}: {situation.party_name(hand.after)}"
        parts.append(
            f'<g class="change"><title>{text(tip)}</title>'
            f'<path d="M{num(x)},{num(bottom - 6)} V{num(bottom + 4)}" '
            f'stroke="{colors.get(hand.after, CONTESTED)}" stroke-width="2"/></g>'
        )


def _label(situation: Situation, party_id: str) -> str:
    party = situation.party(party_id)
    return party.label if party is not None else party_id


def _legend(
    parts: list[str],
    situation: Situation,
    order: list[str],
    colors: dict[str, str],
    points: list[TimelinePoint],
    contested: bool,
) -> None:
    x, y = PLOT_X + PLOT_W + 30, PLOT_Y + 10
    rows = [
        (_label(situation, p), colors.get(p, CONTESTED), points[-1].held.get(p, 0)) for p in order
    ]
    if contested:
        rows.append(("Contested", CONTESTED, points[-1].contested))
    for name, color, now in rows:
        parts.append(
            f'<g class="legend-series"><rect x="{num(x)}" y="{num(y - 10)}" width="14" '
            f'height="14" fill="{color}"/><text x="{num(x + 22)}" y="{num(y + 2)}" '
            f'font-size="13" fill="{INK}">{text(name)}: {now}</text></g>'
        )
        y += 24
