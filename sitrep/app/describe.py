"""Short human names for entries and undo steps ("delete Kandahar", "edit Herat: note")."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from sitrep.brief.words import day as words_day
from sitrep.editing.document import Change
from sitrep.model.conflicts import Conflict, dotted
from sitrep.model.entries import (
    Assessment,
    ControlChange,
    Evacuation,
    FigureEntry,
    FigurePoint,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.sections import REGISTRY, Section
from sitrep.model.situation import Header

SECTION_NOUNS: dict[str, tuple[str, str]] = {
    **{info.name: (info.noun, info.plural) for info in REGISTRY},
    "header": ("header", "header"),
}


def shorten(text: str, width: int = 40) -> str:
    """The first line of text, cut at a word boundary with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    cut = line[: width - 1].rsplit(" ", 1)[0] or line[: width - 1]
    return cut.rstrip(",;:.") + "…"


def entry_label(entry: BaseModel) -> str:
    """What a person would call this entry."""
    if isinstance(entry, Place):
        return entry.name
    if isinstance(entry, Evacuation):
        return entry.actor
    if isinstance(entry, FigureEntry):
        return f"{entry.counted}, {entry.area}"
    if isinstance(entry, Note):
        return shorten(entry.text)
    if isinstance(entry, Assessment):
        return shorten(entry.statement)
    if isinstance(entry, Party):
        return entry.short or entry.name
    if isinstance(entry, Source):
        return f"{entry.publisher} ({entry.id})"
    if isinstance(entry, Header):
        return "header"
    if isinstance(entry, Conflict):
        return f"the merge conflict at {dotted(entry.path)}"
    return type(entry).__name__.lower()


def changed_fields(before: BaseModel, after: BaseModel) -> list[str]:
    """The fields whose values differ between two versions of an entry."""
    return [
        name for name in type(after).model_fields if getattr(before, name) != getattr(after, name)
    ]


def describe_change(change: Change) -> str:
    """A step as a verb and an entry: 'add Kandahar', 'delete Herat', 'edit Ghazni: note',
    'record a change of control of Herat (13 Aug 2021)'."""
    if change.before is None:
        assert change.after is not None
        return f"add {entry_label(change.after)}"
    if change.after is None:
        return f"delete {entry_label(change.before)}"
    history = _history_step(change.before, change.after)
    if history is not None:
        return history
    fields = changed_fields(change.before, change.after)
    what = f"edit {entry_label(change.after)}"
    if fields and len(fields) <= 3:
        what += ": " + ", ".join(name.replace("_", " ") for name in fields)
    return what


def _history_step(before: BaseModel, after: BaseModel) -> str | None:
    """A step that only added, corrected or removed the last item of a history."""
    old: Sequence[BaseModel]
    new: Sequence[BaseModel]
    if isinstance(before, Place) and isinstance(after, Place):
        name, old, new = after.name, before.control, after.control
        what = "change of control"
    elif isinstance(before, FigureEntry) and isinstance(after, FigureEntry):
        name, old, new = entry_label(after), before.series, after.series
        what = "value"
    else:
        return None
    if changed_fields(before, after) != [_HISTORY[what]]:
        return None
    if len(new) == len(old) + 1 and new[:-1] == old:
        return f"record a {what} of {name}{_when(new[-1])}"
    if len(new) == len(old) and new[:-1] == old[:-1]:
        return f"correct the last {what} of {name}{_when(new[-1])}"
    if len(new) == len(old) - 1 and new == old[:-1]:
        return f"remove the last {what} of {name}{_when(old[-1])}"
    return None


_HISTORY = {"change of control": "control", "value": "series"}


def _when(item: BaseModel) -> str:
    """' (13 Aug 2021)': a change's date, or ' (as of 8 Aug 2021)' for a value."""
    if isinstance(item, ControlChange) and item.date is not None:
        return f" ({words_day(item.date)})"
    if isinstance(item, FigurePoint) and item.as_of.first is not None:
        return f" (as of {item.as_of})"
    return ""


def principal_change(changes: Sequence[Change], *, undone: bool) -> Change | None:
    """The change that names a step: its last one (the entry after its new sources).

    After an undo the document returns the inverse changes in reverse order, so
    the principal is the first of them, turned back into the original.
    """
    if not changes:
        return None
    return changes[0].inverse() if undone else changes[-1]


def describe_step(principal: Change, changes: Sequence[Change]) -> str:
    """A step by its principal change, and how many more of its section it made:
    'add Zabul and 33 more places' (an import), 'edit Herat: name' (one change)."""
    more = sum(1 for c in changes if c.section == principal.section) - 1
    text = describe_change(principal)
    return f"{text} and {more} more {section_noun(principal.section, more)}" if more > 0 else text


def section_noun(section: Section | str, count: int = 1) -> str:
    """'place' or 'places' for a section."""
    one, many = SECTION_NOUNS.get(section, (section, section))
    return one if count == 1 else many
