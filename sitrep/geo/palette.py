"""One palette for parties, shared by the TUI, the SVG map and anything else. No Textual.

Colours come from the Okabe-Ito palette, which stays distinguishable under the
common kinds of colour blindness. The first two (orange, sky blue) are far apart
for every kind and readable on both dark terminals and white paper, so the two
parties of a two-sided conflict (the first two in the file) get them.
"""

from __future__ import annotations

from sitrep.model.situation import Situation

PARTY_PALETTE: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
)
"""Party colours by the party's position in the file's `parties` list (then repeating)."""

UNKNOWN_HOLDER_COLOR = "#999999"
"""For a holder that names no listed party (the checks normally prevent it)."""


def party_color(index: int) -> str:
    """The hex colour (#RRGGBB) of the party at this position in `parties`."""
    return PARTY_PALETTE[index % len(PARTY_PALETTE)]


def party_colors(situation: Situation) -> dict[str, str]:
    """Party id to hex colour, for every listed party."""
    return {party.id: party_color(i) for i, party in enumerate(situation.parties)}


def holder_color(situation: Situation, holder: str) -> str:
    """The colour of a place's holder (grey when the holder is not a listed party)."""
    for i, party in enumerate(situation.parties):
        if party.id == holder:
            return party_color(i)
    return UNKNOWN_HOLDER_COLOR
