"""'Changes since the previous report': the result of compare() in words."""

from __future__ import annotations

from sitrep.brief import control_text, figure_text, words
from sitrep.brief.escape import inline
from sitrep.brief.markdown import bullets, heading
from sitrep.model.derived.control import held_since
from sitrep.model.entries import FigureEntry, Note, Source
from sitrep.model.situation import Situation
from sitrep.model.versions.compare import Changes, FigureChange, PlaceChange, StatusChange, compare

NO_CHANGE = "No change since the previous report."


def changes_section(
    previous: Situation, situation: Situation, *, from_history: bool = False
) -> str:
    """``situation`` compared with ``previous``; says so outright when nothing changed.

    from_history: ``previous`` is this file's own history on the previous report's
    date (after ``sitrep next``), not a second file.
    """
    changes = compare(previous, situation)
    old = previous.header
    number = f", no. {old.report_number}" if old.report_number else ""
    intro = f"Compared with the previous report (as of {words.day(old.as_of)}{number})."
    title = heading(2, "Changes since the previous report")
    if from_history:
        name = f"report {old.report_number}" if old.report_number else "the previous report"
        title = heading(2, f"Changes since {name}")
        intro = (
            f"What this file records after {name} (as of {words.day(old.as_of)}), "
            "from its own histories."
        )
    if changes.entries_unchanged:
        return f"{title}\n\n{intro} {NO_CHANGE}"
    items = [_place_change(previous, situation, c) for c in changes.control.values()]
    items += [_figure_change(previous, situation, c) for c in changes.values]
    items += [
        inline(f"{c.actor}: embassy {words.say(c.old)} → {words.say(c.new)}")
        for c in changes.embassies
    ]
    items += [_status_change(c) for c in changes.statuses]
    items += _added_and_removed(changes, previous, situation)
    return f"{title}\n\n{intro}\n\n{bullets(items)}"


def _place_change(previous: Situation, situation: Situation, change: PlaceChange) -> str:
    """'Strelsau North: changed hands from the government to the Northern Front on 9 Mar 2024'.

    Only a change of holder is a change of hands; anything else (fighting, a
    siege, a confirmation) says what it is now and what it was.
    """
    old, new = change.old, change.new
    title = words.place_title(new)
    if change.holder_changed:
        was = previous.party_name(old.holder)
        now = situation.party_name(new.holder)
        since = held_since(new)
        when = f" on {words.day(since)}" if since else ""
        text = f"{title}: changed hands from {was} to {now}{when}"
        if new.state != "controlled":
            text += f"; now {control_text.state_phrase(situation, new.current)}"
    else:
        now = control_text.with_confidence(situation, new.current)
        was = control_text.with_confidence(previous, old.current)
        text = f"{title}: was {was}; now {now}"
    return inline(text)


def _figure_change(previous: Situation, situation: Situation, change: FigureChange) -> str:
    old = "none" if change.old is None else str(change.old)
    new = "none" if change.new is None else str(change.new)
    if change.section == "evacuations":
        what = f"{change.key}: troops for the evacuation"
    else:
        entry = _figure(situation, change.key) or _figure(previous, change.key)
        what = figure_text.label(entry) if entry else change.key
        if entry is not None:
            old = figure_text.amount(change.old, entry.unit) if change.old else old
            new = figure_text.amount(change.new, entry.unit) if change.new else new
    return inline(f"{what}: {old} → {new} ({change.delta})")


def _status_change(change: StatusChange) -> str:
    """'Freedonia: evacuation announced → under way'; none is 'no evacuation'."""

    def status(value: str) -> str:
        return "no evacuation" if value == "none" else f"evacuation {words.say(value)}"

    return inline(f"{change.actor}: {status(change.old)} → {status(change.new)}")


def _figure(situation: Situation, figure_id: str) -> FigureEntry | None:
    return next((f for f in situation.figures if f.id == figure_id), None)


def _added_and_removed(changes: Changes, previous: Situation, situation: Situation) -> list[str]:
    named: list[tuple[str, list[str], list[str]]] = [
        (
            "place",
            [words.place_title(p) for p in changes.places.added],
            [words.place_title(p) for p in changes.places.removed],
        ),
        (
            "evacuation entry",
            [e.actor for e in changes.evacuations.added],
            [e.actor for e in changes.evacuations.removed],
        ),
        (
            "figure",
            [figure_text.line(situation, d, d.latest) for d in changes.figures.added],
            [figure_text.line(previous, d, d.latest) for d in changes.figures.removed],
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
