"""Comments as the readers find them (by path), and put on the model objects they annotate.

Both readers (the fast one in yamlreader, libyaml's in yamlmarks) report the same
thing for the same text: a full-line comment stands before the next key or list
item in the file (or the end of the file); an end-of-line comment stands beside
the last key or item that starts on its line. Blank lines and indentation do not
matter. After validation, attach() turns each path into an anchor on a model
object (see sitrep.model.comments): the situation, the header, an entry, or a
part of one (a control change, a series point, a past report, the refresh).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel

from sitrep.model.comments import END, SELF, Anchor, Comments, set_comments
from sitrep.model.situation import Path, Situation

END_PATH: Final[Path] = (-1,)
"""The path comments after the last key or item of a file are reported at."""

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")


@dataclass
class Found:
    """Comments found in a text: full-line ones by the path they stand before, end-of-line
    ones by the path they stand beside. The path () is the top of the file."""

    before: dict[Path, list[str]] = field(default_factory=dict)
    beside: dict[Path, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.before or self.beside)

    def add_before(self, path: Path, lines: list[str]) -> None:
        """Full-line comments standing before path (after those already there)."""
        self.before.setdefault(path, []).extend(lines)

    def add_beside(self, path: Path, text: str) -> None:
        """An end-of-line comment beside path (a second one on a later line joins it)."""
        old = self.beside.get(path)
        self.beside[path] = text if old is None else f"{old} {text}"

    def moved(self, move: Callable[[Path], Path]) -> Found:
        """The same comments at the paths move gives (a format migration that renames
        or moves keys in the data moves their comments with the same function)."""
        moved = Found()
        for path, lines in self.before.items():
            moved.add_before(move(path), lines)
        for path, text in self.beside.items():
            moved.add_beside(move(path), text)
        return moved


def split_comment(text: str) -> tuple[str, str] | None:
    """(value, comment) when a one-line value ends in a comment, else None.

    value loses the spaces before the comment ("" when there is no value);
    comment starts at its '#' and loses trailing spaces. '#' in a quoted value
    is text, and a comment needs a space before its '#' (``a#b`` is text).
    """
    body = text.lstrip(" ")
    if body.startswith("#"):
        return "", body.rstrip(" ")
    first = text[:1]
    if first == "'":
        end = 1
        while True:
            end = text.find("'", end)
            if end == -1:
                return None
            if not text.startswith("''", end):
                break
            end += 2
        cut = end + 1
    elif first == '"':
        cut = text.find('"', 1) + 1
        if not cut or "\\" in text[:cut]:
            return None  # unterminated, or escapes: libyaml reads those
    elif first in ("|", ">"):
        found = _BLOCK_HEADER.match(text)
        assert found is not None
        cut = found.end()
    else:
        cut = text.find(" #")
        if cut == -1:
            return None
    rest = text[cut:]
    comment = rest.lstrip(" ")
    if not comment.startswith("#") or len(comment) == len(rest):
        return None
    return text[:cut].rstrip(" "), comment.rstrip(" ")


Where = tuple[Any, ...]
"""A path as the fast reader passes it down: () or (the parent's Where, key or index),
an entry's index as the list it is read into. Cheaper to build than a flat Path for
every entry; flattened (while that entry is read) when a comment needs it."""


def flat(where: Where) -> Path:
    """The Path of a Where."""
    parts: list[str | int] = []
    while where:
        where, part = where
        # an entry is passed with the list it goes into: its index is the list's length
        parts.append(len(part) if isinstance(part, list) else part)
    return tuple(reversed(parts))


class Collector:
    """The comments the fast reader meets, by the path of what they annotate."""

    END: Final[Where] = ((), END_PATH[0])

    def __init__(self) -> None:
        self.found = Found()
        self.pending: list[str] = []
        """Full-line comments skipped, waiting for the key or item they stand before."""

    def claim(self, where: Where) -> None:
        """The comments pending stand before where."""
        if self.pending:
            self.found.add_before(flat(where), self.pending)
            self.pending.clear()

    def beside(self, text: str, where: Where) -> str | None:
        """The value text before an end-of-line comment, which stands beside where
        (None when text holds no comment)."""
        split = split_comment(text)
        if split is None:
            return None
        value, comment = split
        self.found.add_beside(flat(where), comment)
        return value


# -- onto the model ---------------------------------------------------------------------


class _Notes:
    """Comments being gathered for one object."""

    def __init__(self) -> None:
        self.before: dict[Anchor, list[str]] = {}
        self.beside: dict[Anchor, str] = {}

    def comments(self) -> Comments:
        return Comments({a: tuple(lines) for a, lines in self.before.items()}, self.beside)


def attach(situation: Situation, found: Found) -> None:
    """Put the comments found in a situation's text on its objects (they were read from it).

    A path that names nothing the model has (it cannot, for a text that
    validated) goes to the nearest object that holds it, never lost.
    """
    if not found:
        return
    notes: dict[int, tuple[BaseModel, _Notes]] = {}
    for path, lines in found.before.items():
        obj, anchor = _anchor(situation, path)
        _notes(notes, obj).before.setdefault(anchor, []).extend(lines)
    for path, text in found.beside.items():
        obj, anchor = _anchor(situation, path)
        gathered = _notes(notes, obj)
        if anchor in gathered.beside or anchor in (SELF, END):
            # two list items with the same text, or no line to stand beside
            gathered.before.setdefault(anchor, []).append(text)
        else:
            gathered.beside[anchor] = text
    for obj, gathered in notes.values():
        set_comments(obj, gathered.comments())


def _notes(notes: dict[int, tuple[BaseModel, _Notes]], obj: BaseModel) -> _Notes:
    entry = notes.get(id(obj))
    if entry is None:
        entry = notes[id(obj)] = (obj, _Notes())
    return entry[1]


def _anchor(situation: Situation, path: Path) -> tuple[BaseModel, Anchor]:
    """The object a path's comments belong to, and their anchor on it.

    The path is walked through the model: a key holding a model, or an index in
    a list of models, descends into it (the header, an entry, a control change,
    a series point); the rest names a key of that object or an item of a list of
    text on it. A path naming nothing the model has stops at the nearest object.
    """
    if path == END_PATH:
        return situation, END
    obj: BaseModel = situation
    rest = path
    while rest:
        name = rest[0]
        if not isinstance(name, str):
            break
        if len(rest) == 1 or name not in type(obj).model_fields:
            return obj, name
        value, index = getattr(obj, name), rest[1]
        if isinstance(value, BaseModel):
            obj, rest = value, rest[1:]
        elif isinstance(value, list) and type(index) is int and 0 <= index < len(value):
            item = value[index]
            if not isinstance(item, BaseModel):
                return obj, (name, str(item))
            obj, rest = item, rest[2:]
        else:
            return obj, name
    return obj, SELF
