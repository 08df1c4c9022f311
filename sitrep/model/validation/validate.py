"""Validating situation data, of either format version, at a bounded cost.

Version 1 data is validated by the frozen version 1 models (so its problems
point at its own lines) and then migrated; version 2 data directly. Every
problem is reported in one run: when some entries are invalid, the others are
still checked for unknown references and duplicates.

pydantic keeps every error it finds, about 350 bytes each, so a file of a few
million wrong values would take gigabytes just to be refused. Large data is
therefore validated a slice of entries at a time, stopping at the first slice
with errors (the fast reader caps keys per mapping and items per nested list,
so one slice can hold only so many). Small data is validated in one go.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from sitrep.model.sections import REGISTRY, SECTION_MODELS
from sitrep.model.situation import FORMAT_VERSION, Header, Situation
from sitrep.model.v1.migrate import migrate
from sitrep.model.validation.problems import Finding, count_problems, cross_entry_problems

if typing.TYPE_CHECKING:
    from sitrep.model.v1.situation import Situation as V1Situation

SLICED_ABOVE = 500_000
"""Data with more YAML values than this is validated a slice at a time."""
SLICE = 100
"""Entries per slice: with at most 200 keys and 1,000-item lists each, under 500,000 errors."""

V1_SECTIONS = ("parties", "sources", "territory", "evacuations", "displacement", "notes", "outlook")
"""Version 1's sections (their models are imported only to read a version 1 file)."""


class Invalid(Exception):
    """The data is not a valid situation: pydantic's errors and cross-entry findings."""

    def __init__(
        self,
        errors: list[Any],
        stopped_at: tuple[str, int] | None = None,
        findings: list[Finding] | None = None,
        more_findings: int = 0,
    ) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors
        self.stopped_at = stopped_at
        """(section, index) of the slice where validation stopped: later ones were not checked."""
        self.findings = findings or []
        """Unknown references, duplicates and other problems across entries."""
        self.more_findings = more_findings
        """Cross-entry problems beyond the ones listed."""


def format_version(data: dict[str, Any]) -> int:
    """The format version the data says (or implies), or Invalid at ``sitrep``."""
    version = data.get("sitrep")
    if version is None:
        return 1 if "territory" in data or "displacement" in data else FORMAT_VERSION
    if type(version) is not int:
        if isinstance(version, str):
            hint = " (remove the quotes)"
        elif isinstance(version, bool):
            hint = " (true and false are not numbers)"
        elif isinstance(version, float):
            hint = " (write a whole number, without a decimal point)"
        else:
            hint = ""
        message = f"should be {FORMAT_VERSION} (or 1), written as a whole number{hint}"
        raise Invalid([_error(("sitrep",), message)])
    if version not in (1, FORMAT_VERSION):
        raise Invalid(
            [
                _error(
                    ("sitrep",),
                    f"format version {version} is not one this sitrep reads (1 or "
                    f"{FORMAT_VERSION}): a newer sitrep wrote it? Upgrade sitrep",
                )
            ]
        )
    return version


def validate_situation(data: dict[str, Any], values: int = 0) -> Situation:
    """The situation in data (as read from YAML); values is how many YAML values it holds."""
    if format_version(data) == 1:
        return migrate(_validate_v1(data, values))
    try:
        situation: Situation = _validate(Situation, data, values, SECTION_MODELS)
    except Invalid as exc:
        if exc.stopped_at is None:
            exc.findings = _partial_findings(data)
        raise
    findings = cross_entry_problems(situation)
    if findings:
        raise Invalid(
            [], findings=findings, more_findings=count_problems(situation) - len(findings)
        )
    return situation


def _validate_v1(data: dict[str, Any], values: int) -> V1Situation:
    from sitrep.model.v1.situation import Situation as V1

    models = {name: typing.get_args(V1.model_fields[name].annotation)[0] for name in V1_SECTIONS}
    old: V1Situation = _validate(V1, data, values, models)
    problems = old.problems()
    if problems:
        raise Invalid([], findings=[Finding(path, message) for path, message in problems])
    return old


def _validate(
    model: type[BaseModel],
    data: dict[str, Any],
    values: int,
    section_models: Mapping[str, type[BaseModel]],
) -> Any:
    try:
        if values <= SLICED_ABOVE:
            return model.model_validate(data)
        checked = dict(data)
        for section, entry_model in section_models.items():
            items = data.get(section)
            if isinstance(items, list):
                checked[section] = _entries(section, entry_model, items)
        return model.model_validate(checked)
    except ValidationError as exc:
        raise Invalid(exc.errors(include_url=False)) from None


def _partial_findings(data: dict[str, Any]) -> list[Finding]:
    """Cross-entry problems among the entries that are valid on their own.

    So a file with a bad date and an unknown party reports both in one run. An
    invalid entry still counts as present (its id, if it has one, is known), so
    nothing is reported twice or wrongly.
    """
    sections: dict[str, list[Any]] = {}
    where: dict[str, list[int]] = {}
    for info in REGISTRY:
        items = data.get(info.name)
        if not isinstance(items, list):
            continue
        adapter = _adapter(info.model)
        valid: list[Any] = []
        for i, item in enumerate(items):
            try:
                valid.extend(adapter.validate_python([item]))
            except ValidationError:
                if isinstance(item, dict) and info.key is not None:
                    placeholder = _placeholder(info.model, item.get(info.key))
                    if placeholder is None:
                        continue
                    valid.append(placeholder)
                else:
                    continue
            where.setdefault(info.name, []).append(i)
        sections[info.name] = valid
    raw_header = data.get("header")
    fields: dict[str, Any] = {**sections}
    if isinstance(raw_header, dict):
        fields["header"] = Header.model_construct(None, **raw_header)
    partial = Situation.model_construct(None, **fields)
    found: list[Finding] = []
    for finding in cross_entry_problems(partial):
        path = finding.path
        if len(path) >= 2 and isinstance(path[1], int) and str(path[0]) in where:
            index = where[str(path[0])][path[1]]
            if _is_placeholder(sections[str(path[0])][path[1]]):
                continue
            path = (path[0], index, *path[2:])
        first = finding.first
        if first is not None and len(first) >= 2 and isinstance(first[1], int):
            first = (first[0], where[str(first[0])][first[1]], *first[2:])
        found.append(Finding(path, finding.message, first))
    return found


class _Placeholder:
    """Stands for an invalid entry whose id is still known (it is not checked itself)."""


def _placeholder(model: type[BaseModel], key: Any) -> Any:
    if not isinstance(key, str):
        return None
    fields: dict[str, Any] = {
        name: [] if typing.get_origin(field.annotation) is list else None
        for name, field in model.model_fields.items()
    }
    entry = model.model_construct(None, **fields)
    object.__setattr__(entry, "__sitrep_placeholder__", True)
    for name in ("id", "actor"):
        if name in model.model_fields:
            object.__setattr__(entry, name, key)
    return entry


def _is_placeholder(entry: Any) -> bool:
    return bool(getattr(entry, "__sitrep_placeholder__", False))


def _error(loc: tuple[str | int, ...], message: str) -> dict[str, Any]:
    return {"type": "value_error", "loc": loc, "msg": message, "input": None}


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
