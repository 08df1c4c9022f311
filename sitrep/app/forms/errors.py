"""Turn pydantic and document errors into short messages placed at the right field."""

from __future__ import annotations

import re
from collections.abc import Collection

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from sitrep.model.base import ID_PATTERN

_PATTERNS = {
    r"^([01]\d|2[0-3]):[0-5]\d$": "a 24-hour time, HH:MM, e.g. 18:30",
    r"^(people|households|percent|km2|[A-Z]{3})$": (
        "people, households, percent, km2, or a currency code such as USD"
    ),
}
"""What other patterns of the models mean, in words (ids have their own message)."""

_FRIENDLY_TYPES = {
    "missing": "required",
    "string_too_short": "required",
    "too_short": "add at least one",
    "string_pattern_mismatch": (
        "letters, digits, '-', '_' and '.' only, starting with a letter or digit"
    ),
}


def friendly(error: ErrorDetails) -> str:
    """A short message for one pydantic error, without pydantic's prefixes."""
    if error["type"] == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") != (
        ID_PATTERN
    ):
        return _PATTERNS.get(str(error.get("ctx", {}).get("pattern")), "not in the expected form")
    if error["type"] in _FRIENDLY_TYPES:
        return _FRIENDLY_TYPES[error["type"]]
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message


def mentioned_field(message: str, names: Collection[str]) -> str | None:
    """The first field named in a message ('period_start is after...' -> period_start)."""
    hits = [(m.start(), name) for name in names for m in re.finditer(rf"\b{name}\b", message)]
    return min(hits)[1] if hits else None


def map_validation_error(
    exc: ValidationError, names: Collection[str], *, rules_only: bool = False
) -> tuple[dict[str, str], list[str]]:
    """Split a ValidationError into per-field messages and messages for the whole form.

    With rules_only, only the model's rules across fields (errors without a location).
    """
    fields: dict[str, str] = {}
    general: list[str] = []
    for error in exc.errors(include_url=False):
        if rules_only and error["loc"]:
            continue
        loc = error["loc"]
        name = str(loc[0]) if loc else mentioned_field(error["msg"], names)
        message = friendly(error)
        if name is not None and name in names:
            fields.setdefault(name, message)
        else:
            general.append(message)
    return fields, general


_REJECTION_FIELDS: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = (
    (re.compile(r"(\w+) '[^']*' is already used"), None),
    (re.compile(r"unknown source"), ("sources", "embassy_sources", "control", "series")),
    (re.compile(r"unknown party"), ("holder", "merged_into", "control")),
    (re.compile(r"unknown place"), ("within", "seat", "place")),
    (re.compile(r"within itself"), ("within",)),
    (re.compile(r"lat and lon"), ("lat",)),
    (re.compile(r"cannot change"), ("id",)),
)


def rejected_field(message: str, names: Collection[str]) -> str | None:
    """Which field a document rule (EditRejected from check_entry) is about."""
    for pattern, candidates in _REJECTION_FIELDS:
        match = pattern.search(message)
        if match:
            fields = candidates or (match.group(1),)
            return next((name for name in fields if name in names), None)
    return None
