"""What every section of the brief needs: the situation, the period and the citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from sitrep.brief.census import Census, Standing, take_census
from sitrep.brief.citations import Citations
from sitrep.brief.limits import LIST_LIMIT
from sitrep.model.derived.control import (
    ControlGain,
    ControlSummary,
    HandChange,
    change_on,
    control_summary,
    current_hold,
    hands_and_gains,
    headline_kind,
)
from sitrep.model.derived.derive import FigureLine, SeatStatus, figure_headlines, seat_statuses
from sitrep.model.entries import Evacuation, Place
from sitrep.model.kinds.places import ControlChange
from sitrep.model.situation import Situation


@dataclass
class BriefContext:
    """One brief being rendered. Sections must be rendered in reading order (citations)."""

    situation: Situation
    start: dt.date
    end: dt.date
    previous: Situation | None = None
    limit: int = LIST_LIMIT
    """Items one list shows in full (see limits.py); above it the list is summarised."""
    source_name: str | None = None
    """The situation file's name, for the export command a summarised list points to."""
    citations: Citations = field(init=False)
    _holds: dict[str, list[ControlChange]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError(f"a brief's list limit must be at least 1, not {self.limit}")
        self.citations = Citations(self.situation.sources)

    def current(self, place: Place) -> ControlChange | None:
        """The place's control as it stands (Place.current, by the fast path of change_on)."""
        return change_on(place, None)

    @cached_property
    def census(self) -> Census:
        """Every place's control now and its changes in the period, from one pass (census.py)."""
        return take_census(self.situation.places, self.start, self.end)

    @property
    def standing(self) -> list[Standing]:
        """Every place with its control as it stands, in file order (see census.py)."""
        return self.census.standing

    def hold(self, place: Place) -> list[ControlChange]:
        """current_hold(place), worked out once per brief (several columns show it)."""
        hold = self._holds.get(place.id)
        if hold is None:
            hold = self._holds[place.id] = current_hold(place)
        return hold

    @classmethod
    def build(
        cls,
        situation: Situation,
        since: dt.date | None,
        previous: Situation | None,
        *,
        limit: int = LIST_LIMIT,
        source_name: str | None = None,
    ) -> BriefContext:
        """The period runs from ``since`` (else the header's start) to the header's end or as-of."""
        header = situation.header
        start = since or header.period_from
        end = header.period_end or header.as_of
        return cls(situation, start, end, previous, limit, source_name)

    def in_period(self, date: dt.date | None) -> bool:
        """Whether a date falls inside the period covered (both ends included)."""
        return date is not None and self.start <= date <= self.end

    @cached_property
    def place_names(self) -> dict[str, str]:
        """Each place's name by id (the first place with an id wins, as Situation.place does)."""
        names: dict[str, str] = {}
        for place in self.situation.places:
            names.setdefault(place.id, place.name)
        return names

    @cached_property
    def headline_standing(self) -> tuple[str, list[Standing]]:
        """headline_places from the census: the kind the counts are of, and those places."""
        kind = headline_kind(self.census.stated_kinds)
        return kind, [st for st in self.standing if st.stated and st.kind == kind]

    @cached_property
    def headline(self) -> tuple[str, list[Place]]:
        """The kind of place the counts are of, and those places (see headline_places)."""
        kind, chosen = self.headline_standing
        return kind, [st.place for st in chosen]

    @cached_property
    def seats(self) -> list[SeatStatus]:
        """Each seat of government's status (seat_statuses; key figures and highlights)."""
        return seat_statuses(self.situation)

    @cached_property
    def summary(self) -> ControlSummary | None:
        """Control of the headline places as they stand (None: no place has control stated)."""
        _, chosen = self.headline_standing
        if not chosen:
            return None
        places, changes = [st.place for st in chosen], [st.current for st in chosen]
        return control_summary(self.situation, places=places, changes=changes)

    @cached_property
    def _moves(self) -> tuple[list[HandChange], list[ControlGain]]:
        dated = ((place, change) for _, place, change, gone in self.census.events if not gone)
        return hands_and_gains(self.situation, self.start, self.end, dated)

    @property
    def hands(self) -> list[HandChange]:
        """Places whose holder really changed in the period, oldest first (changed_hands)."""
        return self._moves[0]

    @property
    def gains(self) -> list[ControlGain]:
        """Places that came under a party's control in the period, no earlier holder recorded."""
        return self._moves[1]

    @cached_property
    def figures(self) -> list[FigureLine]:
        """Each figure's latest value known on the report's date; in-period values first."""
        s = self.situation
        return figure_headlines(s, self.start, s.header.as_of)

    def new_evacuations(self) -> list[Evacuation]:
        """Evacuations (not embassy changes only) announced in the period, by date then actor."""
        found = [
            e for e in self.situation.evacuations if e.is_evacuation and self.in_period(e.announced)
        ]
        return sorted(found, key=lambda e: (e.announced, e.actor.casefold(), e.actor))

    def embassy_changes(self) -> list[Evacuation]:
        """Entries whose embassy status was set in the period, by date then actor."""
        found = [
            e
            for e in self.situation.evacuations
            if e.embassy != "unknown" and self.in_period(embassy_date(e))
        ]
        return sorted(found, key=lambda e: (embassy_date(e), e.actor.casefold(), e.actor))


def embassy_date(evacuation: Evacuation) -> dt.date | None:
    """When the embassy's status began: its own date, else an embassy-only entry's announcement."""
    if evacuation.embassy_since is not None:
        return evacuation.embassy_since
    return evacuation.announced if not evacuation.is_evacuation else None
