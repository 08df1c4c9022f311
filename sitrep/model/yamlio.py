"""Read and write situation files: safe loading with line:col errors, canonical output.

Canonical output is deterministic and diff-friendly: fields in model order, block
style, UTF-8, long text as literal blocks, a blank line between entries, values
equal to their default left out. Loading and dumping a canonical file gives the
same bytes; editing one field changes only that field's lines.
"""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path as FsPath
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from sitrep.errors import Problem, SitrepDataError, SitrepIOError
from sitrep.model.document import SECTION_MODELS
from sitrep.model.situation import MAX_PROBLEMS, Header, Path, Situation
from sitrep.model.yamlfast import fast_load, without_gc
from sitrep.model.yamlnodes import NodeError, compose, locate, to_python

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger files are refused before parsing: 16 MiB holds about 50,000 entries.

Parsing costs about 3 µs and 600 bytes of memory per YAML value on a slow
machine, so the real limit is on values (yamlnodes.MAX_NODES); this one refuses
absurd files without reading them. See docs/safety.md for the measurements.
"""

_SECTION_MODELS: dict[str, type[BaseModel]] = {"header": Header, **SECTION_MODELS}


def read_text(path: str | FsPath) -> str:
    """Read a situation file as UTF-8 text, refusing huge, binary or non-UTF-8 files."""
    return decode(read_bytes(path), str(path))


def read_bytes(path: str | FsPath) -> bytes:
    """Read a situation file's bytes: regular files only, at most MAX_FILE_BYTES.

    Opened without blocking, so a named pipe or a device given as a file name
    is refused instead of hanging or streaming forever.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise SitrepIOError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise SitrepIOError(f"{name}: is a folder, not a situation file") from None
    except OSError as exc:
        raise SitrepIOError(f"{name}: cannot read: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SitrepIOError(f"{name}: is a folder, not a situation file")
        raise SitrepIOError(f"{name}: not a regular file (a pipe or a device?)")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_FILE_BYTES:
            raise SitrepDataError([_too_large(name)])
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise SitrepIOError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew while we read it
        raise SitrepDataError([_too_large(name)])
    return data


def _too_large(name: str) -> Problem:
    return Problem(
        name,
        None,
        None,
        f"file is larger than {MAX_FILE_BYTES // 2**20} MiB, the limit for a situation file",
    )


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


@without_gc
def parse_situation(text: str, name: str = "<text>") -> Situation:
    """Validate YAML text as a situation; every problem is reported with its line:col."""
    situation = _parse_fast(text)
    if situation is not None:
        return situation
    try:
        root = compose(text)
    except NodeError as exc:  # over the size budget
        raise SitrepDataError([Problem(name, exc.line + 1, exc.column + 1, exc.message)]) from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at 1000
        raise SitrepDataError([Problem(name, None, None, "nested too deeply")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        where = exc.context_mark
        if (
            exc.problem
            and exc.context
            and where is not None
            and mark is not None
            and ((where.line, where.column) != (mark.line, mark.column))
        ):
            # e.g. "found unexpected end of stream (while scanning a quoted scalar at ...)"
            context = " ".join(str(exc.context).split())
            message += f" ({context} at line {where.line + 1}, column {where.column + 1})"
        if "\t" in text and "tab" not in message and mark is not None:
            message += " (tabs cannot indent YAML: use spaces)"
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise SitrepDataError([Problem(name, line, col, message)]) from None
    except yaml.reader.ReaderError as exc:  # a raw control character; libyaml gives a byte offset
        line, col = _position(text.encode("utf-8", "surrogatepass"), exc.position)
        raise SitrepDataError([Problem(name, line, col, _bad_character(exc))]) from None
    except yaml.YAMLError as exc:  # any other error without a mark
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
        raise SitrepDataError(_problems(name, root, exc)) from None
    problems = situation.problems()
    if problems:
        raise SitrepDataError([_at(name, root, path, message) for path, message in problems])
    return situation


def _parse_fast(text: str) -> Situation | None:
    """A valid file in plain block YAML, read without libyaml's node tree (several times
    faster); None sends the text to the full parser, which locates every problem."""
    data = fast_load(text)
    if not isinstance(data, dict):
        return None
    try:
        situation = Situation.model_validate(data)
    except ValidationError:
        return None
    return None if situation.problems() else situation


def _problems(name: str, root: yaml.Node, exc: ValidationError) -> list[Problem]:
    """The first MAX_PROBLEMS validation errors, located (a hostile file may have millions)."""
    errors = exc.errors(include_url=False)
    problems = [_problem(name, root, error) for error in errors[:MAX_PROBLEMS]]
    if len(errors) > MAX_PROBLEMS:
        more = len(errors) - MAX_PROBLEMS
        problems.append(
            Problem(name, None, None, f"{more:,} more problems (the first {MAX_PROBLEMS} follow)")
        )
    return problems


def _bad_character(exc: yaml.reader.ReaderError) -> str:
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return (
        f"control character U+{code:04X} in the text ({exc.reason}): "
        'write it escaped inside double quotes, e.g. "\\e" for ESC'
    )


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

# The canonical emitter writes the same bytes as PyYAML's block dumper, about ten
# times faster (see yamlemit; its reference dumper is emit_with_pyyaml).
from sitrep.model.yamlemit import dump_canonical  # noqa: E402


def to_data(situation: Situation) -> dict[str, Any]:
    """The situation as plain data in canonical order, defaults left out."""
    data = situation.model_dump(mode="python", exclude_defaults=True)
    data.pop("sitrep", None)
    return {"sitrep": situation.sitrep, **data}


@without_gc
def dump_situation(situation: Situation) -> str:
    """The canonical YAML text of a situation (block style, blank lines between entries)."""
    return dump_canonical(to_data(situation))
