"""Changes that are fine on each side but break the file together, repaired after a merge.

The sides merge entry by entry, so each merged entry is valid; what can still
break is between entries. A party, place or source one side deleted may be
named by the other side's edits: it is kept (a conflict says so). Two edits may
make places within each other in a circle: each entry in the circle keeps our
version, each field the sides disagree on a conflict (so which side is "ours"
changes only the values kept, never which conflicts there are). Every repair
moves towards our version of the file, which is valid, so the repairs end; if
they do not, MergeError.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from sitrep.model.conflicts import dotted
from sitrep.model.merging.mergebase import Clash, MergeError
from sitrep.model.refs import REFERENCED, RefKind, referenced, references
from sitrep.model.sections import REGISTRY, SECTION
from sitrep.model.situation import Situation
from sitrep.model.validation.problems import Finding, cross_entry_problems
from sitrep.model.versions.keys import entry_key
from sitrep.model.versions.values import field_value, whole

MAX_ROUNDS = 50
"""Rounds of repairs before giving up (each round fixes every problem it can)."""


def repair(
    merged: Situation, base: Situation, ours: Situation, theirs: Situation, clashes: list[Clash]
) -> tuple[Situation, list[Clash]]:
    """merged made valid across entries, with a clash for each repair."""
    sides = (ours, theirs, base)
    for _ in range(MAX_ROUNDS):
        restored = _restore_named(merged, sides, clashes)
        if restored:
            continue
        findings = cross_entry_problems(merged)
        if not findings:
            return merged, clashes
        later_first = sorted(findings, key=_position, reverse=True)  # a deletion moves later ones
        repaired = [
            _revert(merged, ours, theirs, base, finding, clashes) for finding in later_first
        ]
        if not any(repaired):
            break
    problem = cross_entry_problems(merged)
    detail = problem[0].message if problem else "too many repairs"
    raise MergeError(f"the two sides cannot be merged into a valid file: {detail}")


def _restore_named(merged: Situation, sides: Sequence[Situation], clashes: list[Clash]) -> bool:
    """Bring back each party, place or source that is named but was deleted on one side."""
    known: dict[RefKind, set[str]] = {
        kind: {str(e.id) for e in getattr(merged, section)} for kind, section in REFERENCED.items()
    }
    wanted: dict[tuple[RefKind, str], str] = {}
    for info in REGISTRY:
        entries = getattr(merged, info.name)
        if all(referenced(entries, kind) <= known[kind] for kind in known):
            continue  # the usual case: a set test, no walk with paths
        for i, entry in enumerate(entries):
            for rel, kind, ref in references(entry):
                if ref not in known[kind]:
                    wanted.setdefault((kind, ref), _where(info.name, i, entry, rel))
    done = False
    for (kind, ref), user in wanted.items():
        section = REFERENCED[kind]
        versions = [_find(getattr(side, section), ref) for side in sides]
        entry = next((v for v in versions if v is not None), None)
        if entry is None:
            continue
        _insert(merged, section, entry, sides)
        done = True
        if not any(clash.path == (section, ref) for clash in clashes):
            mine, other, start = (whole(v) for v in versions)
            noun = SECTION[section].noun
            reason = f"this {noun} was deleted on one side, but {user} still names it"
            clashes.append(Clash((section, ref), start, mine, other, reason))
    return done


def _revert(
    merged: Situation,
    ours: Situation,
    theirs: Situation,
    base: Situation,
    finding: Finding,
    clashes: list[Clash],
) -> bool:
    """The entry a problem is about keeps our version, each field the sides disagree on a
    clash; an entry only they added goes. False when there was nothing left to do."""
    path = finding.path
    if len(path) < 2 or str(path[0]) not in SECTION or not isinstance(path[1], int):
        return False
    section, index = str(path[0]), path[1]
    entries: list[BaseModel] = getattr(merged, section)
    entry = entries[index]
    mine, other, start = (_same_key(side, section, entry) for side in (ours, theirs, base))
    keyed = SECTION[section].key
    name: str | int = str(getattr(entry, keyed)) if keyed else index
    reason = f"the two sides' changes break the file together: {finding.message}"
    if mine is None:
        del entries[index]
        _drop(clashes, (section, name))
        clashes.append(Clash((section, name), whole(start), None, whole(other), reason))
        return True
    done = mine is not entry
    entries[index] = mine
    for field in type(entry).model_fields:
        disagree = other is not None and getattr(mine, field) != getattr(other, field)
        where = (section, name, field)
        if (disagree or getattr(entry, field) != getattr(mine, field)) and not any(
            c.path == where for c in clashes
        ):
            _drop(clashes, where)
            values = [field_value(v, field) for v in (start, mine, other)]
            clashes.append(Clash(where, values[0], values[1], values[2], reason))
            done = True
    return done


def _position(finding: Finding) -> tuple[str, int]:
    path = finding.path
    return (str(path[0]), path[1] if len(path) > 1 and isinstance(path[1], int) else -1)


def _same_key(side: Situation, section: str, entry: BaseModel) -> BaseModel | None:
    key_of = entry_key(section)
    key = key_of(entry)
    return next((e for e in getattr(side, section) if key_of(e) == key), None)


def _find(entries: Sequence[BaseModel], ref: str) -> BaseModel | None:
    return next((e for e in entries if getattr(e, "id", None) == ref), None)


def _insert(merged: Situation, section: str, entry: BaseModel, sides: Sequence[Situation]) -> None:
    """Put entry back after the entry it follows in the first side that has it."""
    entries: list[BaseModel] = getattr(merged, section)
    ids = [str(getattr(e, "id", "")) for e in entries]
    for side in sides:
        order = [str(getattr(e, "id", "")) for e in getattr(side, section)]
        if entry.id in order:  # type: ignore[attr-defined]
            before = order[: order.index(entry.id)]  # type: ignore[attr-defined]
            at = max((ids.index(i) + 1 for i in before if i in ids), default=0)
            entries.insert(at, entry)
            return
    entries.append(entry)


def _drop(clashes: list[Clash], prefix: tuple[str | int, ...]) -> None:
    clashes[:] = [c for c in clashes if c.path[: len(prefix)] != prefix]


def _where(section: str, index: int, entry: BaseModel, rel: tuple[str | int, ...]) -> str:
    keyed = SECTION[section].key
    return dotted((section, str(getattr(entry, keyed)) if keyed else index, *rel))
