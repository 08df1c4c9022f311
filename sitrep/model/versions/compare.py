"""Compare two situations: what changed between two reports. Imports no UI.

Entries are matched by key (keys.py): places, parties, sources and figures by
id, evacuations by actor (ignoring case), notes by date and text, and outlook
items by statement and author (ignoring case and spacing). An edited note or
outlook item therefore shows as one removed and one added.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from sitrep.model.entries import (
    Assessment,
    ControlChange,
    EmbassyStatus,
    Evacuation,
    EvacuationStatus,
    FigureEntry,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Header, Situation
from sitrep.model.versions.keys import entry_key

E = TypeVar("E")


@dataclass(frozen=True)
class EntryDiff(Generic[E]):
    """Entries only in the new situation (added) and only in the old one (removed)."""

    added: list[E] = field(default_factory=list)
    removed: list[E] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when nothing was added or removed."""
        return not self.added and not self.removed


@dataclass(frozen=True)
class HeaderChange:
    """One header field that differs, e.g. as_of."""

    field: str
    old: object
    new: object


def control_key(change: ControlChange | None) -> tuple[object, ...]:
    """What a reader sees of a place's control: state, who, how sure."""
    if change is None:
        return ()
    return (change.state, change.holder, tuple(change.parties), tuple(change.by), change.confidence)


@dataclass(frozen=True)
class PlaceChange:
    """A place in both situations whose control (state, holder, confidence) changed."""

    place_id: str
    old: Place
    new: Place

    @property
    def holder_changed(self) -> bool:
        """The place changed hands: both holders known and different."""
        return (
            self.old.holder is not None
            and self.new.holder is not None
            and self.old.holder != self.new.holder
        )

    @property
    def control_changed(self) -> bool:
        """The control state changed (controlled, contested, besieged...)."""
        return self.old.state != self.new.state

    @property
    def confidence_changed(self) -> bool:
        """Confirmed, reported or claimed changed."""
        old, new = self.old.current, self.new.current
        return (old and old.confidence) != (new and new.confidence)


@dataclass(frozen=True)
class FigureChange:
    """A figure (a figure entry's value, or troops) in both situations whose value changed."""

    section: Literal["figures", "evacuations"]
    key: str
    """The figure's id, or the evacuating actor as written in the new situation."""
    old: Figure | None
    new: Figure | None

    @property
    def exact_delta(self) -> int | None:
        """new - old when both are exact, else None."""
        if self.old and self.new and self.old.kind == self.new.kind == "exact":
            return (self.new.low or 0) - (self.old.low or 0)
        return None

    @property
    def delta(self) -> str:
        """The change in honest words: '+30,645', 'about +400', 'up by at least 1,001'."""
        return describe_delta(self.old, self.new)


@dataclass(frozen=True)
class EmbassyChange:
    """An actor whose embassy status changed."""

    actor: str
    old: EmbassyStatus
    new: EmbassyStatus


@dataclass(frozen=True)
class StatusChange:
    """An actor whose evacuation status changed (announced, under way, completed...)."""

    actor: str
    old: EvacuationStatus
    new: EvacuationStatus


@dataclass(frozen=True)
class Changes:
    """Everything that differs between an old and a new situation."""

    header: list[HeaderChange] = field(default_factory=list)
    control: dict[str, PlaceChange] = field(default_factory=dict)
    values: list[FigureChange] = field(default_factory=list)
    embassies: list[EmbassyChange] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)
    parties: EntryDiff[Party] = field(default_factory=EntryDiff)
    sources: EntryDiff[Source] = field(default_factory=EntryDiff)
    places: EntryDiff[Place] = field(default_factory=EntryDiff)
    evacuations: EntryDiff[Evacuation] = field(default_factory=EntryDiff)
    figures: EntryDiff[FigureEntry] = field(default_factory=EntryDiff)
    notes: EntryDiff[Note] = field(default_factory=EntryDiff)
    outlook: EntryDiff[Assessment] = field(default_factory=EntryDiff)

    @property
    def entries_unchanged(self) -> bool:
        """True when no entry changed (the header, e.g. as_of, may still differ)."""
        return (
            not self.control
            and not self.values
            and not self.embassies
            and not self.statuses
            and self.parties.is_empty
            and self.sources.is_empty
            and self.places.is_empty
            and self.evacuations.is_empty
            and self.figures.is_empty
            and self.notes.is_empty
            and self.outlook.is_empty
        )

    @property
    def is_empty(self) -> bool:
        """True when nothing at all changed, header included."""
        return not self.header and self.entries_unchanged


def compare(old: Situation, new: Situation) -> Changes:
    """What changed from ``old`` to ``new``; lists follow file order (new file, then old)."""
    places = _matched(old.places, new.places, entry_key("places"))
    evacuations = _matched(old.evacuations, new.evacuations, entry_key("evacuations"))
    figures_matched = _matched(old.figures, new.figures, entry_key("figures"))
    values = [
        FigureChange("figures", b.id, a.latest.value, b.latest.value)
        for a, b in figures_matched
        if not a.latest.value.same_value(b.latest.value)
    ]
    values += [
        FigureChange("evacuations", b.actor, a.troops, b.troops)
        for a, b in evacuations
        if not _same(a.troops, b.troops)
    ]
    return Changes(
        header=_header_changes(old.header, new.header),
        control={
            b.id: PlaceChange(b.id, a, b)
            for a, b in places
            if control_key(a.current) != control_key(b.current)
        },
        values=values,
        embassies=[
            EmbassyChange(b.actor, a.embassy, b.embassy)
            for a, b in evacuations
            if a.embassy != b.embassy
        ],
        statuses=[
            StatusChange(b.actor, a.status, b.status)
            for a, b in evacuations
            if a.status != b.status
        ],
        parties=_diff(old.parties, new.parties, entry_key("parties")),
        sources=_diff(old.sources, new.sources, entry_key("sources")),
        places=_diff(old.places, new.places, entry_key("places")),
        evacuations=_diff(old.evacuations, new.evacuations, entry_key("evacuations")),
        figures=_diff(old.figures, new.figures, entry_key("figures")),
        notes=_diff(old.notes, new.notes, entry_key("notes")),
        outlook=_diff(old.outlook, new.outlook, entry_key("outlook")),
    )


def _same(a: Figure | None, b: Figure | None) -> bool:
    return a is b or (a is not None and b is not None and a.same_value(b))


def describe_delta(old: Figure | None, new: Figure | None) -> str:
    """How a figure moved, in words no more precise than the figures themselves."""
    if _same(old, new):
        return "no change"
    if old is None or new is None:
        return "now given" if old is None else "no longer given"
    if not old.is_known or not new.is_known:
        if not old.is_known and not new.is_known:
            return "still not given"
        return "now given" if not old.is_known else "no longer given"
    assert old.low is not None and new.low is not None
    if old.kind == new.kind == "exact":
        return _signed(new.low - old.low)
    if {old.kind, new.kind} <= {"exact", "about", "nearly", "just_over"}:
        change = new.stated - old.stated
        return f"about {_signed(change)}" if change else "about the same"
    if old.high is None and new.high is None:
        return f"lower bound {_signed(new.low - old.low)}"
    if old.high is not None and new.low > old.high:
        return f"up by at least {new.low - old.high:,}"
    if new.high is not None and new.high < old.low:
        return f"down by at least {old.low - new.high:,}"
    return "change unclear from the stated figures"


def _signed(number: int) -> str:
    return f"+{number:,}" if number > 0 else f"-{-number:,}" if number < 0 else "0"


def _header_changes(old: Header, new: Header) -> list[HeaderChange]:
    return [
        HeaderChange(name, getattr(old, name), getattr(new, name))
        for name in Header.model_fields
        if getattr(old, name) != getattr(new, name)
    ]


def _index(entries: Sequence[E], key: Callable[[E], Hashable]) -> dict[Hashable, E]:
    """Entries by key; with duplicate keys the first entry wins."""
    indexed: dict[Hashable, E] = {}
    for entry in entries:
        indexed.setdefault(key(entry), entry)
    return indexed


def _matched(old: Sequence[E], new: Sequence[E], key: Callable[[E], Hashable]) -> list[tuple[E, E]]:
    """(old, new) pairs of entries with the same key, in the new file's order."""
    before = _index(old, key)
    return [(before[k], entry) for k, entry in _index(new, key).items() if k in before]


def _diff(old: Sequence[E], new: Sequence[E], key: Callable[[E], Hashable]) -> EntryDiff[E]:
    before, after = _index(old, key), _index(new, key)
    return EntryDiff(
        added=[entry for k, entry in after.items() if k not in before],
        removed=[entry for k, entry in before.items() if k not in after],
    )
