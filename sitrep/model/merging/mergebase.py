"""What every part of a merge shares: a clash, the error, building and commenting an object."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, TypeVar

from pydantic import BaseModel, JsonValue, ValidationError

from sitrep.model.comments import comments_of, set_comments

M = TypeVar("M", bound=BaseModel)
RelPath = tuple[str | int, ...]


class MergeError(ValueError):
    """The sides cannot be merged into a valid situation (the caller keeps ours)."""


@dataclass(frozen=True)
class Clash:
    """A value the merge could not decide, at a path relative to where it was found."""

    path: RelPath
    base: JsonValue
    ours: JsonValue
    theirs: JsonValue
    reason: str | None = None

    def under(self, *prefix: str | int) -> Clash:
        """The same clash seen from the object that holds this one."""
        return replace(self, path=(*prefix, *self.path))


Merged = tuple[Any, list[Clash]]
"""A merged value and the clashes found in it."""


def build(like: M, fields: dict[str, Any]) -> tuple[M, str | None]:
    """A new object of like's model from field values (validated), or like and the error."""
    try:
        built = type(like).model_validate(fields)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        return like, f"{where}: {error['msg']}" if where else str(error["msg"])
    return built, None


def with_comments(merged: M, base: BaseModel | None, ours: BaseModel, theirs: BaseModel) -> M:
    """merged with the comments of the side that changed them (ours when both did)."""
    mine, other = comments_of(ours), comments_of(theirs)
    start = comments_of(base) if base is not None else None
    chosen = other if mine == start and other != start else mine
    if comments_of(merged) == chosen:
        return merged
    if merged is ours or merged is theirs or merged is base:
        merged = merged.model_copy()
    set_comments(merged, chosen)
    return merged
