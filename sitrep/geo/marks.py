"""What the map shows, whatever draws it (terminal or SVG): marks, legend rows. No Textual.

Both the TUI's MapPane and the SVG export build a :class:`MapData` from the
situation, so they agree on which places appear, their colours, their glyphs
and the counts in the legend (the same as the key figures: control_summary).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sitrep.geo.outline import Outline
from sitrep.geo.palette import UNKNOWN_HOLDER_COLOR, party_colors
from sitrep.geo.projection import Bounds, Plane
from sitrep.model.derive import control_summary
from sitrep.model.entries import Place
from sitrep.model.situation import Situation

MarkKind = Literal["seat", "contested", "claimed", "reported", "confirmed"]

MARK_KINDS: tuple[MarkKind, ...] = ("confirmed", "reported", "claimed", "contested", "seat")
"""Legend order."""

GLYPHS: dict[MarkKind, str] = {
    "confirmed": "●",
    "reported": "◆",
    "claimed": "○",
    "contested": "◐",
    "seat": "★",
}
"""One terminal glyph per kind of mark; the SVG draws the same shapes."""

KIND_NAMES: dict[MarkKind, str] = {
    "confirmed": "held, confirmed",
    "reported": "held, reported",
    "claimed": "claimed only",
    "contested": "contested",
    "seat": "seat of government",
}


def mark_kind(place: Place) -> MarkKind:
    """The seat of government first, then contested, then how sure the control is."""
    if place.seat_of_government:
        return "seat"
    if place.control == "contested":
        return "contested"
    return place.confidence


def place_label(place: Place) -> str:
    """The text next to a mark: the capital's name, flagged when the seat is not firmly held."""
    if place.seat_of_government and place.control == "contested":
        return f"{place.label} (contested)"
    if place.seat_of_government and place.confidence == "claimed":
        return f"{place.label} (claimed)"
    return place.label


@dataclass(frozen=True)
class PlaceMark:
    """One place with coordinates, ready to draw."""

    index: int
    """Position in situation.territory."""
    place_id: str
    label: str
    x: float
    """Plane coordinates (see sitrep.geo.projection.Plane)."""
    y: float
    color: str
    kind: MarkKind

    @property
    def glyph(self) -> str:
        """The terminal glyph of this mark's kind."""
        return GLYPHS[self.kind]


@dataclass(frozen=True)
class LegendRow:
    """One party in the legend: colour, short name, places held."""

    party_id: str
    name: str
    color: str
    held: int


@dataclass(frozen=True)
class MapData:
    """Everything a map draws, in plane coordinates."""

    marks: list[PlaceMark]
    outline: Outline | None
    bounds: Bounds | None
    """Places and outline, padded; None when there is nothing to draw."""
    plane: Plane
    legend: list[LegendRow]
    total: int
    """All places, with coordinates or not (the key figures' total)."""
    kind_counts: dict[MarkKind, int]

    @property
    def unplaced(self) -> int:
        """Places without coordinates (counted in the legend, not drawn)."""
        return self.total - len(self.marks)


def legend_kinds(data: MapData) -> list[MarkKind]:
    """Kinds of mark worth a legend line: those on the map, and 'confirmed' always."""
    return [k for k in MARK_KINDS if k == "confirmed" or data.kind_counts[k]]


def legend_rows(situation: Situation) -> list[LegendRow]:
    """Each party's colour, name and count, as control_summary counts them."""
    colors = party_colors(situation)
    rows = []
    for count in control_summary(situation).parties:
        party = situation.party(count.party_id)
        name = (party.short or party.name) if party else count.name
        color = colors.get(count.party_id, UNKNOWN_HOLDER_COLOR)
        rows.append(LegendRow(count.party_id, name, color, count.held))
    return rows


def map_data(situation: Situation, outline: Outline | None) -> MapData:
    """Marks for every place with coordinates, the bounds to show, and the legend."""
    located = [
        (i, p, p.lon, p.lat)
        for i, p in enumerate(situation.territory)
        if p.lat is not None and p.lon is not None
    ]
    bounds = Bounds.of_points((lon, lat) for _, _, lon, lat in located)
    if outline is not None and outline.bounds is not None:
        bounds = outline.bounds.union(bounds)
    if bounds is not None:
        bounds = bounds.padded()
    plane = Plane.for_bounds(bounds) if bounds else Plane(1.0)
    colors = party_colors(situation)
    marks: list[PlaceMark] = []
    counts: dict[MarkKind, int] = dict.fromkeys(MARK_KINDS, 0)
    for index, place, lon, lat in located:
        x, y = plane.point(lon, lat)
        kind = mark_kind(place)
        counts[kind] += 1
        color = colors.get(place.holder, UNKNOWN_HOLDER_COLOR)
        marks.append(PlaceMark(index, place.id, place_label(place), x, y, color, kind))
    return MapData(
        marks=marks,
        outline=outline,
        bounds=bounds,
        plane=plane,
        legend=legend_rows(situation),
        total=len(situation.territory),
        kind_counts=counts,
    )
