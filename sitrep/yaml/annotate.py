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
a list item that was removed goes after the list; those of a part with no key
left (``refresh: {}``) go below its key. Nothing is dropped until its entry (or
part) is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from sitrep.model.comments import END, SELF, Anchor, Comments, comments_of
from sitrep.model.parts import commented_within
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

    Keys: each commented object's path in data: () for the situation, ("header",),
    (section, index) for an entry, ("places", 3, "control", 1) for a control
    change. The objects above a commented part get a Placed too (perhaps empty)
    naming the key that holds it, so the writer looks inside that key. Empty when
    nothing has comments (5 us at 10,000 places when no object was ever given any).
    """
    placed: dict[Path, Placed] = {}
    for path, obj in commented_within(situation):
        comments = comments_of(obj)
        assert comments is not None
        placed[path] = place(comments, _written(data, path), obj, top=not path)
    for path in list(placed):
        for step in range(1, len(path)):  # (the top level is written whole anyway)
            key = path[step]
            if isinstance(key, str):  # the object above holds the part under this key
                above = placed.get(path[:step])
                if above is None:
                    above = placed[path[:step]] = Placed()
                above.keys.add(key)
    return placed


def _written(data: Mapping[str, Any], path: Path) -> Mapping[str, Any]:
    value: Any = data
    for step in path:
        value = value[step]
    return value if isinstance(value, dict) else {}


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
        listed = items.get(name, ())
        present = {str(v) for v in value} if listed and isinstance(value, list) else set()
        for anchor in listed:
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
                _item(write, item, (key, i), "", placed)
        elif isinstance(value, dict) and value:
            _line(write, f"{key}:", side)
            _mapping(write, value, (key,), "  ", placed)
        else:
            _beside(write, side, write_scalar, f"{key}:", value, "")
    if top.end:
        write("\n")
        _lines(write, top.end, "")
    return "".join(out)


def _item(write: Write, item: Any, path: Path, indent: str, placed: Mapping[Path, Placed]) -> None:
    """One list item at indent (an entry, a control change): comments above its "- " line,
    then each key's."""
    own = placed.get(path)
    if own is None or not isinstance(item, dict):
        write_item(write, item, indent)
        return
    inner = indent + "  "
    for n, (key, value) in enumerate(item.items()):
        if key in own.keys:
            _lines(write, own.before.get(key, ()), inner if n else indent)
        head = f"{inner}{key}:" if n else f"{indent}- {key}:"
        _value(write, head, key, value, own, (path, inner, placed))
    _lines(write, own.end, inner)


def _mapping(
    write: Write, mapping: dict[str, Any], path: Path, indent: str, placed: Mapping[Path, Placed]
) -> None:
    """A mapping under a key (the header, the refresh): its keys at indent, with comments."""
    own = placed.get(path)
    if own is None:
        write_mapping(write, mapping, indent)
        return
    for key, value in mapping.items():
        _lines(write, own.before.get(key, ()), indent)
        _value(write, f"{indent}{key}:", key, value, own, (path, indent, placed))
    _lines(write, own.end, indent)


def _value(
    write: Write,
    head: str,
    key: str,
    value: Any,
    own: Placed,
    where: tuple[Path, str, Mapping[Path, Placed]],
) -> None:
    """A key's value after head, with its comments, its items' and its parts'; where is
    (the path of the object holding key, the indent of its items, every Placed)."""
    path, inner, placed = where
    if key not in own.keys:  # as emit writes it
        write_value(write, head, value, inner)
        return
    side = own.beside.get(key)
    if isinstance(value, list) and value:
        _line(write, head, side)
        done: set[Anchor] = set()
        for i, item in enumerate(value):
            anchor = (key, str(item))
            if isinstance(item, (dict, list)) or anchor in done:
                _item(write, item, (*path, key, i), inner, placed)
                continue
            done.add(anchor)
            _lines(write, own.before.get(anchor, ()), inner)
            _beside(write, own.beside.get(anchor), write_item, item, inner)
    elif isinstance(value, dict) and value:
        _line(write, head, side)
        _mapping(write, value, (*path, key), inner + "  ", placed)
    else:
        _beside(write, side, write_scalar, head, value, inner)
        emptied = placed.get((*path, key))
        if emptied is not None:  # a part with no key left to write (refresh: {})
            _lines(write, [*_flat(emptied.before), *emptied.beside.values(), *emptied.end], inner)


def _flat(before: Mapping[Anchor, list[str]]) -> list[str]:
    return [line for lines in before.values() for line in lines]


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
