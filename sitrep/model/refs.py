"""Which fields of which entries refer to other entries: the one table the checks walk.

A reference is a party id (who holds a place), a place id (a party's seat, the
place a place is within) or a source id (what a fact cites). Entries made of
parts (a place's control changes, a figure's series) are walked into.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from sitrep.model.entries import (
    Assessment,
    ControlChange,
    Evacuation,
    FigureEntry,
    FigurePoint,
    Note,
    Party,
    Place,
)

RefKind = Literal["party", "place", "source"]
RelPath = tuple[str | int, ...]

REFERENCED: dict[RefKind, str] = {"party": "parties", "place": "places", "source": "sources"}
"""The section each kind of reference points into."""

REFERENCES: dict[type[BaseModel], dict[str, RefKind]] = {
    Party: {"seat": "place", "merged_into": "party", "sources": "source"},
    Place: {"within": "place", "sources": "source"},
    ControlChange: {"holder": "party", "parties": "party", "by": "party", "sources": "source"},
    Evacuation: {"sources": "source", "embassy_sources": "source"},
    FigureEntry: {"place": "place"},
    FigurePoint: {"sources": "source"},
    Note: {"sources": "source"},
    Assessment: {"sources": "source"},
}
"""Reference fields by model: a field holds one id or a list of ids."""

PARTS: dict[type[BaseModel], tuple[str, ...]] = {
    Place: ("control",),
    FigureEntry: ("series",),
}
"""Fields that hold lists of parts with references of their own."""


def references(
    entry: BaseModel, kind: RefKind | None = None
) -> Iterator[tuple[RelPath, RefKind, str]]:
    """(path within the entry, kind, id) of each reference of an entry, of one kind or all.

    Runs over every entry of a file on each check (a million parts at 100,000
    places), so it walks a plan made once per model instead of recursing.
    """
    return _walk(entry, _plan(type(entry), kind))


@dataclass(frozen=True)
class _Plan:
    """What to read of a model: reference fields (name, kind, is a list) and parts to walk."""

    fields: tuple[tuple[str, RefKind, bool], ...]
    parts: tuple[tuple[str, _Plan], ...]


@functools.cache
def _plan(model: type[BaseModel], kind: RefKind | None) -> _Plan:
    fields = tuple(
        (name, ref_kind, typing.get_origin(model.model_fields[name].annotation) is list)
        for name, ref_kind in REFERENCES.get(model, {}).items()
        if kind is None or ref_kind == kind
    )
    parts = tuple((name, _plan(_part_model(model, name), kind)) for name in PARTS.get(model, ()))
    return _Plan(fields, tuple((name, plan) for name, plan in parts if plan.fields or plan.parts))


def _walk(entry: BaseModel, plan: _Plan) -> Iterator[tuple[RelPath, RefKind, str]]:
    for name, ref_kind, is_list in plan.fields:
        value = getattr(entry, name)
        if is_list:
            for i, ref in enumerate(value):
                yield (name, i), ref_kind, ref
        elif value is not None:
            yield (name,), ref_kind, value
    for name, part_plan in plan.parts:
        for i, part in enumerate(getattr(entry, name)):
            for path, part_kind, ref in _walk(part, part_plan):
                yield (name, i, *path), part_kind, ref


def referenced(entries: list[BaseModel], kind: RefKind) -> set[str]:
    """Every id of one kind that any of these entries refers to (no paths: fast)."""
    found: list[str] = []
    if entries:
        plan = _plan(type(entries[0]), kind)
        for entry in entries:
            _collect(entry, plan, found)
    return set(found)


def has_reference(entry: BaseModel, kind: RefKind) -> bool:
    """Whether an entry refers to anything of this kind."""
    found: list[str] = []
    _collect(entry, _plan(type(entry), kind), found)
    return bool(found)


def _collect(entry: BaseModel, plan: _Plan, found: list[str]) -> None:
    for name, _, is_list in plan.fields:
        value = getattr(entry, name)
        if is_list:
            found.extend(value)
        elif value is not None:
            found.append(value)
    for name, part_plan in plan.parts:
        for part in getattr(entry, name):
            _collect(part, part_plan, found)


def cites(model: type[BaseModel]) -> bool:
    """Whether entries of this model can cite sources (in a field or in their parts)."""
    if "source" in REFERENCES.get(model, {}).values():
        return True
    parts = PARTS.get(model, ())
    return any(cites(_part_model(model, name)) for name in parts)


def cited(entry: BaseModel) -> list[str]:
    """The source ids an entry cites, each once, in order."""
    return list(dict.fromkeys(ref for _, _, ref in references(entry, "source")))


def _part_model(model: type[BaseModel], name: str) -> type[BaseModel]:
    annotation = model.model_fields[name].annotation
    (item,) = getattr(annotation, "__args__", (annotation,))
    assert isinstance(item, type) and issubclass(item, BaseModel)
    return item
