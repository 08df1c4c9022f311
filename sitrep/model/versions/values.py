"""Values as the YAML file holds them: what a diff shows and a conflict records.

A date is its ISO text, a figure its wording (an exact one a number), a field
left at its default (None, an empty list) is absent: None.
"""

from __future__ import annotations

import json

from pydantic import BaseModel, JsonValue

SHOWN = 60
"""Characters of a value shown in a message; longer ones are cut with '…'."""


def whole(obj: BaseModel | None) -> JsonValue:
    """An object as its YAML value (absent: None)."""
    return None if obj is None else obj.model_dump(mode="json", exclude_defaults=True)


def field_value(obj: BaseModel | None, name: str) -> JsonValue:
    """One field of an object as its YAML value (None when absent or left at its default)."""
    if obj is None:
        return None
    dumped = obj.model_dump(mode="json", include={name}, exclude_defaults=True)
    value: JsonValue = dumped.get(name)
    return value


def shown(value: JsonValue) -> str:
    """A YAML value on one line, cut short: 'taliban', 389645, {holder: taliban, ...}."""
    if value is None:
        return "absent"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return _cut("'" + text[1:-1].replace("'", "''") + "'")
    return _cut(one_line(value))


def one_line(value: JsonValue, *, nested: bool = False) -> str:
    """A YAML value on one line, in full: text as written unless it needs quotes.

    Text is quoted (JSON-style, escapes visible) when it has line breaks or other
    unprintable characters, spaces around it, or is empty; inside a list or
    mapping also when it has a comma, bracket, brace or quote.
    """
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {one_line(v, nested=True)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(one_line(v, nested=True) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if _needs_quotes(value, nested) else value
    return "null" if value is None else json.dumps(value)


def _needs_quotes(text: str, nested: bool) -> bool:
    return (
        not text
        or text != text.strip()
        or any(not c.isprintable() for c in text)
        or (nested and any(c in text for c in ",{}[]#'\""))
    )


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
