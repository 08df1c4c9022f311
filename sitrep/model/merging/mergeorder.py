"""The order of a merged list: the base's, with each side's additions where that side put them.

A merge keeps some keys of three lists (a section's entries by key, the items of
a list of text, the parts of a history). They come in the base's order, or in
one side's order when only that side reordered them; each side's additions
follow the key they follow on that side. When both sides add after the same
key, the two runs go in the order of their keys, so the order does not depend
on which side is "ours" (merging is symmetric).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from typing import Final, TypeVar

K = TypeVar("K", bound=Hashable)

_START: Final = object()
"""The anchor of additions made before every kept key."""


def merged_order(
    base: Sequence[K], ours: Sequence[K], theirs: Sequence[K], keep: Collection[K]
) -> list[K]:
    """The keys of keep in merged order (each once; keys are unique within each list)."""
    kept = set(keep)
    layout = _layout([k for k in base if k in kept], ours, theirs)
    placed = set(layout)
    runs_ours = _runs(ours, placed, kept)
    runs_theirs = _runs(theirs, placed, kept)
    out: list[K] = []
    seen: set[K] = set()

    def add_runs(anchor: object) -> None:
        runs = sorted(
            (runs_ours.get(anchor, []), runs_theirs.get(anchor, [])),
            key=lambda run: [str(k) for k in run],
        )
        for key in (*runs[0], *runs[1]):
            if key not in seen:
                seen.add(key)
                out.append(key)

    add_runs(_START)
    for key in layout:
        if key not in seen:
            seen.add(key)
            out.append(key)
        add_runs(key)
    for key in keep:  # in no list (cannot happen for keys taken from the three lists)
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def _layout(shared: list[K], ours: Sequence[K], theirs: Sequence[K]) -> list[K]:
    """The order of the kept keys of the base: one side's if only that side reordered them."""
    wanted = set(shared)
    mine = [k for k in ours if k in wanted]
    other = [k for k in theirs if k in wanted]
    if _moved(mine, shared) and not _moved(other, shared) and len(mine) == len(shared):
        return mine
    if _moved(other, shared) and not _moved(mine, shared) and len(other) == len(shared):
        return other
    return shared


def _moved(view: list[K], shared: list[K]) -> bool:
    present = set(view)
    return view != [k for k in shared if k in present]


def _runs(side: Sequence[K], placed: set[K], kept: set[K]) -> dict[object, list[K]]:
    """A side's additions, by the placed key (or start) they follow on that side."""
    runs: dict[object, list[K]] = {}
    anchor: object = _START
    for key in side:
        if key in placed:
            anchor = key
        elif key in kept:
            runs.setdefault(anchor, []).append(key)
    return runs
