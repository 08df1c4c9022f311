"""Read and write situation files: safe loading with line:col errors, canonical output.

Canonical output is deterministic and diff-friendly: fields in model order, block
style, UTF-8, long text as literal blocks, a blank line between entries, values
equal to their default left out. Loading and dumping a canonical file gives the
same bytes; editing one field changes only that field's lines.
"""

from __future__ import annotations

import difflib
from pathlib import Path as FsPath
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from sitrep.errors import Problem, SitrepDataError, SitrepIOError
from sitrep.model import entries
from sitrep.model.situation import Header, Path, Situation
from sitrep.model.yamlnodes import NodeError, compose, locate, to_python

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger files are refused before parsing (about 200,000 places fit in 64 MiB)."""

_SECTION_MODELS: dict[str, type[BaseModel]] = {
    "header": Header,
    "parties": entries.Party,
    "sources": entries.Source,
    "territory": entries.Place,
    "evacuations": entries.Evacuation,
    "displacement": entries.Displacement,
    "notes": entries.Note,
    "outlook": entries.Assessment,
}


def read_text(path: str | FsPath) -> str:
    """Read a situation file as UTF-8 text, refusing huge, binary or non-UTF-8 files."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SitrepIOError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise SitrepIOError(f"{name}: is a folder, not a situation file") from None
    except OSError as exc:
        raise SitrepIOError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SitrepDataError(
            [Problem(name, None, None, f"file is larger than {MAX_FILE_BYTES // 2**20} MiB")]
        )
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed), pointing at the first bad byte otherwise."""
    if b"\x00" in data:
        line, col = _position(data, data.index(b"\x00"))
        raise SitrepDataError([Problem(name, line, col, "binary data (NUL byte): not YAML")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        raise SitrepDataError(
            [Problem(name, line, col, f"not UTF-8 text (byte 0x{data[exc.start]:02x})")]
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def load_situation(path: str | FsPath) -> Situation:
    """Load and validate a situation file; raises SitrepDataError or SitrepIOError."""
    return parse_situation(read_text(path), str(path))


def parse_situation(text: str, name: str = "<text>") -> Situation:
    """Validate YAML text as a situation; every problem is reported with its line:col."""
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        if "\t" in text and "tab" not in message and mark is not None:
            message += " (tabs cannot indent YAML: use spaces)"
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise SitrepDataError([Problem(name, line, col, message)]) from None
    except yaml.YAMLError as exc:  # a reader error without a mark, e.g. a bad character
        raise SitrepDataError([Problem(name, None, None, " ".join(str(exc).split()))]) from None
    if root is None:
        raise SitrepDataError([Problem(name, None, None, "the file is empty")])
    try:
        data = to_python(root)
    except NodeError as exc:
        raise SitrepDataError([Problem(name, exc.line + 1, exc.column + 1, exc.message)]) from None
    if not isinstance(data, dict):
        raise SitrepDataError(
            [Problem(name, 1, 1, "a situation file is a mapping (key: value), not a list or text")]
        )
    try:
        situation = Situation.model_validate(data)
    except ValidationError as exc:
        raise SitrepDataError(
            [_problem(name, root, error) for error in exc.errors(include_url=False)]
        ) from None
    problems = situation.problems()
    if problems:
        raise SitrepDataError([_at(name, root, path, message) for path, message in problems])
    return situation


def _at(name: str, root: yaml.Node, path: Path, message: str, *, key: bool = False) -> Problem:
    where = locate(root, path, key=key)
    line, col = (where[0] + 1, where[1] + 1) if where else (None, None)
    return Problem(name, line, col, message)


def _problem(name: str, root: yaml.Node, error: Any) -> Problem:
    loc: Path = tuple(error["loc"])
    field = next((str(p) for p in reversed(loc) if isinstance(p, str) and "[" not in p), "")
    kind = error["type"]
    if kind == "extra_forbidden":
        message = f"unknown key {field!r}"
        known = _fields_at(loc[:-1])
        close = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        message += (
            f"; did you mean {close[0]!r}?" if close else f" (known keys: {', '.join(known)})"
        )
        return _at(name, root, loc, message, key=True)
    if kind == "missing":
        return _at(name, root, loc[:-1], f"missing required key {field!r}")
    message = str(error["msg"]).removeprefix("Value error, ").replace("Input should", "should")
    return _at(name, root, loc, f"{field}: {message}" if field else message)


def _fields_at(loc: Path) -> list[str]:
    strings = [p for p in loc if isinstance(p, str)]
    model = _SECTION_MODELS.get(strings[0]) if strings else Situation
    return list((model or Situation).model_fields)


# -- output --------------------------------------------------------------------

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]

LONG_TEXT = 72
"""Strings longer than this (or with line breaks) are written as literal blocks."""


class _Dumper(_BaseDumper):
    def ignore_aliases(self, data: Any) -> bool:
        # Never write anchors: the same date object used twice must be written twice
        # (and our loader refuses aliases).
        return True


def _represent_str(dumper: _Dumper, value: str) -> yaml.Node:
    if "\n" in value or len(value) > LONG_TEXT:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def to_data(situation: Situation) -> dict[str, Any]:
    """The situation as plain data in canonical order, defaults left out."""
    data = situation.model_dump(mode="python", exclude_defaults=True)
    data.pop("sitrep", None)
    return {"sitrep": situation.sitrep, **data}


def dump_situation(situation: Situation) -> str:
    """The canonical YAML text of a situation."""
    text: str = yaml.dump(
        to_data(situation),
        Dumper=_Dumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=1_000_000,
        indent=2,
    )
    return _space_out(text)


def _space_out(text: str) -> str:
    """A blank line between top-level sections and between the entries of each list."""
    out: list[str] = []
    first_item = False
    for line in text.splitlines(keepends=True):
        if line[:1] not in (" ", "-", "\n") and out:
            out.append("\n")
            first_item = True
        elif line.startswith("- "):
            if not first_item:
                out.append("\n")
            first_item = False
        out.append(line)
    return "".join(out)
