"""Marks, styles and short words that carry meaning, the same in every pane.

Party colors come from sitrep.geo.palette (shared with the map and the SVG):
by position in the parties list, so the first party is always orange and the
second always blue, whatever the theme. Confidence and the state of control are
shown by shape as well as style (the map's glyphs), so they survive a
monochrome terminal.
"""

from __future__ import annotations

from sitrep.geo.marks import GLYPHS, change_kind
from sitrep.geo.palette import UNKNOWN_HOLDER_COLOR, holder_color
from sitrep.model.derived.freshness import Freshness
from sitrep.model.entries import Confidence, ControlChange
from sitrep.model.situation import Situation

CONFIDENCE_MARK: dict[Confidence, str] = {
    "confirmed": GLYPHS["confirmed"],
    "reported": GLYPHS["reported"],
    "claimed": GLYPHS["claimed"],
}
"""How sure we are that a place is held, drawn as on the map (● ◆ ○)."""
CONTESTED_MARK = GLYPHS["contested"]
SEAT_MARK = GLYPHS["seat"]

CONFIDENCE_STYLE: dict[Confidence, str] = {
    "confirmed": "",
    "reported": "italic",
    "claimed": "italic dim",
}

FRESHNESS_WORDS: dict[Freshness, str] = {
    "up_to_date": "up to date",
    "due": "due",
    "overdue": "overdue",
    "unknown": "never",
}
"""An entry's freshness (HDX's words), 'never' when it was never confirmed."""
FRESHNESS_STYLE: dict[Freshness, str] = {
    "up_to_date": "#56d364",
    "due": "bold #e3b341",
    "overdue": "bold #f85149",
    "unknown": "bold #f85149",
}
"""Green, amber, red: the theme's success, warning and error colours."""

_UNDER_PRESSURE = {"besieged": "besieged by", "encircled": "encircled by"}


def party_color(situation: Situation, party_id: str | None) -> str:
    """A party's hex colour (grey for no party, or one that is not listed)."""
    return UNKNOWN_HOLDER_COLOR if party_id is None else holder_color(situation, party_id)


def party_name(situation: Situation, party_id: str | None, *, short: bool = True) -> str:
    """A party's short name (or full name), or its id when it is not defined."""
    if party_id is None:
        return ""
    party = situation.party(party_id)
    if party is None:
        return party_id
    return party.label if short else party.name


def party_names(situation: Situation, party_ids: list[str], *, short: bool = True) -> str:
    """'Army, RSF': parties named once each, in order."""
    return ", ".join(party_name(situation, p, short=short) for p in dict.fromkeys(party_ids))


def control_label(situation: Situation, change: ControlChange | None, *, short: bool = True) -> str:
    """Control in a few words: 'Taliban', '◐ contested: Army, RSF', '◉ Gov., besieged by X'.

    A place simply held reads as its holder (the confidence has its own mark);
    every other state starts with its map glyph. Empty when no control is stated.
    """
    if change is None:
        return ""
    glyph = GLYPHS[change_kind(change)]
    state = change.state
    if state == "unclear":
        return f"{glyph} unclear"
    if state == "contested":
        return f"{glyph} contested: {party_names(situation, change.parties, short=short)}"
    holder = party_name(situation, change.holder, short=short)
    if state in _UNDER_PRESSURE:
        by = party_names(situation, change.by, short=short)
        return f"{glyph} {holder}, {_UNDER_PRESSURE[state]} {by}"
    if state == "partial":
        others = [p for p in change.parties if p != change.holder]
        also = f"; also {party_names(situation, others, short=short)}" if others else ""
        return f"{glyph} {holder}, partly{also}"
    return holder


def control_style(situation: Situation, change: ControlChange | None) -> str | None:
    """The holder's colour (bold), in italics when the control is only reported or claimed."""
    if change is None:
        return None
    if change.controller is None:
        return "bold"
    sure = CONFIDENCE_STYLE[change.confidence]
    return f"bold {party_color(situation, change.controller)} {sure}".strip()


def seat_ids(situation: Situation) -> set[str]:
    """The places that are the seat of an active party."""
    return {p.seat for p in situation.parties if p.seat is not None and p.status == "active"}


def headline_seat(situation: Situation) -> str | None:
    """The first active party's seat (the brief's headline seat), else any party's."""
    seats = [(p.status != "active", p.seat) for p in situation.parties if p.seat is not None]
    return min(seats, key=lambda s: s[0])[1] if seats else None
