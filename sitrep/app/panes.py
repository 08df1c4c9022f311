"""How sections are laid out in panes, and the order tab walks through them."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.model.sections import REGISTRY, Section

BRIEF = "brief"
"""The tab stop of the Brief pane (it has no section)."""
MAP = "map"
"""The tab stop of the Map pane (it shows the places section's places)."""
TIMELINE = "timeline"
"""The tab stop of the Timeline pane (control over time, and the changes by date)."""


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
    Pane(TIMELINE, "Timeline"),
)

SECTION_TITLES: dict[str, str] = {info.name: info.title for info in REGISTRY}

STOPS: tuple[str, ...] = tuple(stop for pane in PANES for stop in pane.stops)
"""Every place tab stops at, in order: each table, then the brief and the map."""


def pane_of(stop: str) -> Pane:
    """The pane showing a section (or the brief)."""
    return next(pane for pane in PANES if stop in pane.sections or pane.id == stop)


class Stops:
    """Where the user works (a section's table, the brief or the map), and the table last
    used in each pane (number keys go back to it; its detail is the one shown)."""

    def __init__(self, start: str = STOPS[0]) -> None:
        self.current = start
        self._last = {pane.id: pane.stops[0] for pane in PANES}
        self._last[pane_of(start).id] = start

    def move(self, stop: str) -> bool:
        """The user works at stop now; False if they already did."""
        if stop == self.current:
            return False
        self.current = stop
        self._last[pane_of(stop).id] = stop
        return True

    def last_in(self, pane_id: str) -> str:
        """The stop last used in a pane (its first one at the start)."""
        return self._last[pane_id]

    def step(self, offset: int) -> str:
        """The stop offset places along the tab order from the current one (wrapping)."""
        return STOPS[(STOPS.index(self.current) + offset) % len(STOPS)]

    @property
    def on_table(self) -> bool:
        """True at a section's table (not at the brief or the map)."""
        return self.current not in (BRIEF, MAP, TIMELINE)
