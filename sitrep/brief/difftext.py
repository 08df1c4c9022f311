"""What changed between two versions of a situation, in words: `sitrep diff`.

One line per difference (model/versions/diff.py), naming the entry the way a desk does:

    Kandahar: control: Government → Taliban (since 12 Aug 2021)
    figure ocha-idps: 389,645 → 550,000 (as of 20 Aug 2021)
    evacuation United States: status: announced → under way
    added place Kabul (kabul)
    removed source cnn-kamin

Plain text, not escaped: the CLI prints it through cli.output.say.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, JsonValue

from sitrep.brief import words
from sitrep.model.conflicts import Conflict, dotted
from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import (
    Assessment,
    ControlChange,
    FigureEntry,
    FigurePoint,
    Note,
    Party,
    Place,
)
from sitrep.model.numbers.figure import Figure
from sitrep.model.report import PastReport
from sitrep.model.sections import SECTION
from sitrep.model.situation import Situation
from sitrep.model.versions.diff import Difference
from sitrep.model.versions.keys import history
from sitrep.model.versions.values import SHOWN, one_line


def diff_lines(old: Situation, new: Situation, found: list[Difference]) -> list[str]:
    """Each difference as one line of words."""
    return [line(old, new, d) for d in found]


def line(old: Situation, new: Situation, d: Difference) -> str:
    """One difference in words."""
    entry = d.after if d.after is not None else d.before
    assert entry is not None
    if d.section != "header" and not d.path:
        noun = SECTION[d.section].noun
        return f"{d.change} {noun} {_named(d.section, entry)}"
    label = "header" if d.section == "header" else label_of(d.section, entry)
    field = str(d.path[0])
    if history(type(entry), field) is not None and len(d.path) >= 2:
        return f"{label}: {_part(old if d.change == 'removed' else new, d)}"
    return f"{label}: {_field_change(d, 0)}"


def label_of(section: str, entry: BaseModel) -> str:
    """How a line names an entry: 'Kandahar', 'figure ocha-idps', 'evacuation United States'."""
    if isinstance(entry, Place):
        return entry.name
    if isinstance(entry, Note):
        return f"note of {words.day(entry.date)}"
    if isinstance(entry, Assessment):
        return f"outlook item by {_cut(entry.by)}"
    if isinstance(entry, Party):
        return f"party {entry.name}"
    return f"{SECTION[section].noun} {_named(section, entry)}"


def _named(section: str, entry: BaseModel) -> str:
    """An entry added or removed: 'Kabul (kabul)', 'cnn-kamin', 'of 13 Aug 2021: text…'."""
    if isinstance(entry, Place | Party):
        return f"{entry.name} ({entry.id})"
    if isinstance(entry, Note):
        return f"of {words.day(entry.date)}: {_cut(entry.text)}"
    if isinstance(entry, Assessment):
        return f"by {_cut(entry.by)}: {_cut(entry.statement)}"
    if isinstance(entry, Conflict):
        return f"at {dotted(entry.path)}"
    key = SECTION[section].key
    return str(getattr(entry, key)) if key else ""


def _part(situation: Situation, d: Difference) -> str:
    """A part of a history added, removed or edited (its index is in the version that has it)."""
    entry = d.before if d.change == "removed" else d.after
    field, index = str(d.path[0]), d.path[1]
    parts = getattr(entry, field)
    assert isinstance(index, int) and 0 <= index < len(parts)
    part = parts[index]
    if isinstance(part, ControlChange):
        assert isinstance(entry, Place)
        return _control(situation, entry, part, d)
    if isinstance(part, FigurePoint):
        assert isinstance(entry, FigureEntry)
        return _point(entry, index, part, d)
    assert isinstance(part, PastReport)
    named = f"report {part.report_number or ''} of {words.day(part.as_of)}".replace("  ", " ")
    if len(d.path) == 2:
        return f"past reports: {d.change} {named}"
    return f"past {named}: {_field_change(d, 2)}"


def _control(situation: Situation, place: Place, change: ControlChange, d: Difference) -> str:
    when = words.day(change.date) if change.date else "before records begin"
    if len(d.path) > 2:
        return f"control on {when}: {_field_change(d, 2)}"
    now = controller(situation, change)
    if d.change == "removed":
        return f"control: removed change on {when} ({now})"
    previous = place.previous_change(change)
    if previous is not None and change.date is not None:
        was = controller(situation, previous)
        if was != now:
            return f"control: {was} → {now} (since {when})"
    return f"control: added change on {when}: {now}"


def controller(s: Situation, change: ControlChange) -> str:
    """Who holds a place after a change, in short: 'Taliban', 'contested (A, B)'."""
    state = change.state
    if state == "unclear":
        text = "unclear"
    elif state == "contested":
        text = f"contested ({', '.join(_party(s, p) for p in change.parties)})"
    else:
        text = _party(s, change.holder)
        if state in ("besieged", "encircled"):
            text += f", {state} by {', '.join(_party(s, p) for p in change.by)}"
        elif state == "partial":
            text = f"partly {text}"
    if change.confidence != "confirmed":
        text += f" ({change.confidence})"
    return text


def _party(s: Situation, party_id: str | None) -> str:
    party = s.party(party_id)
    if party is None:
        return str(party_id)
    return party.short or party.name


def _point(entry: FigureEntry, index: int, point: FigurePoint, d: Difference) -> str:
    when = f"as of {point.as_of}" if point.as_of.first is not None else "date not known"
    if len(d.path) > 2:
        return f"value {when}: {_field_change(d, 2)}"
    if d.change == "removed":
        return f"removed value {point.value} ({when})"
    if index > 0:
        return f"{entry.series[index - 1].value} → {point.value} ({when})"
    return f"first value {point.value} ({when})"


def _field_change(d: Difference, skip: int) -> str:
    """'name: North City → North', 'note: set to ...', 'sources: added s2; removed s1'."""
    where = ".".join(str(p) for p in d.path[skip:])
    if isinstance(d.old, list) or isinstance(d.new, list):
        return f"{where}: {_list_change(d.old, d.new)}"
    before, after = _shown(d, d.old), _shown(d, d.new)
    if d.change == "added":
        return f"{where}: set to {after}"
    if d.change == "removed":
        return f"{where}: {before} removed"
    return f"{where}: {before} → {after}"


def _list_change(old: JsonValue, new: JsonValue) -> str:
    before = [one_line(v) for v in old] if isinstance(old, list) else []
    after = [one_line(v) for v in new] if isinstance(new, list) else []
    added = [v for v in after if v not in before]
    removed = [v for v in before if v not in after]
    said = []
    if added:
        said.append(f"added {', '.join(added)}")
    if removed:
        said.append(f"removed {', '.join(removed)}")
    return "; ".join(said) or "reordered"


def _shown(d: Difference, value: JsonValue) -> str:
    """A value as people read it: figures with separators, dates as '12 Aug 2021'."""
    kind = _at(d.after if d.new is not None else d.before, d.path)
    try:
        if isinstance(kind, Figure):
            return str(Figure.parse(value))
        if isinstance(kind, FuzzyDate):
            return str(FuzzyDate.parse(value))
        if isinstance(kind, dt.date) and isinstance(value, str):
            return words.day(dt.date.fromisoformat(value))
    except ValueError:
        pass
    return _cut(one_line(value))


def _at(obj: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        if obj is None:
            return None
        if isinstance(part, int):
            obj = obj[part] if isinstance(obj, list) and 0 <= part < len(obj) else None
        else:
            obj = getattr(obj, part, None)
    return obj


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
