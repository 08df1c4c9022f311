"""Who holds what, at any date: control counts derived from the places' histories."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.model.entries import ControlChange, ControlState, Place
from sitrep.model.situation import Situation


def change_on(place: Place, day: dt.date | None) -> ControlChange | None:
    """The control in force on day (None: as it stands); fast when the last change applies."""
    control = place.control
    if not control:
        return None
    last = control[-1]
    if last.retracted is None and (day is None or last.date is None or last.date <= day):
        return last
    return place.change_on(day)


@dataclass
class PartyCount:
    """How many places one party holds, split by how sure we are, and where it fights."""

    party_id: str
    name: str
    held: int = 0
    confirmed: int = 0
    reported: int = 0
    claimed: int = 0
    under_pressure: int = 0
    """Of the places it holds, how many are besieged, encircled or only partly held."""
    contested: int = 0
    """Contested places it is named in (not counted as held)."""


@dataclass
class ControlSummary:
    """Control of a set of places: held by each party, contested, unclear, not stated."""

    total: int
    parties: list[PartyCount] = field(default_factory=list)
    contested: int = 0
    unclear: int = 0
    unstated: int = 0

    def of(self, party_id: str) -> PartyCount | None:
        """The count for one party."""
        return next((c for c in self.parties if c.party_id == party_id), None)

    @property
    def holding(self) -> list[PartyCount]:
        """Parties that hold at least one place, most places first (file order on ties)."""
        order = {c.party_id: i for i, c in enumerate(self.parties)}
        held = [c for c in self.parties if c.held]
        return sorted(held, key=lambda c: (-c.held, order[c.party_id]))


def control_summary(
    s: Situation,
    *,
    day: dt.date | None = None,
    places: list[Place] | None = None,
    changes: Iterable[ControlChange | None] | None = None,
) -> ControlSummary:
    """Count places per holder on day (None: as they stand), parties in file order.

    ``changes``: the control of each of ``places`` on day, when the caller has it.
    """
    chosen = s.places if places is None else places
    summary = ControlSummary(total=len(chosen))
    tally: Held = Counter()
    contested: Counter[str] = Counter()
    for change in (change_on(p, day) for p in chosen) if changes is None else changes:
        if change is None:
            summary.unstated += 1
            continue
        state = change.state
        if state == "contested":
            summary.contested += 1
            for party in change.parties:
                contested[party] += 1
        elif state == "unclear":
            summary.unclear += 1
        else:
            tally[(change.holder, change.confidence, state)] += 1
    summary.parties = party_counts(s, tally, contested)
    return summary


Held = Counter[tuple[str | None, str, ControlState]]
"""Places held, by (holder, confidence, state)."""


def party_counts(s: Situation, held: Held, contested: Counter[str]) -> list[PartyCount]:
    """Each party's count from places held and contested: the situation's parties in file
    order, then any other id named (counts of zero or less are left out)."""
    counts = {p.id: PartyCount(p.id, p.prose) for p in s.parties}
    for (holder, confidence, state), n in held.items():
        if n <= 0:
            continue
        assert holder is not None
        count = counts.get(holder)
        if count is None:
            count = counts[holder] = PartyCount(holder, holder)
        count.held += n
        setattr(count, confidence, getattr(count, confidence) + n)
        if state != "controlled":
            count.under_pressure += n
    for party, n in contested.items():
        if n <= 0:
            continue
        if party not in counts:
            counts[party] = PartyCount(party, party)
        counts[party].contested += n
    return list(counts.values())


def controlled_places(s: Situation) -> list[Place]:
    """Places whose control is stated at all (the ones the counts are about)."""
    return [p for p in s.places if p.control]


def headline_places(s: Situation) -> tuple[str, list[Place]]:
    """The kind of place the headline counts, and those places (the most common kind).

    A situation may list provinces, the cities in them and an airport: the counts
    people read ("18 of 34 provinces") are of the most common kind among places
    with stated control ("other" when kinds are not given).
    """
    stated = controlled_places(s)
    if not stated:
        return "other", []
    kind = headline_kind(Counter(p.kind for p in stated))
    return kind, [p for p in stated if p.kind == kind]


def headline_kind(kinds: Counter[str]) -> str:
    """The kind headline_places counts, from the places with stated control counted by kind."""
    return min(kinds, key=lambda k: (-kinds[k], k == "other", k)) if kinds else "other"


@dataclass(frozen=True)
class HandChange:
    """A place that changed hands: from one holder to another, by a dated change."""

    place: Place
    change: ControlChange
    before: str
    after: str


def changed_hands(s: Situation, start: dt.date, end: dt.date) -> list[HandChange]:
    """Places whose holder really changed between start and end (inclusive), oldest first.

    A change counts only when the controller before it and after it are both known
    and differ: fighting breaking out (contested), a siege or a confirmation of the
    same holder are not changes of hands. A retracted claim is not a change.
    """
    return hands_and_gains(s, start, end)[0]


@dataclass(frozen=True)
class ControlGain:
    """A place whose control by a party began on a dated change, no earlier holder recorded."""

    place: Place
    change: ControlChange
    holder: str


def gained_control(s: Situation, start: dt.date, end: dt.date) -> list[ControlGain]:
    """Places that came under a party's control between start and end, none holding them before.

    The history says who holds the place from that date, but not who (if anyone)
    held it earlier: a first dated change, or control after a contested spell
    with no holder on record. These did not "change hands" (no earlier holder is
    known); they came under that party's control. Oldest first.
    """
    return hands_and_gains(s, start, end)[1]


def hands_and_gains(
    s: Situation,
    start: dt.date,
    end: dt.date,
    dated: Iterable[tuple[Place, ControlChange]] | None = None,
) -> tuple[list[HandChange], list[ControlGain]]:
    """changed_hands and gained_control of one period, from one pass over the histories.

    ``dated``: the changes dated in the period and not retracted by its end, when
    the caller has them already (else every history is read for them).
    """
    hands: list[HandChange] = []
    gains: list[ControlGain] = []
    for place, change in _period_changes(s, start, end) if dated is None else dated:
        after = change.controller
        if after is None:
            continue
        previous = controller_before(place, change)
        if previous is not None and previous != after:
            hands.append(HandChange(place, change, previous, after))
        elif previous is None and change.state == "controlled":
            gains.append(ControlGain(place, change, after))
    hands.sort(key=lambda h: (h.change.date, h.place.name))
    gains.sort(key=lambda g: (g.change.date, g.place.name))
    return hands, gains


def _period_changes(
    s: Situation, start: dt.date, end: dt.date
) -> Iterator[tuple[Place, ControlChange]]:
    """(place, change) of each change dated in the period and not retracted by its end."""
    for place in s.places:
        for change in place.control:
            if change.date is None or not start <= change.date <= end:
                continue
            if change.retracted is not None and change.retracted <= end:
                continue
            yield place, change


def current_hold(place: Place, day: dt.date | None = None) -> list[ControlChange]:
    """The changes of the current holder's unbroken hold, oldest first ([] when not held).

    A confirmation, a siege or a partial loss by the same holder does not break
    it; a contested spell, an unclear one or another holder does.
    """
    change = change_on(place, day)
    if change is None or change.controller is None:
        return []
    run = [change]
    earlier = place.previous_change(change)
    while earlier is not None and earlier.controller == change.controller:
        run.append(earlier)
        earlier = place.previous_change(earlier)
    return run[::-1]


def held_since(place: Place, day: dt.date | None = None) -> dt.date | None:
    """When the current holder's unbroken hold began (None: not held, or held before records).

    A claimed capture on 15 Aug confirmed on 16 Aug has been held since 15 Aug.
    """
    run = current_hold(place, day)
    return run[0].date if run else None


def controller_before(place: Place, change: ControlChange) -> str | None:
    """The last known holder before this change began (contested spells, retractions skipped)."""
    index = next(i for i, c in enumerate(place.control) if c is change)
    for earlier in reversed(place.control[:index]):
        if earlier.retracted is not None and (
            change.date is None or earlier.retracted <= change.date
        ):
            continue
        if earlier.controller is not None:
            return earlier.controller
    return None
