"""What identifies an entry, and a part of a history, across two versions of a file.

Comparing two reports (compare.py), listing what changed field by field (diff.py)
and merging two analysts' edits (merge.py) all match entries the same way:
places, parties, sources and figures by id and evacuations by actor, each without
case (ids are unique without case); notes by date and text, outlook items by
statement and author (ignoring case and spacing), since they have no id. A
history (a place's control, a figure's series, the header's past reports) is a
list of parts ordered by date: a part is matched by its content, and an edited
part by the date it is about.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from sitrep.model.entries import Assessment, ControlChange, FigureEntry, FigurePoint, Note, Place
from sitrep.model.report import PastReport
from sitrep.model.sections import SECTION
from sitrep.model.situation import Header
from sitrep.model.versions.values import whole

EntryKey = Callable[[Any], Hashable]


def normal(text: str) -> str:
    """Text folded for matching: no case, single spaces."""
    return " ".join(text.casefold().split())


def note_key(note: Note) -> tuple[dt.date, str]:
    """A note is the same note when its date and text are (ignoring case and spacing)."""
    return (note.date, normal(note.text))


def outlook_key(item: Assessment) -> tuple[str, str]:
    """An outlook item is the same when its statement and author are."""
    return (normal(item.statement), normal(item.by))


def content_key(entry: BaseModel) -> str:
    """An entry with no identity of its own is identified by all it says."""
    return json.dumps(entry.model_dump(mode="json", exclude_defaults=True), sort_keys=True)


def entry_key(section: str) -> EntryKey:
    """The function that identifies an entry of a section (see the module's docstring)."""
    if section == "notes":
        return note_key
    if section == "outlook":
        return outlook_key
    field = SECTION[section].key
    if field is None:
        return content_key
    return lambda entry: str(getattr(entry, field)).casefold()


def by_key(entries: Sequence[BaseModel], key_of: EntryKey) -> dict[Hashable, BaseModel]:
    """Entries by key; entries with the same key (two identical notes) are told apart."""
    out: dict[Hashable, BaseModel] = {}
    seen: dict[Hashable, int] = {}
    for entry in entries:
        key = key_of(entry)
        n = seen[key] = seen.get(key, -1) + 1
        out[(key, n)] = entry
    return out


# -- histories -----------------------------------------------------------------------


def _control_date(change: ControlChange) -> Hashable:
    return (change.date, change.time)


def _control_order(change: ControlChange) -> tuple[int, dt.date]:
    return (0, dt.date.min) if change.date is None else (1, change.date)


def _point_date(point: FigurePoint) -> Hashable:
    return point.as_of


def _point_order(point: FigurePoint) -> dt.date:
    return point.as_of.key


def _report_date(report: PastReport) -> Hashable:
    return (report.report_number, report.as_of)


def _report_order(report: PastReport) -> dt.date:
    return report.as_of


class History:
    """How to match and order the parts of one history field."""

    def __init__(
        self,
        noun: str,
        date_of: Callable[[Any], Hashable],
        order_of: Callable[[Any], Any],
        one_undated: bool = False,
    ) -> None:
        self.noun = noun
        """One part, in words ("change")."""
        self.date_of = date_of
        """What a part is about: an edited part keeps it (a change's date and time)."""
        self.order_of = order_of
        """The sort key that keeps the history in order (oldest first)."""
        self.one_undated = one_undated
        """Whether at most one part may leave its date out (and it comes first)."""


HISTORIES: dict[tuple[type[BaseModel], str], History] = {
    (Place, "control"): History("change", _control_date, _control_order, one_undated=True),
    (FigureEntry, "series"): History("value", _point_date, _point_order),
    (Header, "past_reports"): History("report", _report_date, _report_order),
}
"""Every field that holds a history: a list of dated parts, oldest first."""


def history(model: type[BaseModel], field: str) -> History | None:
    """The history a model's field holds, if it is one."""
    return HISTORIES.get((model, field))


KEPT, EDITED, DELETED = "kept", "edited", "deleted"


@dataclass
class Matched:
    """How one version's parts match the base's."""

    status: list[tuple[str, int]]
    """For each base part: kept or edited (and the side's index), or deleted (-1)."""
    keys: list[object]
    """Each of the side's parts as an ordering key: ("b", base index) or ("a", content, n)."""
    added: list[int]
    """The side's parts that match none of the base's, in order."""


def match_parts(history: History, base: Sequence[BaseModel], side: Sequence[BaseModel]) -> Matched:
    """A version's parts matched to the base's: kept, edited (same date) or deleted; or added."""
    unused = list(range(len(side)))
    status: list[tuple[str, int] | None] = [None] * len(base)
    for i, start in enumerate(base):
        j = next((j for j in unused if side[j] == start), None)
        if j is not None:
            status[i] = (KEPT, j)
            unused.remove(j)
    for i, start in enumerate(base):
        if status[i] is not None:
            continue
        date = history.date_of(start)
        j = next((j for j in unused if history.date_of(side[j]) == date), None)
        if j is None:
            status[i] = (DELETED, -1)
        else:
            status[i] = (EDITED, j)
            unused.remove(j)
    keys: list[object] = [("a",)] * len(side)
    for i, entry in enumerate(status):
        assert entry is not None
        if entry[1] >= 0:
            keys[entry[1]] = ("b", i)
    seen: dict[str, int] = {}
    for j in unused:
        content = json.dumps(whole(side[j]), sort_keys=True)
        seen[content] = seen.get(content, -1) + 1
        keys[j] = ("a", content, seen[content])
    return Matched([s for s in status if s is not None], keys, unused)
