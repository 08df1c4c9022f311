"""Comments carried from an object to the edited object that replaces it, part by part.

An edit replaces an entry or the header whole, often with objects built afresh
from a form's fields (``model_validate``), so its parts (control changes, series
points, past reports, the refresh) are new objects without comments. carry gives
each new object the comments of the old one it stands for:

- the entry (or header) itself: the old one's, unless it brings its own;
- a part: the old part that is the very same object, else the one with equal
  content (in order: a change appended or deleted leaves the others paired),
  else the one at the same place among those that changed (a change edited in
  place), else the old part most like it, if more than half of what either says
  is the same (a change whose new date moved it down the list).

An old part paired with nothing was deleted: its comments go with it (undo
brings back the old object, comments and all).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel

from sitrep.model.comments import KEY, comments_of, set_comments
from sitrep.model.parts import any_commented, parts_of

M = TypeVar("M", bound=BaseModel)

_MOST_COMPARED = 2500
"""Past this many (old, new) pairs of unpaired parts, likeness is not weighed."""


def carry(before: BaseModel | None, after: M) -> M:
    """after, with before's comments wherever it has none of its own (see the module).

    A copy when anything is carried: after and its parts are never changed, so
    the caller's object stays as it was.
    """
    if before is None or before is after:
        return after
    comments = None if KEY in after.__dict__ else comments_of(before)
    updates: dict[str, object] = {}
    for part in parts_of(type(after)).values():
        old, new = getattr(before, part.name, None), getattr(after, part.name)
        if part.many:
            carried: object = _carry_list(old, new, part.model) if old and new else new
        elif isinstance(old, BaseModel) and isinstance(new, BaseModel):
            carried = carry(old, new)
        else:
            continue
        if carried is not new:
            updates[part.name] = carried
    if not comments and not updates:
        return after
    copy = after.model_copy()
    if comments:
        set_comments(copy, comments)
    copy.__dict__.update(updates)  # the parts as validated, only some with comments added
    return copy


def _carry_list(
    old: Sequence[BaseModel], new: list[BaseModel], model: type[BaseModel]
) -> list[BaseModel]:
    if old is new or not any_commented(old, model):
        return new  # the same list (model_copy), or nothing to carry
    carried = list(new)
    for j, i in pair(old, new).items():
        carried[j] = carry(old[i], new[j])
    return new if all(a is b for a, b in zip(carried, new, strict=True)) else carried


def pair(old: Sequence[BaseModel], new: Sequence[BaseModel]) -> dict[int, int]:
    """Which old part each new part stands for: {new index: old index} (see the module)."""
    where = {id(obj): i for i, obj in enumerate(old)}
    paired = {j: where[id(obj)] for j, obj in enumerate(new) if id(obj) in where}
    taken = set(paired.values())

    def join(j: int, i: int) -> None:
        if j not in paired and i not in taken:
            paired[j] = i
            taken.add(i)

    if len(paired) == len(new):
        return paired
    old_text = [obj.model_dump_json() for obj in old]
    new_text = [obj.model_dump_json() for obj in new]
    matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(j2 - j1):
                join(j1 + k, i1 + k)
    free_old = [i for i in range(len(old)) if i not in taken]
    free_new = [j for j in range(len(new)) if j not in paired]
    if free_old and free_new and len(free_old) * len(free_new) <= _MOST_COMPARED:
        said = {i: old[i].model_dump(exclude_defaults=True) for i in free_old}
        likeness = [
            (_likeness(said[i], new[j].model_dump(exclude_defaults=True)), -j, -i)
            for j in free_new
            for i in free_old
        ]
        for score, j, i in sorted(likeness, reverse=True):
            if score > 0.5:
                join(-j, -i)
    return paired


def _likeness(a: dict[str, object], b: dict[str, object]) -> float:
    """The share of the keys either sets that both set alike."""
    keys = a.keys() | b.keys()
    if not keys:
        return 1.0
    missing = object()
    return sum(a.get(k, missing) == b.get(k, missing) for k in keys) / len(keys)
