"""Text of the map pane's legend and of its detail line, as Content (user text kept literal).

The legend says what the SVG map's legend says: the key figures' counts (the
headline places held by each party, contested, unclear), then the kinds of mark
on the map, places that changed hands in the period, the scale and the outline.
"""

from __future__ import annotations

from textual.content import Content

from sitrep.app.safe import clean
from sitrep.app.widgets.detail_history import control_now
from sitrep.brief.svg.mapsvg_parts import legend_title
from sitrep.geo.marks import GLYPHS, KIND_NAMES, MapData, legend_kinds
from sitrep.geo.projection import scale_bar
from sitrep.model.entries import Place
from sitrep.model.kinds.places import place_noun
from sitrep.model.situation import Situation

LEGEND_WIDTH = 30
"""Cells, border and padding included (see MapPane's CSS)."""
_INNER = LEGEND_WIDTH - 4
CHANGED_STYLE = "underline"
"""How a place that changed hands in the period is drawn (the SVG rings it)."""


def _row(left: Content, count: int | str, width: int = _INNER) -> Content:
    """A legend line: the name on the left (cut to fit), the count flush right."""
    number = f"{count:,}" if isinstance(count, int) else count
    name = left.truncate(width - len(number) - 1, ellipsis=True)
    return Content.assemble(name, " " * max(1, width - name.cell_length - len(number)), number)


def legend_content(data: MapData, km_per_cell: float | None) -> Content:
    """Parties with colours and counts, the kinds of mark, the scale bar, the outline credit."""
    lines: list[Content] = [Content.styled(legend_title(data), "bold"), Content("")]
    for row in data.legend:
        name = Content.assemble((GLYPHS["confirmed"], f"bold {row.color}"), " ", clean(row.name))
        lines.append(_row(name, row.held).stylize("bold", -len(f"{row.held:,}")))
        if row.other:
            lines.append(Content.styled(f"  and {row.other:,} other {_places(row.other)}", "dim"))
    summary = data.summary
    if summary is not None:
        for label, n in (
            ("Contested", summary.contested),
            ("Control unclear", summary.unclear),
            ("Control not stated", summary.unstated),
        ):
            if n:
                lines.append(_row(Content(f"  {label}"), n))
    if data.other_places and summary is not None:
        others = data.other_places
        lines.append(Content.styled(f"{others:,} other {_places(others)}, not counted", "dim"))
    if data.unplaced:
        lines.append(Content.styled(f"{data.unplaced:,} without coordinates", "dim"))
    lines.append(Content(""))
    for kind in legend_kinds(data) if summary is not None else []:
        lines.append(_row(Content(f"{GLYPHS[kind]} {KIND_NAMES[kind]}"), data.kind_counts[kind]))
    if data.changed:
        ring = Content.styled(GLYPHS["confirmed"], CHANGED_STYLE)
        lines.append(_row(Content.assemble(ring, " changed hands"), data.changed))
    if km_per_cell:
        km, cells = scale_bar(km_per_cell, _INNER - 9)
        if km and cells >= 2:
            n = max(2, round(cells))
            bar = "├" + "─" * (n - 2) + "┤"
            lines += [Content(""), Content(f"{bar} {km:,} km")]
    if data.outline is not None:
        lines += [Content(""), Content.styled("Outline: " + clean(data.outline.source), "dim")]
    return Content("\n").join(lines)


def _places(count: int) -> str:
    return place_noun("other", count)


def detail_content(situation: Situation, place: Place | None, changed: bool = False) -> Content:
    """One line on the selected place: name, capital, control and since, seat, change."""
    if place is None:
        return Content.styled("No place selected: arrows choose one", "dim")
    title = clean(place.name, one_line=True)
    if place.capital and place.capital != place.name:
        title += f" (capital {clean(place.capital, one_line=True)})"
    parts = [Content.styled(title, "bold"), control_now(situation, place)]
    seat_of = [p.label for p in situation.parties if p.seat == place.id]
    if seat_of:
        parts.append(Content(clean(f"seat of {', '.join(seat_of)}", one_line=True)))
    if changed:
        parts.append(Content.styled("changed hands in the period", CHANGED_STYLE))
    return Content(" · ").join(parts)
