"""Validating situation data at a cost bounded even for a hostile file.

pydantic keeps every error it finds, about 350 bytes each, so a file of a few
million wrong values would take gigabytes just to be refused. Large data is
therefore validated a slice of entries at a time, stopping at the first slice
with errors (the fast reader caps keys per mapping and items per nested list,
so one slice can hold only so many). Small data is validated in one go, so
every error is listed, as before.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from sitrep.model.sections import SECTION_MODELS
from sitrep.model.situation import Situation

SLICED_ABOVE = 500_000
"""Data with more YAML values than this is validated a slice at a time."""
SLICE = 100
"""Entries per slice: with at most 200 keys and 1,000-item lists each, under 500,000 errors."""


class Invalid(Exception):
    """The data is not a valid situation: pydantic's errors, with paths from the top."""

    def __init__(self, errors: list[Any], stopped_at: tuple[str, int] | None = None) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors
        self.stopped_at = stopped_at
        """(section, index) of the slice where validation stopped: later ones were not checked."""


def validate_situation(data: dict[str, Any], values: int = 0) -> Situation:
    """The situation in data (as read from YAML); values is how many YAML values it holds."""
    try:
        if values <= SLICED_ABOVE:
            return Situation.model_validate(data)
        checked = dict(data)
        for section, model in SECTION_MODELS.items():
            items = data.get(section)
            if isinstance(items, list):
                checked[section] = _entries(section, model, items)
        return Situation.model_validate(checked)
    except ValidationError as exc:
        raise Invalid(exc.errors(include_url=False)) from None


def _entries(section: str, model: type[BaseModel], items: list[Any]) -> list[Any]:
    """The entries of a section as models, validated a slice at a time."""
    adapter = _adapter(model)
    models: list[Any] = []
    for start in range(0, len(items), SLICE):
        try:
            models.extend(adapter.validate_python(items[start : start + SLICE]))
        except ValidationError as exc:
            errors = [
                {**error, "loc": (section, start + int(error["loc"][0]), *error["loc"][1:])}
                for error in exc.errors(include_url=False)
            ]
            raise Invalid(errors, (section, start)) from None
    return models


@functools.cache
def _adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]
