"""How sections are laid out in panes, and the order tab walks through them."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.model.sections import REGISTRY, Section

BRIEF = "brief"
"""The tab stop of the Brief pane (it has no section)."""
MAP = "map"
"""The tab stop of the Map pane (it shows the places section's places)."""


@dataclass(frozen=True)
class Pane:
    """One tab of the main screen and the sections it shows, top to bottom.

    A pane with no sections is a single tab stop named by its id (brief, map).
    """

    id: str
    title: str
    sections: tuple[Section, ...] = ()

    @property
    def stops(self) -> tuple[str, ...]:
        """Where tab stops in this pane: each table, or the pane itself."""
        return self.sections or (self.id,)


PANES: tuple[Pane, ...] = (
    Pane("places", "Places", ("places",)),
    Pane("evacuations", "Evacuations", ("evacuations",)),
    Pane("humanitarian", "Figures & notes", ("figures", "notes")),
    Pane("outlook", "Outlook & sources", ("outlook", "sources", "parties")),
    Pane(BRIEF, "Brief"),
    Pane(MAP, "Map"),
)

SECTION_TITLES: dict[str, str] = {info.name: info.title for info in REGISTRY}

STOPS: tuple[str, ...] = tuple(stop for pane in PANES for stop in pane.stops)
"""Every place tab stops at, in order: each table, then the brief and the map."""


def pane_of(stop: str) -> Pane:
    """The pane showing a section (or the brief)."""
    return next(pane for pane in PANES if stop in pane.sections or pane.id == stop)
