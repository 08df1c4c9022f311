"""Headline figures derived from the entries. Nothing here is ever stored in the file.

Control counts are in control.py; this module has the seat of government, the
figures' headlines and the evacuations' totals.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from sitrep.model.derived.control import change_on, held_since
from sitrep.model.entries import ActorKind, Evacuation, FigureEntry, FigurePoint, Party, Place
from sitrep.model.numbers.total import Total, sum_figures
from sitrep.model.situation import Situation

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), for great-circle distances."""


def haversine_term(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The haversine of the central angle: grows with the distance (compare these, cheaply)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    return math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres between two WGS84 points."""
    a = haversine_term(lat1, lon1, lat2, lon2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


SeatState = Literal["held", "fallen", "contested", "under_pressure", "unclear", "unknown", "gone"]


@dataclass(frozen=True)
class SeatStatus:
    """Where a government's seat stands on a day.

    held: its party (or an ally) holds it; ``nearest`` is then the nearest place
    held by a hostile side, with its distance. fallen: a hostile party holds it
    (``holder``, ``since``). contested / under_pressure (besieged, encircled,
    partly held) / unclear / unknown (no control stated): as the seat's history
    says. gone: the party dissolved or merged (``since``).
    """

    party: Party
    seat: Place
    state: SeatState
    holder: str | None = None
    since: dt.date | None = None
    nearest: Place | None = None
    km: float | None = None


def seat_statuses(s: Situation, day: dt.date | None = None) -> list[SeatStatus]:
    """The seat of every party that has one, in file order (the first is the headline)."""
    found: list[SeatStatus] = []
    for party in s.parties:
        seat = s.place(party.seat)
        if seat is not None:
            found.append(_seat_status(s, party, seat, day))
    return found


def _seat_status(s: Situation, party: Party, seat: Place, day: dt.date | None) -> SeatStatus:
    gone_since = party.status_since
    if party.status != "active" and gone_since is not None and (day is None or gone_since <= day):
        return SeatStatus(party, seat, "gone", since=gone_since)
    change = change_on(seat, day)
    if change is None:
        return SeatStatus(party, seat, "unknown")
    if change.state == "contested":
        return SeatStatus(party, seat, "contested", since=change.date)
    if change.state == "unclear":
        return SeatStatus(party, seat, "unclear", since=change.date)
    holder = change.holder
    if holder is not None and not s.allies(holder, party.id):
        return SeatStatus(party, seat, "fallen", holder=holder, since=held_since(seat, day))
    state: SeatState = "held" if change.state == "controlled" else "under_pressure"
    nearest = nearest_hostile(s, party, seat, day)
    if nearest is None:
        return SeatStatus(party, seat, state, holder=holder, since=change.date)
    place, km = nearest
    return SeatStatus(party, seat, state, holder, change.date, place, km)


def nearest_hostile(
    s: Situation, party: Party, seat: Place, day: dt.date | None = None
) -> tuple[Place, float] | None:
    """The nearest place held by a side hostile to party, and its great-circle distance."""
    if seat.lat is None or seat.lon is None:
        return None
    side = {p.id: p.side_id for p in s.parties}
    own = party.side_id
    sin, cos, radians = math.sin, math.cos, math.radians
    phi1 = radians(seat.lat)
    cos1 = cos(phi1)
    best: Place | None = None
    best_a = math.inf
    # sin(x) >= 2x/pi on [0, pi/2], so a >= (dphi/pi)^2: a place whose latitude alone puts
    # it farther than the best so far is skipped before any trigonometry.
    bound = math.inf
    seat_lat, seat_lon = seat.lat, seat.lon
    for place in s.places:
        lat, lon = place.lat, place.lon
        if lat is None or lon is None or abs(lat - seat_lat) >= bound:
            continue
        change = change_on(place, day)
        holder = change.controller if change is not None else None
        if holder is None or side.get(holder, holder) == own:
            continue
        phi2 = radians(lat)
        a = sin((phi2 - phi1) / 2) ** 2 + cos1 * cos(phi2) * sin(radians(lon - seat_lon) / 2) ** 2
        if a < best_a:
            best, best_a = place, a
            bound = 180 * math.sqrt(a)
    if best is None:
        return None
    assert best.lat is not None and best.lon is not None
    return best, great_circle_km(seat_lat, seat_lon, best.lat, best.lon)


@dataclass(frozen=True)
class FigureLine:
    """A figure's value on a day, and whether it is news in the period or context."""

    entry: FigureEntry
    point: FigurePoint
    in_period: bool


TOPIC_ORDER = ("casualties", "displacement", "need", "assistance", "funding", "other")


def figure_headlines(s: Situation, start: dt.date, day: dt.date | None = None) -> list[FigureLine]:
    """The value of each figure on day; in the period first (by topic, largest first).

    Figures are never summed across scopes, and of two entries of one scope only
    the later value is shown (it replaces the older). A value dated before the
    period (a pre-war stock, an annual estimate) or not dated is context, not news.
    """
    latest: dict[tuple[object, ...], FigureLine] = {}
    for entry in s.figures:
        point = entry.point_on(day)
        if point is None:
            continue
        last = point.as_of.last  # a value dated after the period is still news, not context
        news = last is not None and last >= start
        known = latest.get(entry.scope)
        if known is None or known.point.as_of.key <= point.as_of.key:
            latest[entry.scope] = FigureLine(entry, point, news)
    lines = list(latest.values())

    def order(line: FigureLine) -> tuple[bool, int, int, str]:
        topic = TOPIC_ORDER.index(line.entry.topic)
        return (not line.in_period, topic, -(line.point.value.low or 0), line.entry.counted)

    return sorted(lines, key=order)


@dataclass(frozen=True)
class EvacuationSummary:
    """Who is evacuating (states, organisations, companies and others apart) and the troops.

    ``actors`` counts the evacuating entries by actor kind, in the order state,
    organisation, company, other (kinds with none left out): an organisation is
    never counted as a state, nor a company as an organisation.
    """

    evacuating: list[Evacuation]
    actors: dict[ActorKind, int]
    troops: Total
    with_troops: list[Evacuation]
    """The evacuating entries that give troops (a number, or undisclosed/unknown)."""
    evacuees: Total

    @property
    def states(self) -> int:
        """How many states are evacuating."""
        return self.actors.get("state", 0)

    @property
    def organisations(self) -> int:
        """How many organisations are evacuating."""
        return self.actors.get("organisation", 0)


ACTOR_KINDS: tuple[ActorKind, ...] = ("state", "organisation", "company", "other")


def evacuation_summary(s: Situation) -> EvacuationSummary:
    """Only entries that are evacuations count; their troops are summed honestly."""
    evacuating = [e for e in s.evacuations if e.is_evacuation]
    with_troops = [e for e in evacuating if e.troops is not None]
    evacuees = [e.evacuees for e in evacuating if e.evacuees is not None]
    kinds = Counter(e.actor_kind for e in evacuating)
    return EvacuationSummary(
        evacuating=evacuating,
        actors={kind: kinds[kind] for kind in ACTOR_KINDS if kinds[kind]},
        troops=sum_figures([e.troops for e in with_troops if e.troops is not None]),
        with_troops=with_troops,
        evacuees=sum_figures(evacuees),
    )
