"""Marks and styles that carry meaning, the same in every pane.

Party colors come from sitrep.geo.palette (shared with the map and the SVG):
by position in the parties list, so the first party (the Taliban in the sample)
is always orange and the second (the government) always blue, whatever the
theme. Confidence is shown by shape as well as style, so it survives a
monochrome terminal.
"""

from __future__ import annotations

from sitrep.geo.marks import GLYPHS
from sitrep.geo.palette import holder_color as party_color
from sitrep.model.entries import Confidence
from sitrep.model.situation import Situation

__all__ = [
    "CONFIDENCE_MARK",
    "CONFIDENCE_STYLE",
    "CONTESTED_MARK",
    "SEAT_MARK",
    "party_color",
    "party_name",
]

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


def party_name(situation: Situation, party_id: str, *, short: bool = True) -> str:
    """A party's short name (or full name), or its id when it is not defined."""
    party = situation.party(party_id)
    if party is None:
        return party_id
    return (party.short or party.name) if short else party.name
