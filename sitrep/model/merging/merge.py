"""Three-way merge of situations: what git asks of a merge driver, with no file I/O.

Two analysts start from one version of a file (the base) and each changes it;
the merge keeps both sets of changes. Entries are matched by key (keys.py: ids,
evacuations by actor without case, notes and outlook items by content):

- an entry only one side changed is taken from that side; entries both sides
  changed are merged field by field (mergeparts.py), histories as sets of dated
  parts (mergehistory.py), lists of text as sets;
- entries either side added are kept (the same key added on both sides is
  merged as one entry, field by field);
- an entry one side deleted goes, unless the other side edited it: a clash;
- the header is merged field by field.

A clash (both sides changed one value differently) keeps our value in the file
and becomes a Conflict in the ``conflicts:`` section, so the result is always a
valid situation. Changes that are fine alone but break the file together (a
party deleted on one side and named on the other) are repaired (mergerepair.py).
Merging is symmetric: with the sides swapped, the result differs only in the
values of its conflicts, which are mirrored.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from sitrep.model.conflicts import Conflict
from sitrep.model.merging.mergebase import Clash, MergeError, build, with_comments
from sitrep.model.merging.mergeorder import merged_order
from sitrep.model.merging.mergeparts import merge_model
from sitrep.model.sections import REGISTRY, SECTION
from sitrep.model.situation import Situation
from sitrep.model.versions.keys import by_key, entry_key
from sitrep.model.versions.values import whole

__all__ = ["MergeError", "MergeResult", "Stamp", "merge"]


@dataclass(frozen=True)
class Stamp:
    """Who each side is and when the merge was made, where the caller knows (for conflicts)."""

    ours_by: str | None = None
    theirs_by: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class MergeResult:
    """The merged situation and the conflicts this merge added to it."""

    situation: Situation
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when the merge decided everything."""
        return not self.conflicts


def merge(
    base: Situation, ours: Situation, theirs: Situation, stamp: Stamp | None = None
) -> MergeResult:
    """Merge ours and theirs, two versions made from base (MergeError if it cannot be done)."""
    from sitrep.model.merging.mergerepair import repair

    fields: dict[str, Any] = {"sitrep": ours.sitrep}
    clashes: list[Clash] = []
    fields["header"], found = merge_one(base.header, ours.header, theirs.header)
    clashes += [clash.under("header") for clash in found]
    for info in REGISTRY:
        fields[info.name], found = merge_section(
            info.name,
            getattr(base, info.name),
            getattr(ours, info.name),
            getattr(theirs, info.name),
        )
        clashes += [clash.under(info.name) for clash in found]
    merged, error = build(ours, fields)
    if error is not None:
        raise MergeError(f"the merged file would not be valid: {error}")
    merged = with_comments(merged, base, ours, theirs)
    merged, clashes = repair(merged, base, ours, theirs, clashes)
    stamp = stamp or Stamp()
    new = [
        Conflict(
            path=list(clash.path),
            reason=clash.reason,
            base=clash.base,
            ours=clash.ours,
            theirs=clash.theirs,
            ours_by=stamp.ours_by,
            theirs_by=stamp.theirs_by,
            when=stamp.when,
        )
        for clash in clashes
    ]
    if new:
        merged = merged.model_copy(update={"conflicts": [*merged.conflicts, *new]})
    return MergeResult(merged, new)


def merge_one(base: BaseModel, ours: BaseModel, theirs: BaseModel) -> tuple[Any, list[Clash]]:
    """One object both sides have (the header): taken whole when only one side changed it."""
    if ours == theirs or base == theirs:
        return with_comments(ours, base, ours, theirs), []
    if base == ours:
        return with_comments(theirs, base, ours, theirs), []
    return merge_model(base, ours, theirs)


def merge_section(
    section: str, base: Sequence[BaseModel], ours: Sequence[BaseModel], theirs: Sequence[BaseModel]
) -> tuple[list[BaseModel], list[Clash]]:
    """A section's entries merged by key; clash paths start at the entry's key (or index)."""
    key_of = entry_key(section)
    b, o, t = by_key(base, key_of), by_key(ours, key_of), by_key(theirs, key_of)
    result: dict[Hashable, BaseModel] = {}
    found: dict[Hashable, list[Clash]] = {}
    missing: dict[Hashable, Clash] = {}
    """Clashes about entries the result lacks (we deleted what they edited)."""
    for key in dict.fromkeys([*o, *t, *b]):
        start, mine, other = b.get(key), o.get(key), t.get(key)
        if mine is not None and other is not None:
            if start is None:  # both added it
                result[key], found[key] = merge_model(None, mine, other)
            else:
                result[key], found[key] = merge_one(start, mine, other)
        elif mine is not None:
            if start is None or start != mine:
                result[key] = mine
            if start is not None and start != mine:
                reason = "deleted on one side and edited on the other"
                found[key] = [Clash((), whole(start), whole(mine), None, reason)]
        elif other is not None:
            if start is None:
                result[key] = other
            elif start != other:
                reason = "deleted on one side and edited on the other"
                missing[key] = Clash((), whole(start), None, whole(other), reason)
    order = merged_order(list(b), list(o), list(t), [*result, *missing])
    kept = [key for key in order if key in result]
    keyed = SECTION[section].key
    clashes: list[Clash] = []
    index = 0
    for key in order:
        name: str | int
        if keyed is not None:
            entry = o.get(key) or t.get(key) or b[key]
            name = str(getattr(entry, keyed))
        else:
            name = index
        if key in missing:
            clashes.append(missing[key].under(name))
            continue
        clashes += [clash.under(name) for clash in found.get(key, [])]
        index += 1
    return [result[key] for key in kept], clashes
