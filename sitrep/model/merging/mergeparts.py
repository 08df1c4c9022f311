"""Three-way merge of one object (an entry, a part of a history, the header), field by field.

Each field is taken from the side that changed it; a field both sides changed
the same way is taken once. Both sides changing it differently is a clash, and
the field keeps our value. Lists of text (sources, aliases, tags...) merge as
sets: what either side removed goes, what either side added comes. Histories
are merged by mergehistory.py. An object whose merged fields do not make a valid
whole (one side made a place contested, the other named its new holder) keeps
our version whole, each field the sides disagree on a clash that says why.

Comments ride on the objects: each merged object keeps the comments of the side
that changed them (ours when both did).
"""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from pydantic import BaseModel

from sitrep.model.merging.mergebase import Clash, Merged, build, with_comments
from sitrep.model.merging.mergehistory import merge_history
from sitrep.model.merging.mergeorder import merged_order
from sitrep.model.versions.keys import history
from sitrep.model.versions.values import field_value

M = TypeVar("M", bound=BaseModel)
RelPath = tuple[str | int, ...]


def merge_model(base: M | None, ours: M, theirs: M) -> tuple[M, list[Clash]]:
    """Merge two versions of an object (base None: both sides added it)."""
    if ours == theirs:
        return with_comments(ours, base, ours, theirs), []
    model = type(ours)
    fields: dict[str, Any] = {}
    clashes: list[Clash] = []
    for name, info in model.model_fields.items():
        mine, other = getattr(ours, name), getattr(theirs, name)
        if mine == other:
            fields[name] = mine
            continue
        if base is not None:
            start = getattr(base, name)
        elif info.is_required():
            start = _NOTHING
        else:
            start = info.get_default(call_default_factory=True)
        if start == mine:
            fields[name] = other
        elif start == other:
            fields[name] = mine
        else:
            fields[name], found = _merge_field(model, name, start, mine, other, base, ours, theirs)
            clashes += [clash.under(name) for clash in found]
    merged, error = build(ours, fields)
    if error is None:
        return with_comments(merged, base, ours, theirs), clashes
    # The two sides' changes do not fit together: keep ours whole, each field they
    # disagree on a clash (the same ones whichever side is ours).
    reason = f"the two sides' changes do not fit together here: {error}"
    clashes = [
        Clash(
            (name,),
            field_value(base, name),
            field_value(ours, name),
            field_value(theirs, name),
            reason,
        )
        for name in model.model_fields
        if getattr(ours, name) != getattr(theirs, name)
    ]
    return with_comments(ours, base, ours, theirs), clashes


class _Nothing:
    """The base value of a required field of an object both sides added."""

    def __eq__(self, other: object) -> bool:
        return other is self

    def __hash__(self) -> int:
        return 0


_NOTHING: Any = _Nothing()


def _merge_field(
    model: type[BaseModel],
    name: str,
    start: Any,
    mine: Any,
    other: Any,
    base: BaseModel | None,
    ours: BaseModel,
    theirs: BaseModel,
) -> Merged:
    """A field both sides changed differently: merged if it is a list or an object, else a clash."""
    if start is _NOTHING:
        start = None
    parts = history(model, name)
    if parts is not None:
        return merge_history(parts, start or [], mine, other, merge_model)
    if _is_text_list(model, name):
        return merge_texts(start or [], mine, other), []
    both = isinstance(mine, BaseModel) and isinstance(other, BaseModel)
    if both and (start is None or isinstance(start, BaseModel)):
        return merge_model(start, mine, other)
    clash = Clash((), field_value(base, name), field_value(ours, name), field_value(theirs, name))
    return mine, [clash]


def _is_text_list(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    if typing.get_origin(annotation) is not list:
        return False
    (item,) = typing.get_args(annotation)
    return not (isinstance(item, type) and issubclass(item, BaseModel))


def merge_texts(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """A list of text merged as a set: what either side removed goes, what it added comes."""
    b, o, t = _numbered(base), _numbered(ours), _numbered(theirs)
    sb, so, st = set(b), set(o), set(t)
    keep = [k for k in (*o, *t) if (k in so and k in st) or k not in sb]
    return [key[0] for key in merged_order(b, o, t, keep)]


def _numbered(items: list[Any]) -> list[tuple[Any, int]]:
    """Items with their occurrence (the second 'x' is ('x', 1)), so repeats stay apart."""
    seen: dict[Any, int] = {}
    out = []
    for item in items:
        seen[item] = seen.get(item, -1) + 1
        out.append((item, seen[item]))
    return out
