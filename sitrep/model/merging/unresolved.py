"""Where each unresolved conflict points in the file, and the error `sitrep check` gives for it.

A file with conflicts is a valid situation (the TUI opens it, `sitrep fmt`
formats it), but it is not finished: `sitrep check` fails with one error per
conflict, at the line of the value it is about (or of the conflict itself when
that value is not in the file).
"""

from __future__ import annotations

from pydantic import JsonValue

from sitrep.model.conflicts import Conflict, dotted
from sitrep.model.sections import SECTION
from sitrep.model.situation import Path, Situation
from sitrep.model.validation.problems import Finding
from sitrep.model.versions.values import shown


def file_path(situation: Situation, path: list[str | int] | tuple[str | int, ...]) -> Path | None:
    """A conflict's path as keys and indexes in the file (places, 3, ...), None if gone."""
    if not path:
        return None
    top = str(path[0])
    if top == "header":
        return tuple(path)
    if top not in SECTION or len(path) < 2:
        return None
    entries = getattr(situation, top)
    key, name = SECTION[top].key, path[1]
    if isinstance(name, int):
        return tuple(path) if 0 <= name < len(entries) else None
    if key is None:
        return None
    wanted = name.casefold()
    for index, entry in enumerate(entries):
        if str(getattr(entry, key)).casefold() == wanted:
            return (top, index, *path[2:])
    return None


def conflict_findings(situation: Situation) -> list[Finding]:
    """One error per unresolved conflict: where it is and what each side says."""
    found = []
    for index, conflict in enumerate(situation.conflicts):
        at = file_path(situation, conflict.path)
        where = dotted(at) if at is not None else dotted(conflict.path)
        if at is not None and at != tuple(conflict.path):
            section = SECTION[str(conflict.path[0])]
            where += f" ({section.noun} {conflict.path[1]})"
        if isinstance(conflict.path[-1], int) or len(conflict.path) == 2:  # a whole entry or part
            said = conflict.reason or _whole(conflict)
        else:
            said = f"ours {shown(conflict.ours)}, theirs {shown(conflict.theirs)}"
            said += f" ({conflict.reason})" if conflict.reason else ""
        message = (
            f"unresolved merge conflict at {where}: {said}; keep the value you want and "
            f"delete conflicts[{index}], or run sitrep merge --resolve ours|theirs FILE"
        )
        found.append(Finding(at or ("conflicts", index), message))
    return found


def _whole(conflict: Conflict) -> str:
    def side(value: JsonValue) -> str:
        return "absent" if value is None else "as in base" if value == conflict.base else "edited"

    return f"ours {side(conflict.ours)}, theirs {side(conflict.theirs)}"
