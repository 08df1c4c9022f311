"""What every section of the brief needs: the situation, the period and the citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitrep.brief.citations import Citations
from sitrep.model.entries import Evacuation, Place
from sitrep.model.situation import Situation


@dataclass
class BriefContext:
    """One brief being rendered. Sections must be rendered in reading order (citations)."""

    situation: Situation
    start: dt.date
    end: dt.date
    previous: Situation | None = None
    citations: Citations = field(init=False)

    def __post_init__(self) -> None:
        self.citations = Citations(self.situation.sources)

    @classmethod
    def build(
        cls, situation: Situation, since: dt.date | None, previous: Situation | None
    ) -> BriefContext:
        """The period runs from ``since`` (else the header's start) to the header's end or as-of."""
        header = situation.header
        start = since or header.period_from
        end = header.period_end or header.as_of
        return cls(situation, start, end, previous)

    def in_period(self, date: dt.date | None) -> bool:
        """Whether a date falls inside the period covered (both ends included)."""
        return date is not None and self.start <= date <= self.end

    def changed_hands(self) -> list[Place]:
        """Places whose holder has held them since a date in the period, in date order."""
        places = [p for p in self.situation.territory if self.in_period(p.since)]
        return sorted(places, key=lambda p: (p.since, p.label.casefold(), p.id))

    def new_evacuations(self) -> list[Evacuation]:
        """Evacuations announced in the period, in date order then by country."""
        found = [e for e in self.situation.evacuations if self.in_period(e.announced)]
        return sorted(found, key=lambda e: (e.announced, e.country.casefold(), e.country))

    def previous_holder(self, place: Place) -> str | None:
        """The place's holder in the previous report, when it was someone else."""
        if self.previous is None:
            return None
        old = next((p for p in self.previous.territory if p.id == place.id), None)
        if old is None or old.holder == place.holder:
            return None
        return old.holder
