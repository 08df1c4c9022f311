"""What every import shares: new ids, the report of what changes, and the one careful write.

Nothing is written when any row is bad (every bad row is reported), when the
result would not be a valid situation, or on a dry run. The write is canonical
(the file's other entries come out as they were, an updated field is one line
of diff) and refused if the file changed on disk since it was read.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import Problem, SitrepDataError
from sitrep.model.base import ID_PATTERN
from sitrep.model.situation import Situation
from sitrep.storage.diskstate import DiskState

_ID = re.compile(ID_PATTERN)


@dataclass
class Outcome:
    """An import's result: the new situation, lines saying what changes, problems found."""

    situation: Situation
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def new_id(text: str, taken: set[str], fallback: str) -> str:
    """An id made from text ('Pul-e Alam' -> 'pul-e-alam'), unique among taken (then added)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    if not base or not _ID.match(base):
        base = fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def is_id(text: str) -> bool:
    """Whether text is a valid sitrep id."""
    return len(text) <= 80 and _ID.match(text) is not None


def split_list(text: str) -> list[str]:
    """Several values in one cell: separated by ';' or '|' (commas belong to names)."""
    return [part.strip() for part in re.split(r"[;|]", text) if part.strip()]


def finish(
    outcome: Outcome, into: Path, state: DiskState, *, dry_run: bool, what: str, source: str
) -> int:
    """Report the problems (exit 1), or print what changes and write it unless dry_run."""
    if outcome.problems:
        raise SitrepDataError(outcome.problems)
    from sitrep.yaml.io import dump_situation, parse_situation

    text = dump_situation(outcome.situation)
    parse_situation(text, str(into))  # the result must load: never write a file sitrep refuses
    for line in outcome.lines:
        print(line)
    verb = "would be" if dry_run else "were"
    print(
        f"{into}: {outcome.added} {what} {verb} added, {outcome.updated} updated, "
        f"{outcome.unchanged} left as they were (from {source})"
        + ("; dry run, nothing written" if dry_run else ""),
        file=sys.stderr,
    )
    if dry_run or not (outcome.added or outcome.updated):
        return 0
    from sitrep.storage.store import write_atomic

    write_atomic(into, text, backup=True, expected=state)
    return 0


def changed_fields(before: dict[str, object], after: dict[str, object]) -> Iterable[str]:
    """'lat: 31.61 -> 31.613' for each field that differs."""
    for key, value in after.items():
        old = before.get(key)
        if old != value:
            yield f"{key}: {_show(old)} -> {_show(value)}"


def _show(value: object) -> str:
    if value is None or value == []:
        return "(none)"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
