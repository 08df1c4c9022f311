"""Checks across entries: ids, references, the order of histories.

Each finding carries the path of the offending value, so the loader can point
at its line and column; a duplicate also names the path of the first use.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep.model.refs import RefKind, referenced, references
from sitrep.model.sections import REGISTRY
from sitrep.model.situation import Path, Situation
from sitrep.model.validation.suggest import did_you_mean

MAX_PROBLEMS = 200
"""At most this many problems are listed (a hostile file may have millions); the rest counted."""

_PLURAL: dict[RefKind, str] = {"party": "parties", "place": "places", "source": "sources"}


@dataclass(frozen=True)
class Finding:
    """One problem (or warning) at a path; ``first`` is an earlier path it refers to."""

    path: Path
    message: str
    first: Path | None = None


def cross_entry_problems(s: Situation) -> list[Finding]:
    """Every cross-entry problem, up to MAX_PROBLEMS (see count_problems for the rest)."""
    return list(itertools.islice(_problems(s), MAX_PROBLEMS))


def count_problems(s: Situation) -> int:
    """How many cross-entry problems there are in all."""
    return sum(1 for _ in _problems(s))


def _problems(s: Situation) -> Iterator[Finding]:
    for info in REGISTRY:
        if info.key is not None:
            keys = [str(getattr(e, info.key)).casefold() for e in getattr(s, info.name)]
            yield from _duplicates(info.name, keys, info.key, info.noun)
    known: dict[RefKind, set[str]] = {
        "party": {p.id for p in s.parties},
        "place": {p.id for p in s.places},
        "source": {x.id for x in s.sources},
    }
    for info in REGISTRY:
        entries = getattr(s, info.name)
        kinds = [k for k in known if not referenced(entries, k) <= known[k]]
        if not kinds:  # the usual case: a quick set test, no walk with paths
            continue
        for i, entry in enumerate(entries):
            for rel, kind, ref in references(entry):
                if kind in kinds and ref not in known[kind]:
                    yield Finding((info.name, i, *rel), _unknown(kind, ref, known[kind]))
    yield from _party_problems(s)
    yield from _place_problems(s)


def _party_problems(s: Situation) -> Iterator[Finding]:
    for i, party in enumerate(s.parties):
        if party.merged_into == party.id:
            yield Finding(("parties", i, "merged_into"), "a party cannot merge into itself")


def _place_problems(s: Situation) -> Iterator[Finding]:
    parent = {p.id: p.within for p in s.places}
    for i, place in enumerate(s.places):
        if place.within is not None and _in_cycle(place.id, parent):
            yield Finding(
                ("places", i, "within"),
                f"places cannot be within each other in a circle ({place.id} is within itself)",
            )
        undated = [j for j, change in enumerate(place.control) if change.date is None]
        for j in undated:
            if j != 0:
                yield Finding(
                    ("places", i, "control", j),
                    "only the first change of control may leave out its date",
                )
        last = None
        for j, change in enumerate(place.control):
            if change.date is None:
                continue
            if last is not None and change.date < last:
                yield Finding(
                    ("places", i, "control", j, "date"),
                    "the control history must run oldest first: this change is dated before "
                    "the one above it",
                )
            last = change.date


def _in_cycle(start: str, parent: dict[str, str | None]) -> bool:
    seen = {start}
    node = parent.get(start)
    while node is not None:
        if node in seen:
            return node == start
        seen.add(node)
        node = parent.get(node)
    return False


def _duplicates(section: str, keys: list[str], field: str, noun: str) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in seen:
            yield Finding(
                (section, i, field),
                f"duplicate {noun} {field} {key!r}: each {noun} needs its own",
                first=(section, seen[key], field),
            )
        else:
            seen[key] = i


def _unknown(kind: RefKind, ref: str, known: set[str]) -> str:
    message = f"unknown {kind} {ref!r}"
    close = did_you_mean(ref, known)
    if close:
        return f"{message}; did you mean {close!r}?"
    if not known:
        return f"{message} (no {kind} is listed yet: add it under {_PLURAL[kind]})"
    return f"{message} (add it under {_PLURAL[kind]}, or use one that is listed)"
