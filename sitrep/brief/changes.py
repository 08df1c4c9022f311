"""'Changes since the previous report': the result of compare() in words."""

from __future__ import annotations

from sitrep.brief import words
from sitrep.brief.escape import inline
from sitrep.brief.markdown import bullets, heading
from sitrep.model.compare import Changes, FigureChange, PlaceChange, compare
from sitrep.model.entries import Displacement, Note, Source
from sitrep.model.situation import Situation

NO_CHANGE = "No change since the previous report."


def changes_section(previous: Situation, situation: Situation) -> str:
    """``situation`` compared with ``previous``; says so outright when nothing changed."""
    changes = compare(previous, situation)
    old = previous.header
    number = f", no. {old.report_number}" if old.report_number else ""
    intro = f"Compared with the previous report (as of {words.day(old.as_of)}{number})."
    title = heading(2, "Changes since the previous report")
    if changes.entries_unchanged:
        return f"{title}\n\n{intro} {NO_CHANGE}"
    items = [_place_change(previous, situation, c) for c in changes.places.values()]
    items += [_figure_change(previous, situation, c) for c in changes.figures]
    items += [
        inline(f"{c.country}: embassy {words.say(c.old)} → {words.say(c.new)}")
        for c in changes.embassies
    ]
    items += _added_and_removed(changes)
    return f"{title}\n\n{intro}\n\n{bullets(items)}"


def _place_change(previous: Situation, situation: Situation, change: PlaceChange) -> str:
    old, new = change.old, change.new
    parts = []
    if change.holder_changed:
        was = words.party_name(previous, old.holder)
        now = words.party_name(situation, new.holder)
        when = f" on {words.day(new.since)}" if new.since else ""
        parts.append(f"changed hands from {was} to {now}{when}")
    if change.control_changed:
        parts.append(f"control {old.control} → {new.control}")
    if change.confidence_changed:
        parts.append(f"confidence {old.confidence} → {new.confidence}")
    return inline(f"{words.place_title(new)}: {'; '.join(parts)}")


def _figure_change(previous: Situation, situation: Situation, change: FigureChange) -> str:
    old = "none" if change.old is None else str(change.old)
    new = "none" if change.new is None else str(change.new)
    if change.section == "evacuations":
        what = f"{change.key}: troops"
    else:
        entry = _displacement(situation, change.key) or _displacement(previous, change.key)
        what = words.capitalized(words.displacement_scope(entry)) if entry else change.key
        unit = entry.unit if entry else "people"
        new = words.figure_with_unit(change.new, unit) if change.new else new
    return inline(f"{what}: {old} → {new} ({change.delta})")


def _displacement(situation: Situation, figure_id: str) -> Displacement | None:
    return next((d for d in situation.displacement if d.id == figure_id), None)


def _added_and_removed(changes: Changes) -> list[str]:
    named: list[tuple[str, list[str], list[str]]] = [
        (
            "place",
            [words.place_title(p) for p in changes.territory.added],
            [words.place_title(p) for p in changes.territory.removed],
        ),
        (
            "evacuation",
            [e.country for e in changes.evacuations.added],
            [e.country for e in changes.evacuations.removed],
        ),
        (
            "displacement figure",
            [words.displacement_line(d) for d in changes.displacement.added],
            [words.displacement_line(d) for d in changes.displacement.removed],
        ),
        (
            "note",
            [f"{words.day(n.date)}: {n.text}" for n in _by_date(changes.notes.added)],
            [f"{words.day(n.date)}: {n.text}" for n in _by_date(changes.notes.removed)],
        ),
        (
            "outlook item",
            [f"{a.by}: {a.statement}" for a in changes.outlook.added],
            [f"{a.by}: {a.statement}" for a in changes.outlook.removed],
        ),
        (
            "party",
            [p.name for p in changes.parties.added],
            [p.name for p in changes.parties.removed],
        ),
        (
            "source",
            [_source_label(s) for s in changes.sources.added],
            [_source_label(s) for s in changes.sources.removed],
        ),
    ]
    items = []
    for what, added, removed in named:
        items += [f"New {what}: {inline(text)}" for text in added]
        items += [f"Removed {what}: {inline(text)}" for text in removed]
    return items


def _source_label(source: Source) -> str:
    return f"{source.publisher}: {source.title}" if source.title else source.publisher


def _by_date(notes: list[Note]) -> list[Note]:
    return sorted(notes, key=lambda n: n.date)
