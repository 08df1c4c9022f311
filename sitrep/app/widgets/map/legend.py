"""Text of the map pane's legend and of its detail line, as Content (user text kept literal)."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from sitrep.app.safe import clean
from sitrep.geo.marks import GLYPHS, KIND_NAMES, MapData, legend_kinds, mark_kind
from sitrep.geo.palette import holder_color
from sitrep.geo.projection import scale_bar
from sitrep.model.entries import Place
from sitrep.model.situation import Situation

LEGEND_WIDTH = 30
"""Cells, border and padding included (see MapPane's CSS)."""
_INNER = LEGEND_WIDTH - 4


def _row(left: Content, count: int | str, width: int = _INNER) -> Content:
    """A legend line: the name on the left (cut to fit), the count flush right."""
    number = str(count)
    name = left.truncate(width - len(number) - 1, ellipsis=True)
    return Content.assemble(name, " " * max(1, width - name.cell_length - len(number)), number)


def legend_content(data: MapData, km_per_cell: float | None) -> Content:
    """Parties with colours and counts, the kinds of mark, the scale bar, the outline credit."""
    lines: list[Content] = [Content.styled(f"Control · {data.total} places", "bold"), Content("")]
    for row in data.legend:
        name = Content.assemble((GLYPHS["confirmed"], f"bold {row.color}"), " ", clean(row.name))
        lines.append(_row(name, row.held).stylize("bold", -len(str(row.held))))
    if data.unplaced:
        lines.append(Content.styled(f"{data.unplaced} without coordinates", "dim"))
    lines.append(Content(""))
    for kind in legend_kinds(data):
        lines.append(_row(Content(f"{GLYPHS[kind]} {KIND_NAMES[kind]}"), data.kind_counts[kind]))
    if km_per_cell:
        km, cells = scale_bar(km_per_cell, _INNER - 9)
        if km and cells >= 2:
            n = max(2, round(cells))
            bar = "├" + "─" * (n - 2) + "┤"
            lines += [Content(""), Content(f"{bar} {km:,} km")]
    if data.outline is not None:
        lines += [Content(""), Content.styled("Outline: " + clean(data.outline.source), "dim")]
    return Content("\n").join(lines)


def _date(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "—"


def detail_content(situation: Situation, place: Place | None) -> Content:
    """One line on the selected place: name, capital, holder, confidence, since."""
    if place is None:
        return Content.styled("No place selected: arrows choose one", "dim")
    party = situation.party(place.holder)
    holder = (party.short or party.name) if party else place.holder
    color = holder_color(situation, place.holder)
    title = clean(place.name, one_line=True)
    if place.capital and place.capital != place.name:
        title += f" (capital {clean(place.capital, one_line=True)})"
    parts = [
        Content.assemble(
            (GLYPHS[mark_kind(place)], f"bold {color}"), " ", Content.styled(title, "bold")
        ),
        Content.styled(clean(holder, one_line=True), f"bold {color}"),
        Content(
            place.confidence if place.control == "controlled" else f"contested, {place.confidence}"
        ),
        Content(f"since {_date(place.since)}"),
    ]
    if place.seat_of_government:
        parts.append(Content("seat of government"))
    if place.according_to:
        parts.append(Content("according to " + clean(place.according_to, one_line=True)))
    return Content(" · ").join(parts)
