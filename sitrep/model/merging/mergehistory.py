"""Three-way merge of a history: a place's control, a figure's series, the past reports.

A history is a set of dated parts, kept oldest first. Each side's parts are
matched to the base's: an identical part is kept, a part that is gone but has a
new part about the same date (and time) was edited, any other part that is gone
was deleted, and what is left was added. Then:

- parts both sides added are all kept, in date order (the same part twice: once);
- a part one side edited is taken edited; both edited it: merged field by field;
- a part one side deleted and the other left alone goes; deleted on one side and
  edited on the other: a clash (the file keeps ours);
- a history that allows one undated first part (control: "held before records
  begin") keeps ours when both sides added a different one: a clash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from sitrep.model.merging.mergebase import Clash, Merged, with_comments
from sitrep.model.merging.mergeorder import merged_order
from sitrep.model.versions.keys import DELETED, EDITED, KEPT, History, Matched, match_parts
from sitrep.model.versions.values import whole


def merge_history(
    history: History,
    base: Sequence[BaseModel],
    ours: Sequence[BaseModel],
    theirs: Sequence[BaseModel],
    merge_part: Callable[[Any, Any, Any], tuple[Any, list[Clash]]],
) -> Merged:
    """The merged parts, oldest first, and the clashes (paths start at a part's index)."""
    mine, other = match_parts(history, base, ours), match_parts(history, base, theirs)
    parts: dict[object, BaseModel] = {}
    missing: dict[object, tuple[Clash, BaseModel]] = {}
    """Clashes about parts the result lacks (we deleted what they edited), and their parts."""
    found: dict[object, list[Clash]] = {}
    for i, start in enumerate(base):
        key: object = ("b", i)
        (how_o, j), (how_t, k) = mine.status[i], other.status[i]
        o = ours[j] if j >= 0 else None
        t = theirs[k] if k >= 0 else None
        if how_o == DELETED or how_t == DELETED:
            if how_o == EDITED or how_t == EDITED:
                reason = f"this {history.noun} was deleted on one side and edited on the other"
                clash = Clash((), whole(start), whole(o), whole(t), reason)
                if o is not None:
                    parts[key] = o
                    found[key] = [clash]
                else:
                    assert t is not None
                    missing[key] = (clash, t)
            continue
        assert o is not None and t is not None
        if how_t == KEPT or o == t:  # unchanged, edited by us, or edited alike
            parts[key] = with_comments(o, start, o, t)
        elif how_o == KEPT:
            parts[key] = with_comments(t, start, o, t)
        else:
            parts[key], found[key] = merge_part(start, o, t)
    for side, items in ((mine, ours), (other, theirs)):
        for key, part in zip(side.keys, items, strict=True):
            if key[0] == "a" and key not in parts:  # type: ignore[index]
                parts[key] = part
    if history.one_undated:
        _one_undated(history, parts, mine, other, found)
    every = {**parts, **{key: part for key, (_, part) in missing.items()}}
    keys = merged_order([("b", i) for i in range(len(base))], mine.keys, other.keys, list(every))
    ordered = sorted(keys, key=lambda key: history.order_of(every[key]))
    result: list[BaseModel] = []
    clashes: list[Clash] = []
    for key in ordered:  # a missing part's clash is at the index it would have
        if key in missing:
            clashes.append(missing[key][0].under(len(result)))
            continue
        clashes += [clash.under(len(result)) for clash in found.get(key, [])]
        result.append(parts[key])
    return result, clashes


def _one_undated(
    history: History,
    parts: dict[object, BaseModel],
    mine: Matched,
    other: Matched,
    found: dict[object, list[Clash]],
) -> None:
    """At most one undated part: ours (or the base's) stays; theirs is a clash."""
    undated = [key for key, part in parts.items() if getattr(part, "date", None) is None]
    if len(undated) < 2:
        return
    theirs_only = [k for k in undated if k in other.keys and k not in mine.keys]
    stays = next(k for k in undated if k not in theirs_only)
    for key in theirs_only:
        dropped = parts.pop(key)
        reason = f"both sides added a first {history.noun} without a date"
        clash = Clash((), None, whole(parts[stays]), whole(dropped), reason)
        found.setdefault(stays, []).append(clash)
