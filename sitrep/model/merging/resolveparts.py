"""Setting a value deep in an entry for a resolved conflict, and the paths that move with it.

A conflict's path goes into an entry: a field, a field of a part of a history,
or a part itself. The value is validated as that field (or part) in the model;
the entry is checked as a whole once all its choices are set. Inserting or
removing a part moves the parts after it, and the paths of the other conflicts
that point at them.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BaseModel, JsonValue, TypeAdapter, ValidationError

from sitrep.model.carry import carry
from sitrep.model.conflicts import Conflict, dotted
from sitrep.model.validation.checks import EditRejected
from sitrep.model.versions.keys import History, history

Shift = tuple[tuple[str | int, ...], int, int]
"""(path of a list, position, +1 or -1): an item was inserted or removed there."""


def index_of(entries: list[BaseModel], entry: BaseModel) -> int:
    return next(i for i, e in enumerate(entries) if e is entry)


def deepest_first(picked: list[tuple[Conflict, JsonValue]]) -> list[tuple[Conflict, JsonValue]]:
    """Later list positions first, so an insertion does not move what is still to be set."""

    def order(item: tuple[Conflict, JsonValue]) -> list[tuple[int, int | str]]:
        return [(0, p) if isinstance(p, int) else (1, p) for p in item[0].path]

    return sorted(picked, key=order, reverse=True)


def set_at(
    obj: BaseModel,
    rel: tuple[str | int, ...],
    value: JsonValue,
    conflict: Conflict,
    shifts: list[Shift],
) -> BaseModel:
    """obj with the value at rel (a field, or a part of a list field) set to value."""
    name = rel[0]
    model = type(obj)
    if not isinstance(name, str) or name not in model.model_fields:
        raise EditRejected(f"{dotted(conflict.path)}: no such field: resolve it by hand")
    current = getattr(obj, name)
    if len(rel) == 1:
        return obj.model_copy(update={name: _field(model, name, value)})
    if isinstance(current, BaseModel):
        return obj.model_copy(update={name: set_at(current, rel[1:], value, conflict, shifts)})
    index = rel[1]
    if not isinstance(current, list) or not isinstance(index, int):
        raise EditRejected(f"{dotted(conflict.path)}: not in the file: resolve it by hand")
    items = list(current)
    where = tuple(conflict.path[: len(conflict.path) - len(rel) + 1])
    if len(rel) == 2 and conflict.ours is None:  # a part we deleted: put theirs back
        if value is not None:
            item = validated(_item_model(model, name), value)
            parts = history(model, name)
            at = min(index, len(items))
            if parts is not None and not _in_order(parts, [*items[:at], item, *items[at:]]):
                at = sum(1 for i in items if parts.order_of(i) <= parts.order_of(item))
            items.insert(at, item)
            shifts.append((where, at, +1))
    elif not 0 <= index < len(items):
        raise EditRejected(f"{dotted(conflict.path)} is no longer in the file: resolve it by hand")
    elif len(rel) == 2 and value is None:
        del items[index]
        shifts.append((where, index, -1))
    elif len(rel) == 2:
        items[index] = carry(items[index], validated(_item_model(model, name), value))
    else:
        items[index] = set_at(items[index], rel[2:], value, conflict, shifts)
    return obj.model_copy(update={name: items})


def _in_order(parts: History, items: list[BaseModel]) -> bool:
    keys = [parts.order_of(i) for i in items]
    return keys == sorted(keys)


def moved(conflict: Conflict, shifts: list[Shift]) -> Conflict:
    """conflict with its list positions moved by the insertions and removals made."""
    path = list(conflict.path)
    for where, at, delta in shifts:
        n = len(where)
        if len(path) > n and _same(path[:n], where) and isinstance(path[n], int):
            position = path[n]
            assert isinstance(position, int)
            if position > at or (delta > 0 and position == at):
                path[n] = position + delta
    return conflict if path == conflict.path else conflict.model_copy(update={"path": path})


def _same(a: Sequence[str | int], b: Sequence[str | int]) -> bool:
    return all(str(x).casefold() == str(y).casefold() for x, y in zip(a, b, strict=True))


def _field(model: type[BaseModel], name: str, value: JsonValue) -> Any:
    info = model.model_fields[name]
    if value is None:
        if info.is_required():
            raise EditRejected(f"{name} cannot be left out")
        return info.get_default(call_default_factory=True)
    try:
        return _adapter(model, name).validate_python(value)
    except ValidationError as exc:
        raise EditRejected(f"{name}: {exc.errors(include_url=False)[0]['msg']}") from None


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    kind: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(kind)


def _item_model(model: type[BaseModel], name: str) -> type[BaseModel]:
    (item,) = typing.get_args(model.model_fields[name].annotation)
    assert isinstance(item, type) and issubclass(item, BaseModel)
    return item


def validated(model: type[BaseModel], value: Any) -> BaseModel:
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = dotted(tuple(error["loc"]))
        raise EditRejected(f"{where}: {error['msg']}" if where else str(error["msg"])) from None


def checked(obj: BaseModel) -> BaseModel:
    """obj, if it is valid as a whole (choices applied field by field may not be)."""
    validated(type(obj), obj.model_dump())
    return obj
