"""Control in words: who holds a place and how, the seat of government, the counts.

Plain text, not yet escaped (see words.py). Party names are the running-text
names (``in_text``: "the rebels"), capitalised only where a line starts.
"""

from __future__ import annotations

from sitrep.brief import words
from sitrep.model.derived.control import ControlSummary, PartyCount, held_since
from sitrep.model.derived.derive import SeatStatus
from sitrep.model.entries import ControlChange
from sitrep.model.situation import Situation

_PRESSURE = {"besieged": "besieged by", "encircled": "encircled by"}


def names(s: Situation, party_ids: list[str]) -> str:
    """'the rebels and the government'."""
    return words.join([s.party_name(p) for p in dict.fromkeys(party_ids)])


def state_phrase(s: Situation, change: ControlChange | None) -> str:
    """'held by the rebels', 'contested between A and B', 'held by A, besieged by B'."""
    if change is None:
        return "control not stated"
    state = change.state
    if state == "unclear":
        return "control unclear"
    if state == "contested":
        if len(set(change.parties)) < 2:
            return f"contested ({names(s, change.parties)} fighting for it)"
        return f"contested between {names(s, change.parties)}"
    holder = s.party_name(change.holder)
    if state in _PRESSURE:
        return f"held by {holder}, {_PRESSURE[state]} {names(s, change.by)}"
    if state == "partial":
        others = [p for p in change.parties if p != change.holder]
        text = f"partly held by {holder}"
        if others:
            text += f", {names(s, others)} holding parts"
        return f"{text} ({change.share})" if change.share else text
    return f"held by {holder}"


def with_confidence(s: Situation, change: ControlChange | None) -> str:
    """The state phrase, with how sure it is when not confirmed."""
    text = state_phrase(s, change)
    if change is not None and change.confidence != "confirmed":
        text += f" ({words.confidence(change)})"
    return text


def seat_line(s: Situation, status: SeatStatus) -> str:
    """The seat of government in one plain sentence; a distance only when the seat is held.

    'Capital City, the seat of the government, fell to the rebels on 15 Aug 2021';
    'nearest place held by a side hostile to the government: ..., 61 km from Capital City'.
    """
    party = s.party_name(status.party.id)
    seat = status.seat.label
    what = f"{seat}, the seat of {party},"
    since = f" since {words.day(status.since)}" if status.since else ""
    change = status.seat.current
    if status.state == "gone":
        return _gone(s, status, party, seat)
    if status.state == "fallen":
        assert change is not None
        return f"{what} {_fallen(s, status, change)}"
    if status.state == "contested":
        assert change is not None
        return f"{what} is {state_phrase(s, change)}{since}"
    if status.state == "under_pressure":
        assert change is not None
        return f"{what} is {state_phrase(s, change)}{since}"
    if status.state == "unclear":
        return f"Control of {seat}, the seat of {party}, is unclear{since}"
    if status.state == "unknown":
        return f"Control of {seat}, the seat of {party}, is not stated"
    return _nearest(s, status, party, seat)


def _gone(s: Situation, status: SeatStatus, party: str, seat: str) -> str:
    """'The Republic dissolved on 16 May 2022; its seat, Vell, had fallen to the Movement
    on 15 May 2022' (the seat's fate only when a hostile side took it)."""
    assert status.since is not None
    if status.party.status == "merged":
        into = s.party_name(status.party.merged_into)
        text = f"{words.capitalized(party)} merged into {into} on {words.day(status.since)}"
    else:
        text = f"{words.capitalized(party)} dissolved on {words.day(status.since)}"
    holder = status.seat.holder
    taken = held_since(status.seat)
    if holder is not None and taken is not None and not s.allies(holder, status.party.id):
        verb = "had fallen" if taken <= status.since else "fell"
        text += f"; its seat, {seat}, {verb} to {s.party_name(holder)} on {words.day(taken)}"
    return text


def _fallen(s: Situation, status: SeatStatus, change: ControlChange) -> str:
    holder = s.party_name(status.holder)
    sure = "" if change.confidence == "confirmed" else f" ({words.confidence(change)})"
    if change.state == "controlled":
        if status.since is None:
            return f"is held by {holder}{sure}"
        return f"fell to {holder} on {words.day(status.since)}{sure}"
    return f"is {state_phrase(s, change)}{sure}"


def _nearest(s: Situation, status: SeatStatus, party: str, seat: str) -> str:
    nearest = status.nearest
    if nearest is None or status.km is None:
        held = f"{seat}, the seat of {party}, is held by {s.party_name(status.holder)}"
        if status.seat.lat is None or status.seat.lon is None:
            return f"{held} (it has no coordinates, so no distance is given)"
        hostile = any(
            (holder := p.holder) is not None and not s.allies(holder, status.party.id)
            for p in s.places
        )
        if not hostile:
            return f"{held}; no place is held by a side hostile to {party}"
        return f"{held}; no place held by a side hostile to {party} has coordinates"
    change = nearest.current
    assert change is not None
    holder = s.party_name(change.controller)
    sure = "" if change.confidence == "confirmed" else f" ({change.confidence})"
    return (
        f"Nearest place held by a side hostile to {party}: {words.place_title(nearest)}, "
        f"held by {holder}{sure}, {round(status.km):,} km from {seat}"
    )


def count_line(count: PartyCount, summary: ControlSummary, kind: str, pressure: str) -> str:
    """'The rebels: 17 of 34 provinces (16 confirmed, 1 claimed); 1 of them besieged'.

    The parts in brackets add up to the count held; contested places are never in
    it (they have a line of their own).
    """
    split = [
        f"{n:,} {label}"
        for n, label in (
            (count.confirmed, "confirmed"),
            (count.reported, "reported"),
            (count.claimed, "claimed"),
        )
        if n
    ]
    detail = "all confirmed" if count.confirmed == count.held else ", ".join(split)
    line = (
        f"{words.capitalized(count.name)}: {count.held:,} of {words.places(summary.total, kind)}"
        f" ({detail})"
    )
    return f"{line}; {pressure}" if pressure else line
