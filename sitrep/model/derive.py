"""Headline figures derived from the entries. Nothing here is ever stored in the file."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sitrep.model.entries import Displacement, Evacuation, Place
from sitrep.model.figure import Figure, sum_figures
from sitrep.model.situation import Situation

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), for great-circle distances."""


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class PartyCount:
    """How many places one party holds, split by how sure we are."""

    party_id: str
    name: str
    held: int = 0
    confirmed: int = 0
    reported: int = 0
    claimed: int = 0
    contested: int = 0


@dataclass
class ControlSummary:
    """Places held by each party out of the total."""

    total: int
    parties: list[PartyCount] = field(default_factory=list)

    def of(self, party_id: str) -> PartyCount | None:
        """The count for one party."""
        return next((c for c in self.parties if c.party_id == party_id), None)


def control_summary(s: Situation) -> ControlSummary:
    """Count places per holder, in the order parties are listed (unknown holders last)."""
    counts = {p.id: PartyCount(p.id, p.name) for p in s.parties}
    for place in s.territory:
        count = counts.setdefault(place.holder, PartyCount(place.holder, place.holder))
        count.held += 1
        setattr(count, place.confidence, getattr(count, place.confidence) + 1)
        if place.control == "contested":
            count.contested += 1
    return ControlSummary(total=len(s.territory), parties=list(counts.values()))


@dataclass(frozen=True)
class Nearest:
    """The nearest place held by another party than the one holding the seat of government."""

    seat: Place
    place: Place
    km: float


def nearest_to_seat(s: Situation) -> Nearest | None:
    """Nearest place (with coordinates) whose holder differs from the seat's holder."""
    seat = s.seat_of_government()
    if seat is None or seat.lat is None or seat.lon is None:
        return None
    best: Nearest | None = None
    for place in s.territory:
        if place.holder == seat.holder or place.lat is None or place.lon is None:
            continue
        km = great_circle_km(seat.lat, seat.lon, place.lat, place.lon)
        if best is None or km < best.km:
            best = Nearest(seat, place, km)
    return best


def displacement_headlines(s: Situation) -> list[Displacement]:
    """The latest figure for each distinct scope, largest first. Never summed across scopes."""
    latest: dict[tuple[object, ...], Displacement] = {}
    for d in s.displacement:
        current = latest.get(d.scope)
        if current is None or d.as_of >= current.as_of:
            latest[d.scope] = d
    return sorted(latest.values(), key=lambda d: (-(d.figure.low or 0), d.counted, d.as_of))


@dataclass(frozen=True)
class EvacuationSummary:
    """Countries evacuating and the troops they committed, summed honestly."""

    countries: list[Evacuation]
    troops: Figure
    with_troops: int


def evacuation_summary(s: Situation) -> EvacuationSummary:
    """Troops are summed across countries that send any; undisclosed makes it 'at least'."""
    sending = [e for e in s.evacuations if e.troops is not None]
    troops = sum_figures([e.troops for e in sending if e.troops is not None])
    return EvacuationSummary(countries=list(s.evacuations), troops=troops, with_troops=len(sending))
