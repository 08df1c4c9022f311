"""Validation errors and cross-entry problems as FILE:LINE:COL messages that say what to do.

The positions come from a Locate function: nodes.locate over libyaml's node
tree when the full parser read the file, locate.locate_all over the text when
the fast reader did. Both give the same line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from sitrep.errors import Problem, SitrepDataError
from sitrep.model.parts import model_in
from sitrep.model.sections import SECTION
from sitrep.model.situation import Path, Situation
from sitrep.model.validation.problems import MAX_PROBLEMS
from sitrep.model.validation.suggest import did_you_mean
from sitrep.model.validation.validate import SLICE, Invalid
from sitrep.yaml.nodes import core_value, yaml11_typed

Locate = Callable[[Sequence[tuple[Path, bool]]], list[tuple[int, int] | None]]
"""The 0-based (line, column) of each (path, key?) in the file, or None."""

_NOUNS = {
    "header": "the header",
    **{
        name: f"{'an' if info.noun[0] in 'aeiou' else 'a'} {info.noun}"
        for name, info in SECTION.items()
    },
}
_NOUNS.update(territory="a place", displacement="a displacement figure")


def located(name: str, where: Locate, found: Sequence[tuple[Path, bool, str]]) -> list[Problem]:
    """A Problem for each (path, point at the key?, message), at its line and column."""
    spots = where([(path, key) for path, key, _ in found])
    return [
        Problem(name, spot[0] + 1, spot[1] + 1, message)
        if spot
        else Problem(name, None, None, message)
        for spot, (_, _, message) in zip(spots, found, strict=True)
    ]


def validation_problems(
    name: str, where: Locate, invalid: Invalid, *, version: int = 2
) -> SitrepDataError:
    """Every validation error and cross-entry finding (up to MAX_PROBLEMS), located."""
    root: type[BaseModel] = Situation
    if version == 1:
        from sitrep.model.v1.situation import Situation as V1Situation

        root = V1Situation
    errors = invalid.errors
    explained = [_explain(error, root) for error in errors[:MAX_PROBLEMS]]
    findings = invalid.findings[: max(0, MAX_PROBLEMS - len(explained))]
    firsts = where([(f.first, False) for f in findings if f.first is not None])
    spots = iter(firsts)
    for finding in findings:
        message = finding.message
        if finding.first is not None:
            spot = next(spots)
            if spot is not None:
                message += f" (first used on line {spot[0] + 1})"
        explained.append((finding.path, False, message))
    problems = located(name, where, explained)
    more = (
        max(0, len(errors) - MAX_PROBLEMS)
        + (len(invalid.findings) - len(findings))
        + invalid.more_findings
    )
    trailer = [more_problems(name, more)] if more else []
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


def _explain(error: Any, root: type[BaseModel]) -> tuple[Path, bool, str]:
    """Where a pydantic error points (path, at the key?) and what it says, in our words."""
    raw: Path = tuple(error["loc"])
    # pydantic adds steps of its own to a location ('function-after[...]'): skip them,
    # but never the last step of an unknown key, whatever it holds ('notes[0]').
    keep_last = error["type"] == "extra_forbidden"
    loc: Path = tuple(
        p
        for i, p in enumerate(raw)
        if not (isinstance(p, str) and _STEP.match(p)) or (keep_last and i == len(raw) - 1)
    )
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        known = _fields_at(root, loc[:-1])
        close = did_you_mean(key, known)
        hint = f"; did you mean {close!r}?" if close else f" (known keys: {', '.join(known)})"
        return loc, True, f"unknown key {key!r}{hint}"
    if kind == "missing":
        return loc[:-1], False, f"missing required key {field!r}"
    return loc, False, _message(error, field, loc)


def _message(error: Any, field: str, loc: Path) -> str:
    kind = str(error["type"])
    given = error.get("input")
    prefix = f"{field}: " if field else ""
    if kind.startswith("date") and kind != "date_from_datetime_inexact":
        if isinstance(given, str) and _ISO_SHAPE.match(given):
            return f"{prefix}{given} is not a real date (no such day in that month)"
        return f"{prefix}{_shown(given)} is not a date: write dates as YYYY-MM-DD, e.g. 2024-12-02"
    if kind == "string_pattern_mismatch" and field in _ID_FIELDS:
        return (
            f"{prefix}{_shown(given)} is not an id: use letters, digits, '-', '_' or '.', "
            "starting with a letter or digit (e.g. north-district)"
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        what = _NOUNS.get(str(loc[0]) if loc else "", "this entry")
        if loc and isinstance(loc[-1], int) and len(loc) == 2:
            what = _NOUNS.get(str(loc[0]), "an entry")
        return (
            f"{what} is a set of keys (key: value on lines of its own), not "
            f"{_kind_of(given)}: check the indentation"
        )
    if kind == "list_type":
        return f"{prefix}should be a list (one '- item' per line), not {_kind_of(given)}"
    if kind == "date_from_datetime_inexact" or isinstance(given, dt.datetime):
        return f"{prefix}should be a date without a time, written YYYY-MM-DD"
    message = str(error["msg"]).removeprefix("Value error, ").replace("Input should", "should")
    return f"{prefix}{message}{_hint(kind, given)}"


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


_NUMBER = re.compile(r"^[-+]?\d+(\.\d*)?$")
_STEP = re.compile(r"^[a-z]+(-[a-z]+)+\[|^(nullable|union|list|dict)\[")
"""pydantic's own validation steps in a location, e.g. 'function-after[_check(), ...]'."""
_ISO_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID_FIELDS = {
    "id", "holder", "parties", "by", "seat", "merged_into", "side", "within", "place",
    "sources", "embassy_sources",
}  # fmt: skip


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _kind_of(value: Any) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"a {type(value).__name__}"


def _fields_at(root: type[BaseModel], loc: Path) -> list[str]:
    """The keys allowed where loc points (walking nested models along the path)."""
    model: type[BaseModel] = root
    for step in loc:
        if isinstance(step, int):
            continue
        field = model.model_fields.get(step)
        nested = model_in(field.annotation) if field is not None else None
        if nested is None:
            break
        model = nested
    return list(model.model_fields)
