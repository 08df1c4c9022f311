"""What the map shows, whatever draws it (terminal or SVG): marks, legend rows. No Textual.

Both the TUI's MapPane and the SVG export build a :class:`MapData` from the
situation, so they agree on which places appear, their colours, their glyphs
and the counts in the legend. The legend's counts are the key figures' counts:
control_summary over the headline places (the most common kind with control).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from sitrep.geo.outline import Outline
from sitrep.geo.palette import UNKNOWN_HOLDER_COLOR, party_colors
from sitrep.geo.projection import Bounds, Plane
from sitrep.model.derived.control import (
    ControlSummary,
    changed_hands,
    control_summary,
    headline_places,
)
from sitrep.model.derived.derive import SeatStatus, seat_statuses
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation

MarkKind = Literal[
    "confirmed",
    "reported",
    "claimed",
    "contested",
    "besieged",
    "partial",
    "unclear",
    "none",
    "seat",
]

MARK_KINDS: tuple[MarkKind, ...] = get_args(MarkKind)
"""Legend order."""

GLYPHS: dict[MarkKind, str] = {
    "confirmed": "●",
    "reported": "◆",
    "claimed": "○",
    "contested": "◐",
    "besieged": "◉",
    "partial": "◩",
    "unclear": "◌",
    "none": "▪",
    "seat": "★",
}
"""One terminal glyph per kind of mark; the SVG draws the same shapes."""

KIND_NAMES: dict[MarkKind, str] = {
    "confirmed": "held, confirmed",
    "reported": "held, reported",
    "claimed": "claimed only",
    "contested": "contested",
    "besieged": "besieged or encircled",
    "partial": "partly held",
    "unclear": "control unclear",
    "none": "control not stated",
    "seat": "seat of government",
}

NO_COLOR = "#ffffff"
"""The empty half of a contested mark named for one party only."""


def mark_kind(place: Place, *, seat: bool = False) -> MarkKind:
    """A seat of government first, then the state of control, then how sure it is."""
    return "seat" if seat else change_kind(place.current)


def change_kind(change: ControlChange | None) -> MarkKind:
    """The mark of one change of control: its state, or how sure it is when simply held."""
    if change is None:
        return "none"
    state = change.state
    if state in ("contested", "partial", "unclear"):
        return state
    if state in ("besieged", "encircled"):
        return "besieged"
    return change.confidence


_SEAT_FLAGS = {"fallen": "fallen", "contested": "contested", "unclear": "control unclear"}
_PRESSURE = {"besieged": "besieged", "encircled": "encircled", "partial": "partly held"}


def place_label(place: Place, seat: SeatStatus | None = None) -> str:
    """The text next to a mark: the capital's name, flagged when a seat is not firmly held."""
    if seat is None:
        return place.label
    flag = _SEAT_FLAGS.get(seat.state)
    change = place.current
    if seat.state == "under_pressure" and change is not None:
        flag = _PRESSURE.get(change.state)
    elif seat.state == "held" and change is not None and change.confidence == "claimed":
        flag = "claimed"
    return f"{place.label} ({flag})" if flag else place.label


@dataclass(frozen=True)
class PlaceMark:
    """One place with coordinates, ready to draw."""

    index: int
    """Position in situation.places."""
    place_id: str
    label: str
    x: float
    """Plane coordinates (see sitrep.geo.projection.Plane)."""
    y: float
    color: str
    """The holder's colour (contested: the first party named; grey when nobody holds it)."""
    kind: MarkKind
    others: tuple[str, ...] = ()
    """Colours of the other parties: the second side of a contested place, the besiegers,
    the other holders of a partly held place."""
    changed: bool = False
    """It changed hands in the report's period (drawn with a ring)."""

    @property
    def glyph(self) -> str:
        """The terminal glyph of this mark's kind."""
        return GLYPHS[self.kind]


@dataclass(frozen=True)
class LegendRow:
    """One party in the legend: colour, short name, headline places held, others held."""

    party_id: str
    name: str
    color: str
    held: int
    """Headline places held (the key figures' count)."""
    other: int = 0
    """Places of other kinds held."""


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
    """All places, with coordinates or not."""
    kind_counts: dict[MarkKind, int]
    headline_kind: str = "other"
    """The kind of place the counts are of (see model.control.headline_places)."""
    summary: ControlSummary | None = None
    """Control of the headline places (None when no place has control stated)."""

    @property
    def changed(self) -> int:
        """How many places drawn changed hands in the period."""
        return sum(1 for mark in self.marks if mark.changed)

    @property
    def unplaced(self) -> int:
        """Places without coordinates (counted in the legend, not drawn)."""
        return self.total - len(self.marks)

    @property
    def other_places(self) -> int:
        """Places that are not headline places (other kinds, or no control stated)."""
        return self.total - (self.summary.total if self.summary is not None else 0)


def legend_kinds(data: MapData) -> list[MarkKind]:
    """Kinds of mark worth a legend line: those on the map."""
    return [k for k in MARK_KINDS if data.kind_counts[k]]


def legend_rows(situation: Situation) -> list[LegendRow]:
    """Every party that holds places or is named in a place's control, most headline places first.

    ``held`` is the key figures' count (headline places); ``other`` counts the
    places of other kinds it holds. Parties in no place's control are left out.
    """
    colors = party_colors(situation)
    _, headline = headline_places(situation)
    summary = control_summary(situation, places=headline)
    everything = control_summary(situation)
    named = {p for place in situation.places if place.current for p in place.current.involved()}
    order = {c.party_id: i for i, c in enumerate(everything.parties)}
    rows = []
    for count in everything.parties:
        if not count.held and count.party_id not in named:
            continue
        in_headline = summary.of(count.party_id)
        held = in_headline.held if in_headline is not None else 0
        party = situation.party(count.party_id)
        name = party.label if party else count.name
        color = colors.get(count.party_id, UNKNOWN_HOLDER_COLOR)
        rows.append(LegendRow(count.party_id, name, color, held, count.held - held))
    rows.sort(key=lambda r: (-r.held, -r.other, order[r.party_id]))
    return rows


def _colors(change: ControlChange | None, colors: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """The mark's main colour and the colours of the other parties in its control."""
    if change is None:
        return UNKNOWN_HOLDER_COLOR, ()
    if change.state == "contested":
        first, *rest = change.parties
        second = colors.get(rest[0], UNKNOWN_HOLDER_COLOR) if rest else NO_COLOR
        return colors.get(first, UNKNOWN_HOLDER_COLOR), (second,)
    if change.state == "unclear" or change.holder is None:
        return UNKNOWN_HOLDER_COLOR, ()
    others = change.by if change.state in ("besieged", "encircled") else change.parties
    return (
        colors.get(change.holder, UNKNOWN_HOLDER_COLOR),
        tuple(colors.get(p, UNKNOWN_HOLDER_COLOR) for p in others if p != change.holder),
    )


def map_data(situation: Situation, outline: Outline | None) -> MapData:
    """Marks for every place with coordinates, the bounds to show, and the legend."""
    located = [
        (i, p, p.lon, p.lat)
        for i, p in enumerate(situation.places)
        if p.lat is not None and p.lon is not None
    ]
    bounds = Bounds.of_points((lon, lat) for _, _, lon, lat in located)
    if outline is not None and outline.bounds is not None:
        bounds = outline.bounds.union(bounds)
    if bounds is not None:
        bounds = bounds.padded()
    plane = Plane.for_bounds(bounds) if bounds else Plane(1.0)
    colors = party_colors(situation)
    seats = {st.seat.id: st for st in seat_statuses(situation) if st.state != "gone"}
    marks: list[PlaceMark] = []
    counts: dict[MarkKind, int] = dict.fromkeys(MARK_KINDS, 0)
    header = situation.header
    changed = {h.place.id for h in changed_hands(situation, header.period_from, header.period_to)}
    for index, place, lon, lat in located:
        x, y = plane.point(lon, lat)
        seat = seats.get(place.id)
        kind = mark_kind(place, seat=seat is not None)
        counts[kind] += 1
        color, others = _colors(place.current, colors)
        if seat is not None and (place.current is None or place.current.controller is None):
            color, others = UNKNOWN_HOLDER_COLOR, ()  # a contested seat is held by no one
        label = place_label(place, seat)
        marks.append(
            PlaceMark(index, place.id, label, x, y, color, kind, others, place.id in changed)
        )
    headline_kind, headline = headline_places(situation)
    return MapData(
        marks=marks,
        outline=outline,
        bounds=bounds,
        plane=plane,
        legend=legend_rows(situation),
        total=len(situation.places),
        kind_counts=counts,
        headline_kind=headline_kind,
        summary=control_summary(situation, places=headline) if headline else None,
    )
