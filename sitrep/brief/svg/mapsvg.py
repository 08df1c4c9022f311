"""The map as a standalone SVG for the brief (`sitrep export --map map.svg`). No Textual.

Same data as the TUI's map pane (sitrep.geo.marks): the outline, every
place with coordinates coloured by holder (a contested place by both sides, a
besieged one ringed by the besiegers), one shape per kind of mark, labels
placed greedily, a legend with the key figures' counts, a scale bar and the
outline's credit. Output is deterministic: same situation, same bytes.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.brief.escape import clean
from sitrep.brief.svg.mapsvg_parts import (
    FONT,
    INK,
    MUTED,
    attr,
    date_text,
    legend,
    marker,
    num,
    scale_bar_svg,
    text,
)
from sitrep.geo.labels import Box, Occupancy, around
from sitrep.geo.marks import MapData, map_data
from sitrep.geo.outline import situation_outline
from sitrep.geo.projection import fit_projection
from sitrep.model.kinds.places import place_noun
from sitrep.model.situation import Situation

WIDTH = 1000
MAP_BOX = Box(20, 78, 660, 560)
"""Where the map is drawn; the legend takes the column to its right."""
LABEL_SIZE = 12.0
MARK_RADIUS = 6.0
SEAT_RADIUS = 10.0


def render_map_svg(situation: Situation, *, base: Path | None, source: Path | None = None) -> str:
    """The map as SVG text. base is the situation file's folder, for `header.outline`.

    Raises SitrepError when the named outline is missing or malformed (at the
    ``outline:`` line of source, the situation file, when given).
    """
    data = map_data(situation, situation_outline(situation, base, source=source))
    parts: list[str] = []
    _map_layer(data, parts)
    legend_x = MAP_BOX.x + MAP_BOX.w + 24
    legend_bottom = legend(data, parts, x=legend_x, y=MAP_BOX.y + 8)
    if data.bounds is not None:
        km, length = scale_bar(fit_projection(data.bounds, MAP_BOX.w, MAP_BOX.h).km_per_pixel)
        if km:
            parts.append(scale_bar_svg(legend_x + 2, legend_bottom + 12, km, length))
            legend_bottom += 30
    height = int(max(MAP_BOX.y + MAP_BOX.h, legend_bottom) + 36)
    header = situation.header
    what = "Who holds what" if data.summary is not None else "Places"
    subtitle = f"{what}, as of {date_text(header.as_of)}"
    if header.as_of_time:
        subtitle += f", {header.as_of_time}" + (f" {header.timezone}" if header.timezone else "")
    subtitle += f" · {data.total:,} {place_noun('other', data.total)}"
    credit = "Map: sitrep."
    if data.outline is not None:
        credit = f"Outline: {clean(data.outline.source)}. " + credit
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family={attr(FONT)} role="img" '
            f"aria-label={attr('Map: ' + clean(header.title))}>",
            f"<title>{text(header.title)}</title>",
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
            f'<text x="20" y="34" font-size="20" font-weight="bold" fill="{INK}">'
            f"{text(header.title)}</text>",
            f'<text x="20" y="58" font-size="14" fill="{MUTED}">{text(subtitle)}</text>',
            *parts,
            f'<text class="credit" x="20" y="{height - 16}" font-size="11" fill="{MUTED}">'
            f"{text(credit)}</text>",
            "</svg>",
            "",
        ]
    )


def write_map_svg(
    situation: Situation, path: Path, *, source: Path | None, replace_edited: bool = False
) -> None:
    """Write the map to path atomically, as a sitrep output (storage.outputs).

    Never over the situation file (source), its outline, or a file sitrep did
    not write (OutputRefused); over an edited map only with replace_edited.
    Raises SitrepError (bad outline, I/O).
    """
    from sitrep.brief.inputs import export_inputs
    from sitrep.storage.outputs import write_output

    base = source.parent if source is not None else None
    svg = render_map_svg(situation, base=base, source=source)
    inputs = export_inputs(situation, source)
    write_output(path, svg, inputs=inputs, replace_edited=replace_edited)


def _map_layer(data: MapData, parts: list[str]) -> None:
    if data.bounds is None:
        parts.append(
            f'<text x="{num(MAP_BOX.x + MAP_BOX.w / 2)}" y="{num(MAP_BOX.y + MAP_BOX.h / 2)}" '
            f'text-anchor="middle" font-size="16" fill="{MUTED}">'
            "No places with coordinates</text>"
        )
        return
    projection = fit_projection(data.bounds, MAP_BOX.w, MAP_BOX.h)

    def at(x: float, y: float) -> tuple[float, float]:
        px, py = projection.from_plane(x, y)
        return px + MAP_BOX.x, py + MAP_BOX.y

    if data.outline is not None:
        path = []
        for ring in data.outline.rings:
            points = [at(*data.plane.point(lon, lat)) for lon, lat in ring]
            path.append("M" + "L".join(f"{num(x)},{num(y)}" for x, y in points) + "Z")
        parts.append(
            f'<path class="outline" d="{"".join(path)}" fill="#f4f1e8" stroke="#8c8270" '
            'stroke-width="1.2" stroke-linejoin="round" fill-rule="evenodd"/>'
        )
    occupancy = Occupancy(MAP_BOX, 40)
    centres = [at(m.x, m.y) for m in data.marks]
    for mark, (x, y) in zip(data.marks, centres, strict=True):
        r = SEAT_RADIUS if mark.kind == "seat" else MARK_RADIUS
        occupancy.take(Box(x - r, y - r, 2 * r, 2 * r))
    leaders, labels = _labels(data, centres, occupancy)
    parts.extend(leaders)
    # File order, the seat of government last (on top).
    for i in sorted(range(len(data.marks)), key=lambda i: data.marks[i].kind == "seat"):
        mark, (x, y) = data.marks[i], centres[i]
        parts.append(marker(mark, x, y, SEAT_RADIUS if mark.kind == "seat" else MARK_RADIUS))
    parts.extend(labels)


def _labels(
    data: MapData, centres: list[tuple[float, float]], occupancy: Occupancy
) -> tuple[list[str], list[str]]:
    """Leader lines and labels, placed greedily: the seat of government first, then file order.

    The seat's label always shows: if no spot next to the star is free it may
    stand farther off with a leader line, and at worst overlaps the least.
    """
    order = sorted(range(len(data.marks)), key=lambda i: data.marks[i].kind != "seat")
    leaders: list[str] = []
    labels: list[str] = []
    for i in order:
        mark, (x, y) = data.marks[i], centres[i]
        seat = mark.kind == "seat"
        label = clean(mark.label)
        size = LABEL_SIZE + (1 if seat else 0)
        w, h = _text_width(label, size, bold=seat), size * 1.2
        r = SEAT_RADIUS if seat else MARK_RADIUS
        near = around(x, y, w, h, r, 2)
        box = occupancy.place(near, margin=2)
        if box is None and seat:
            box = occupancy.place(around(x, y, w, h, r, 18) + around(x, y, w, h, r, 34), margin=2)
            if box is not None:
                lx = min(max(x, box.x), box.x + box.w)
                ly = min(max(y, box.y), box.y + box.h)
                leaders.append(
                    f'<line class="leader" x1="{num(x)}" y1="{num(y)}" x2="{num(lx)}" '
                    f'y2="{num(ly)}" stroke="{INK}" stroke-width="1"/>'
                )
            else:
                box = occupancy.place(near, force=True)
        if box is None:
            continue
        weight = ' font-weight="bold"' if seat else ""
        labels.append(
            f'<text class="label" x="{num(box.x)}" y="{num(box.y + h * 0.8)}" '
            f'font-size="{num(size)}"{weight} fill="{INK}" stroke="#ffffff" '
            f'stroke-width="3" stroke-linejoin="round" paint-order="stroke">{text(label)}</text>'
        )
    return leaders, labels


def scale_bar(km_per_pixel: float) -> tuple[int, float]:
    """A round distance at most 180 px long (the legend column's width)."""
    from sitrep.geo.projection import scale_bar as nice

    return nice(km_per_pixel, 180)


def _text_width(label: str, size: float, *, bold: bool = False) -> float:
    """A generous estimate of a label's width in a sans-serif font (wide characters count 2)."""
    from unicodedata import east_asian_width

    units = sum(1.0 if east_asian_width(c) in "WF" else 0.62 for c in label)
    return units * size * (1.08 if bold else 1.0)
