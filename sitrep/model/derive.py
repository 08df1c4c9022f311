"""Headline figures derived from the entries. Nothing here is ever stored in the file."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from sitrep.model.entries import Displacement, Evacuation, Place
from sitrep.model.figure import Figure, sum_figures
from sitrep.model.situation import Situation

_CONTROL_KEY = attrgetter("holder", "confidence", "control")
_WHERE = attrgetter("lat", "lon", "holder")

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
    # One C-level pass over the places, then a few Python steps per distinct kind
    # (this runs after every edit: 10,000 places in about 1 ms).
    tally = Counter(map(_CONTROL_KEY, s.territory))
    for (holder, confidence, control), n in tally.items():
        count = counts.get(holder)
        if count is None:
            count = counts[holder] = PartyCount(holder, holder)
        count.held += n
        setattr(count, confidence, getattr(count, confidence) + n)
        if control == "contested":
            count.contested += n
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
    # Compare the haversine term, which grows with the distance, and take the
    # arcsine only for the winner: this runs after every edit.
    sin, cos, radians = math.sin, math.cos, math.radians
    phi1 = radians(seat.lat)
    cos1 = cos(phi1)
    best: Place | None = None
    best_a = math.inf
    # sin(x) >= 2x/pi on [0, pi/2], so a >= (dphi/pi)^2: a place whose latitude alone puts
    # it farther than the best so far is skipped before any trigonometry.
    bound = math.inf  # in degrees of latitude: 180 * sqrt(best_a)
    seat_holder, seat_lat, seat_lon = seat.holder, seat.lat, seat.lon
    for place, (lat, lon, holder) in zip(s.territory, map(_WHERE, s.territory), strict=True):
        if lat is None or lon is None or holder == seat_holder or abs(lat - seat_lat) >= bound:
            continue
        phi2 = radians(lat)
        a = sin((phi2 - phi1) / 2) ** 2 + cos1 * cos(phi2) * sin(radians(lon - seat_lon) / 2) ** 2
        if a < best_a:
            best, best_a = place, a
            bound = 180 * math.sqrt(a)
    if best is None:
        return None
    assert best.lat is not None and best.lon is not None
    return Nearest(seat, best, great_circle_km(seat.lat, seat.lon, best.lat, best.lon))


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
