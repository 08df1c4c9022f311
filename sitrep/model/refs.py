"""Which fields of which entries refer to other entries: the one table the checks walk.

A reference is a party id (who holds a place), a place id (a party's seat, the
place a place is within) or a source id (what a fact cites). Entries made of
parts (a place's control changes, a figure's series) are walked into.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    Party: {"seat": "place", "merged_into": "party"},
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
    """(path within the entry, kind, id) of each reference of an entry, of one kind or all."""
    cls = type(entry)
    for name, ref_kind in REFERENCES.get(cls, {}).items():
        if kind is not None and ref_kind != kind:
            continue
        value = getattr(entry, name)
        if isinstance(value, list):
            for i, ref in enumerate(value):
                yield (name, i), ref_kind, ref
        elif value is not None:
            yield (name,), ref_kind, value
    for name in PARTS.get(cls, ()):
        for i, part in enumerate(getattr(entry, name)):
            for path, part_kind, ref in references(part, kind):
                yield (name, i, *path), part_kind, ref


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
