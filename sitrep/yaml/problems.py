"""Validation errors and cross-entry problems as FILE:LINE:COL messages.

The positions come from a Locate function: yamlnodes.locate over libyaml's node
tree when the full parser read the file, yamllocate.locate_all over the text
when the fast reader did. Both give the same line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from sitrep.errors import Problem, SitrepDataError
from sitrep.model.sections import SECTION_MODELS
from sitrep.model.situation import MAX_PROBLEMS, Header, Path, Situation
from sitrep.model.validate import SLICE, Invalid
from sitrep.yaml.nodes import core_value, yaml11_typed

Locate = Callable[[Sequence[tuple[Path, bool]]], list[tuple[int, int] | None]]
"""The 0-based (line, column) of each (path, key?) in the file, or None."""

_MODELS: dict[str, type[BaseModel]] = {"header": Header, **SECTION_MODELS}


def located(name: str, where: Locate, found: Sequence[tuple[Path, bool, str]]) -> list[Problem]:
    """A Problem for each (path, point at the key?, message), at its line and column."""
    spots = where([(path, key) for path, key, _ in found])
    return [
        Problem(name, spot[0] + 1, spot[1] + 1, message)
        if spot
        else Problem(name, None, None, message)
        for spot, (_, _, message) in zip(spots, found, strict=True)
    ]


def validation_problems(name: str, where: Locate, invalid: Invalid) -> SitrepDataError:
    """The first MAX_PROBLEMS validation errors, located (a hostile file may have millions)."""
    errors = invalid.errors
    problems = located(name, where, [_explain(error) for error in errors[:MAX_PROBLEMS]])
    trailer = (
        [more_problems(name, len(errors) - MAX_PROBLEMS)] if len(errors) > MAX_PROBLEMS else []
    )
    if invalid.stopped_at is not None:
        section, start = invalid.stopped_at
        trailer.append(
            Problem(
                name,
                None,
                None,
                f"only {section} entries up to {start + SLICE:,} were checked (a large file "
                "stops at its first problems): fix these, then check again",
            )
        )
    return SitrepDataError(problems, trailer)


def more_problems(name: str, more: int) -> Problem:
    """The line that ends a list cut at MAX_PROBLEMS: 'and 9,800 more problems'."""
    return Problem(name, None, None, f"and {more:,} more problems (fix these, then check again)")


def _explain(error: Any) -> tuple[Path, bool, str]:
    """Where a pydantic error points (path, at the key?) and what it says, in our words."""
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        field = str(loc[-1])  # the key itself, whatever it holds ('[', '.'...)
        message = f"unknown key {field!r}"
        known = _fields_at(loc[:-1])
        close = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        message += (
            f"; did you mean {close[0]!r}?" if close else f" (known keys: {', '.join(known)})"
        )
        return loc, True, message
    if kind == "missing":
        return loc[:-1], False, f"missing required key {str(loc[-1])!r}"
    # pydantic adds steps of its own to a location ('function-after[...]'): skip them.
    field = next((str(p) for p in reversed(loc) if isinstance(p, str) and "[" not in p), "")
    message = str(error["msg"]).removeprefix("Value error, ").replace("Input should", "should")
    message += _hint(kind, error.get("input"))
    return loc, False, f"{field}: {message}" if field else message


_TYPE_ERRORS = frozenset({"float_type", "int_type", "bool_type", "literal_error"})


def _hint(kind: str, value: object) -> str:
    """What to change when a value has the wrong type: the quotes, true/false, a fraction."""
    if kind not in _TYPE_ERRORS:
        return ""
    if isinstance(value, str):
        try:  # what the reader makes of the same text without quotes
            unquoted = core_value(value) if yaml11_typed(value) else value
        except ValueError:
            return ""
        if not isinstance(unquoted, str) and unquoted is not None:
            return f" (remove the quotes: {value!r} is text)"
        return " (write true or false)" if kind == "bool_type" else ""
    if isinstance(value, bool) and kind in ("float_type", "int_type", "literal_error"):
        return " (true and false are not numbers)"
    if isinstance(value, float) and kind in ("int_type", "literal_error"):
        return " (write a whole number, without a decimal point)"
    if isinstance(value, int) and kind == "bool_type":
        return " (write true or false)"
    return ""


def _fields_at(loc: Path) -> list[str]:
    strings = [p for p in loc if isinstance(p, str)]
    model = _MODELS.get(strings[0]) if strings else Situation
    return list((model or Situation).model_fields)
