"""Canonical text with the comments kept on the model written back in.

Where comments go (the canonical places, so ``sitrep fmt`` of a canonical file
gives the same bytes):

- a full-line comment on its own line right above what it annotates, indented
  like it: a top-level key at column 0, after the blank line that separates
  sections; an entry above its "- " line (after the blank line between entries);
  a key of the header or an entry, or an item of a list of text, at that key's or
  item's column;
- an end-of-line comment after the first line of its key or item, one space
  before the '#' (after ``|-`` for a literal block);
- the top of the file first, then a blank line; the end of the file after a
  blank line.

A comment whose key is no longer written (its value was cleared, or became the
default) moves down to the next key written in the same object, or after the
object's last line; one beside such a key becomes a full-line one. A comment on
a list item that was removed goes after the list. Nothing is dropped until its
entry is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from sitrep.model.comments import END, SELF, Anchor, Comments, commented, comments_of
from sitrep.model.sections import SECTIONS
from sitrep.model.situation import Path, Situation
from sitrep.yaml.emit import write_item, write_mapping, write_scalar, write_value

Write = Callable[[str], object]


@dataclass
class Placed:
    """An object's comments where its canonical text writes them."""

    before: dict[Anchor, list[str]] = field(default_factory=dict)
    """Full-line comments by a key or item written (SELF: the top of the file)."""
    beside: dict[Anchor, str] = field(default_factory=dict)
    end: list[str] = field(default_factory=list)
    """Comments after the object's last line."""
    keys: set[str] = field(default_factory=set)
    """The keys with a comment on them or on one of their items."""


def gather(situation: Situation, data: Mapping[str, Any]) -> dict[Path, Placed]:
    """Where each object's comments go in the canonical text of data (the situation's).

    Keys: () for the situation, ("header",), and (section, index) for entries.
    Empty when nothing has comments (a dict lookup per entry).
    """
    placed: dict[Path, Placed] = {}
    own = comments_of(situation)
    if own:
        placed[()] = place(own, data, situation, top=True)
    header = comments_of(situation.header)
    if header:
        placed[("header",)] = place(header, data.get("header") or {}, situation.header)
    for section in SECTIONS:
        entries: list[BaseModel] = getattr(situation, section)
        written = data.get(section) or []
        for index in commented(entries):
            found = comments_of(entries[index])
            assert found is not None
            placed[(section, index)] = place(found, written[index], entries[index])
    return placed


def place(
    comments: Comments, written: Mapping[str, Any], obj: BaseModel, *, top: bool = False
) -> Placed:
    """Put comments on the keys and items of written (obj's data), in obj's field order."""
    placed = Placed()
    fields = list(type(obj).model_fields)
    items: dict[str, list[tuple[str, str]]] = {}
    for anchor in comments.anchors():
        if isinstance(anchor, tuple):
            items.setdefault(anchor[0], []).append(anchor)
        elif anchor not in fields and anchor not in (SELF, END):
            fields.append(anchor)  # not a field: kept, after the others
    fields.extend(name for name in items if name not in fields)
    pending: list[str] = []
    if top:
        placed.before[SELF] = list(comments.before.get(SELF, ()))
    else:
        pending.extend(comments.before.get(SELF, ()))
    anchored = {anchor if isinstance(anchor, str) else anchor[0] for anchor in comments.anchors()}
    for name in fields:
        if not pending and name not in anchored:
            continue
        lines = [*comments.before.get(name, ())]
        side = comments.beside.get(name)
        if name not in written:
            pending += [*lines, *([side] if side else [])]
            for anchor in items.get(name, ()):
                pending += _all(comments, anchor)
            continue
        placed.keys.add(name)
        if pending or lines:
            placed.before[name] = [*pending, *lines]
            pending = []
        if side:
            placed.beside[name] = side
        value = written[name]
        present = {str(v) for v in value} if isinstance(value, list) else set()
        for anchor in items.get(name, ()):
            if anchor[1] not in present:
                pending += _all(comments, anchor)  # after the list
                continue
            if anchor in comments.before:
                placed.before[anchor] = list(comments.before[anchor])
            if anchor in comments.beside:
                placed.beside[anchor] = comments.beside[anchor]
    placed.end = [*pending, *comments.before.get(END, ())]
    return placed


def _all(comments: Comments, anchor: Anchor) -> list[str]:
    side = comments.beside.get(anchor)
    return [*comments.before.get(anchor, ()), *([side] if side else [])]


# -- writing ----------------------------------------------------------------------------


def emit_commented(data: Mapping[str, Any], placed: Mapping[Path, Placed]) -> str:
    """The canonical text of data (emit.emit_canonical's bytes) with the comments placed."""
    out: list[str] = []
    write = out.append
    top = placed.get(()) or Placed()
    if top.before.get(SELF):
        _lines(write, top.before[SELF], "")
        write("\n")
    for n, (key, value) in enumerate(data.items()):
        if n:
            write("\n")
        _lines(write, top.before.get(key, ()), "")
        side = top.beside.get(key)
        if isinstance(value, list) and value:
            _line(write, f"{key}:", side)
            for i, item in enumerate(value):
                if i:
                    write("\n")
                entry = placed.get((key, i))
                if entry is None or not isinstance(item, dict):
                    write_item(write, item, "")
                else:
                    _entry(write, item, entry, "")
        elif isinstance(value, dict) and value:
            _line(write, f"{key}:", side)
            header = placed.get((key,))
            if header is None:
                write_mapping(write, value, "  ")
            else:
                for name, field_value in value.items():
                    _lines(write, header.before.get(name, ()), "  ")
                    _value(write, f"  {name}:", name, field_value, header, "  ")
                _lines(write, header.end, "  ")
        else:
            _beside(write, side, write_scalar, f"{key}:", value, "")
    if top.end:
        write("\n")
        _lines(write, top.end, "")
    return "".join(out)


def _entry(write: Write, item: dict[str, Any], placed: Placed, indent: str) -> None:
    """One entry of a section: comments above the "- " line, then each key's."""
    inner = indent + "  "
    for n, (key, value) in enumerate(item.items()):
        if key in placed.keys:
            _lines(write, placed.before.get(key, ()), inner if n else indent)
        head = f"{inner}{key}:" if n else f"{indent}- {key}:"
        _value(write, head, key, value, placed, inner)
    _lines(write, placed.end, inner)


def _value(write: Write, head: str, key: str, value: Any, placed: Placed, inner: str) -> None:
    """A key's value after head, with its comments and its items'; items go at inner."""
    if key not in placed.keys:  # as emit writes it
        write_value(write, head, value, inner)
        return
    side = placed.beside.get(key)
    if isinstance(value, list) and value:
        _line(write, head, side)
        done: set[Anchor] = set()
        for item in value:
            anchor = (key, str(item))
            if anchor in done or isinstance(item, (dict, list)):
                write_item(write, item, inner)
                continue
            done.add(anchor)
            _lines(write, placed.before.get(anchor, ()), inner)
            _beside(write, placed.beside.get(anchor), write_item, item, inner)
    elif isinstance(value, dict) and value:
        _line(write, head, side)
        write_mapping(write, value, inner + "  ")
    else:
        _beside(write, side, write_scalar, head, value, inner)


def _lines(write: Write, lines: list[str] | tuple[str, ...], indent: str) -> None:
    for line in lines:
        write(f"{indent}{line}\n")


def _line(write: Write, text: str, side: str | None) -> None:
    write(f"{text} {side}\n" if side else f"{text}\n")


def _beside(write: Write, side: str | None, emit: Callable[..., None], *args: Any) -> None:
    """Run emit (a writer of lines), putting side after the first line it writes."""
    if side is None:
        emit(write, *args)
        return
    out: list[str] = []
    emit(out.append, *args)
    text = "".join(out)
    end = text.index("\n")
    write(f"{text[:end]} {side}{text[end:]}")
