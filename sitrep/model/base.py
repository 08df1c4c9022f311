"""Building blocks of every entry: the base model, ids, text, coordinates, shared choices."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""A short identifier: letters, digits, '-', '_' and '.', starting with a letter or digit."""

Text = Annotated[str, StringConstraints(min_length=1)]
"""Non-empty text."""

Latitude = Annotated[float, Strict(), Field(ge=-90, le=90)]
"""Degrees north, a number (not text, not true/false)."""
Longitude = Annotated[float, Strict(), Field(ge=-180, le=180)]
"""Degrees east, a number (not text, not true/false)."""
Count = Annotated[int, Strict(), Field(ge=1)]
"""A whole number from 1 up, written as a number."""

Confidence = Literal["confirmed", "reported", "claimed"]
"""How sure the control or status is: seen confirmed, reported by others, or claimed by a side."""


class Entry(BaseModel):
    """Base of every model in the file: unknown keys are errors, values are re-checked."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        frozen=False,
        str_strip_whitespace=False,
    )


HourMinute = Annotated[
    str,
    StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"),
    Field(description="A 24-hour time, HH:MM, e.g. '18:30' (quoted in YAML)"),
]
"""A local time of day."""
