"""A situation as one line per fact, for git's textconv: `git diff` then reads field by field.

git compares two files line by line. Given these lines instead of the YAML,
each changed field is one line out and one line in, named by its entry:

    -place kandahar: control 2021-08-12: holder government; sources cnn-kamin
    +place kandahar: control 2021-08-12: holder taliban; sources cnn-kamin
    +figure ocha-idps: series 2021-08-20: value 550000; sources unhcr

Entries are named by their id (an evacuation by its actor, a note by its
date and the start of its text), not repeated on the lines, so an edit touches
only its own line. A part of a
history (a control change, a figure's value, a past report) is one line, so an
appended change is one added line. Comments come first, one per line with what
they annotate, so a commit that only rewords a comment still shows. Plain text,
not escaped (the CLI prints it through cli.output.say).
"""

from __future__ import annotations

from pydantic import BaseModel, JsonValue

from sitrep.model.comments import END, SELF, comments_of
from sitrep.model.conflicts import dotted
from sitrep.model.sections import REGISTRY
from sitrep.model.situation import Situation
from sitrep.model.versions.keys import history
from sitrep.model.versions.values import one_line, whole

LABEL = 48
"""Characters of a note's text or an outlook item's statement in its lines' label."""

_PART_NAMES = {"control": "date", "series": "as_of", "past_reports": "report_number"}
"""The field that names each part of a history in its line."""


def fact_lines(situation: Situation) -> list[str]:
    """Every fact of a situation, one per line, in file order; then its comments."""
    lines = [f"sitrep: {situation.sitrep}"]
    lines += _entry_lines("header", situation.header, ())
    for info in REGISTRY:
        noun = "conflict" if info.name == "conflicts" else info.noun
        named = _NAMED_BY.get(info.name, (info.key,) if info.key else ())
        for entry in getattr(situation, info.name):
            lines += _entry_lines(f"{noun} {_name(entry, named)}", entry, named)
    return [*_comment_lines("file", situation), *lines]


def _comment_lines(label: str, obj: BaseModel) -> list[str]:
    """The comments on an object, one per line ('place kandahar: on holder: # checked'), so a
    commit that only changes a comment still shows in git diff."""
    comments = comments_of(obj)
    if not comments:
        return []
    lines = []
    for anchor in comments.anchors():
        if isinstance(anchor, tuple):
            on = f"on {anchor[0]} {one_line(anchor[1])}: "
        else:
            on = {SELF: "", END: "at the end: "}.get(anchor, f"on {anchor}: ")
        beside = comments.beside.get(anchor)
        texts = [*comments.before.get(anchor, ()), *([beside] if beside else [])]
        lines += [f"{label}: {on}{text}" for text in texts]
    return lines


_NAMED_BY = {
    "notes": ("date", "text"),
    "outlook": ("statement", "by"),
    "conflicts": ("path",),
}
"""The fields that name an entry of a section without ids (its line label; not repeated)."""


def _name(entry: BaseModel, named: tuple[str, ...]) -> str:
    data = whole(entry)
    assert isinstance(data, dict)
    if named == ("path",):
        path = data["path"]
        assert isinstance(path, list)
        return dotted([p for p in path if isinstance(p, str | int)])
    return " ".join(_cut(one_line(data[field])) for field in named if field in data)


def _cut(text: str) -> str:
    return text if len(text) <= LABEL else text[: LABEL - 1] + "…"


def _entry_lines(label: str, entry: BaseModel, named: tuple[str, ...]) -> list[str]:
    data = whole(entry)
    assert isinstance(data, dict)
    lines = _comment_lines(label, entry)
    for field, value in data.items():
        if field in named:
            continue
        if history(type(entry), field) is not None and isinstance(value, list):
            part_name = _PART_NAMES.get(field, "")
            for part in value:
                assert isinstance(part, dict)
                shown = f"{_part_name(part, part_name)}: {_fields(part, part_name)}"
                lines.append(f"{label}: {field} {shown}")
        elif isinstance(value, list):
            lines += [f"{label}: {field}: {one_line(item)}" for item in value]
        elif isinstance(value, dict):
            lines.append(f"{label}: {field}: {_fields(value, '')}")
        else:
            lines.append(f"{label}: {field}: {one_line(value)}")
    return lines


def _part_name(part: dict[str, JsonValue], named: str) -> str:
    if named == "report_number" and named in part:
        return f"{part[named]} ({part.get('as_of')})"
    if named in part:
        time = part.get("time")
        return f"{part[named]} {time}" if time else one_line(part[named])
    return "undated" if named == "date" else "-"


def _fields(part: dict[str, JsonValue], named: str) -> str:
    shown = [
        f"{key} {one_line(value, nested=isinstance(value, list | dict))}"
        for key, value in part.items()
        if key not in (named, "time") and not (named == "report_number" and key == "as_of")
    ]
    return "; ".join(shown) or "-"
