"""Read and write situation files: safe loading with line:col errors, canonical output.

Canonical output is deterministic and diff-friendly: fields in model order, block
style, UTF-8, long text as literal blocks, a blank line between entries, values
equal to their default left out. Loading and dumping a canonical file gives the
same bytes; editing one field changes only that field's lines.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

import yaml

from sitrep.errors import Problem, SitrepDataError, SitrepError
from sitrep.files import FileRefused, read_regular
from sitrep.model.situation import Path, Situation
from sitrep.model.v1.migrate import MIGRATION_NOTE, v1_paths
from sitrep.model.validation.validate import Invalid, format_version, validate_situation
from sitrep.yaml import nodes as yamlnodes
from sitrep.yaml.block.fast import Declined, read_plain, without_gc
from sitrep.yaml.comments import Found, attach
from sitrep.yaml.locate import locate_all
from sitrep.yaml.marks import from_nodes
from sitrep.yaml.nodes import NodeError, compose, locate, to_python
from sitrep.yaml.problems import Locate, located, validation_problems

MAX_FILE_BYTES = 80 * 1024 * 1024
"""Larger files are refused before reading: 80 MiB holds about 130,000 places with
control histories (benchmarks/generate.py: 100,000 places, 58 MiB).

The real limits are on values: the fast reader builds at most
yamlfast.MAX_FAST_VALUES (files in the plain block style sitrep writes),
libyaml's path at most yamlnodes.MAX_NODES (anything else). This one refuses
absurd files without reading them. See docs/safety.md for the measurements.
"""


def read_text(path: str | FsPath) -> str:
    """Read a situation file as UTF-8 text, refusing huge, binary or non-UTF-8 files."""
    return decode(read_bytes(path), str(path))


def read_bytes(path: str | FsPath) -> bytes:
    """Read a situation file's bytes: regular files only, at most MAX_FILE_BYTES.

    Opened without blocking, so a named pipe or a device given as a file name
    is refused instead of hanging or streaming forever (sitrep.files).
    """
    try:
        return read_regular(path, MAX_FILE_BYTES, noun="situation file")
    except FileRefused as exc:
        if exc.kind == "too_large":
            raise SitrepDataError([_too_large(str(path))]) from None
        raise


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
    return _parse(text, name)[0]


def check_situation(text: str, name: str = "<text>") -> tuple[Situation, list[Problem]]:
    """parse_situation, and the warnings about what it holds (each at its line:col)."""
    checked = check_text(text, name)
    return checked.situation, checked.warnings


@dataclass(frozen=True)
class Checked:
    """A valid situation, what is probably wrong in it, and what keeps it unfinished."""

    situation: Situation
    warnings: list[Problem]
    errors: list[Problem]
    """Unresolved merge conflicts: the file loads, but `sitrep check` fails on them."""


def check_text(text: str, name: str = "<text>") -> Checked:
    """parse_situation, its warnings and its unresolved conflicts (each at its line:col)."""
    from sitrep.model.merging.unresolved import conflict_findings
    from sitrep.model.validation.warn import warnings

    situation, where = without_gc(_parse)(text, name)
    found = [(f.path, False, f"warning: {f.message}") for f in warnings(situation)]
    if is_version_1(text):
        found.insert(0, (("sitrep",), True, f"warning: {MIGRATION_NOTE}"))
    conflicts = [(f.path, False, f.message) for f in conflict_findings(situation)]
    return Checked(situation, located(name, where, found), located(name, where, conflicts))


_VERSION_1 = re.compile(r"^sitrep:[ \t]*1[ \t]*(#.*)?$", re.MULTILINE)


def is_version_1(text: str) -> bool:
    """Whether a (valid) situation text says it is format version 1."""
    return _VERSION_1.search(text) is not None


def _parse(text: str, name: str) -> tuple[Situation, Locate]:
    read = read_plain(text)
    where: Locate
    if isinstance(read, Declined):
        if read.too_large:
            raise SitrepDataError([Problem(name, None, None, _too_large_message(read))])
        root = _compose(text, name, read)
        data = _to_python(root, name, text)
        comments = _comments(text, root, name)
        values = 0  # at most MAX_NODES: validated in one go

        def where(targets: Sequence[tuple[Path, bool]]) -> list[tuple[int, int] | None]:
            return [locate(root, path, key=key) for path, key in targets]

    else:
        data, values, comments = read.value, read.values, read.comments
        where = functools.partial(locate_all, text)
    if not isinstance(data, dict):
        raise SitrepDataError(
            [Problem(name, 1, 1, "a situation file is a mapping (key: value), not a list or text")]
        )
    try:
        situation = validate_situation(data, values)
    except Invalid as exc:
        version = 1 if _is_v1(data) else 2
        raise validation_problems(name, where, exc, version=version) from None
    if comments:
        attach(situation, comments.moved(v1_paths(data)) if _is_v1(data) else comments)
    return situation, where


def _is_v1(data: dict[str, Any]) -> bool:
    try:
        return format_version(data) == 1
    except Invalid:
        return False


def _too_large_message(read: Declined) -> str:
    return f"{read.reason}: too large for a situation file (split it)"


def _compose(text: str, name: str, declined: Declined) -> yaml.Node:
    """libyaml's node tree of a text the fast reader declined; every error located."""
    try:
        root = compose(text)
    except NodeError:  # over the size budget
        raise SitrepDataError([_over_budget(name, declined)]) from None
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
    return root


def _over_budget(name: str, declined: Declined) -> Problem:
    """Too many values for libyaml's path: say what keeps the file off the fast one."""
    message = (
        f"more than {yamlnodes.MAX_NODES:,} values in a file that is not in the plain block "
        f"style sitrep writes ({declined.reason} here); sitrep reads files this large "
        "only in that style: remove tabs, flow style ([...], "
        "{...}), anchors, tags and escapes, or split the file (sitrep fmt cannot help: "
        "it must read the file first)"
    )
    return Problem(name, declined.line, declined.column, message)


def _to_python(root: yaml.Node, name: str, text: str) -> Any:
    try:
        return to_python(root, text)
    except NodeError as exc:
        raise SitrepDataError([Problem(name, exc.line + 1, exc.column + 1, exc.message)]) from None


def _comments(text: str, root: yaml.Node, name: str) -> Found:
    try:
        return from_nodes(text, root)
    except NodeError as exc:
        raise SitrepDataError([Problem(name, exc.line + 1, exc.column + 1, exc.message)]) from None


def _bad_character(exc: yaml.reader.ReaderError) -> str:
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return (
        f"control character U+{code:04X} in the text ({exc.reason}): "
        'write it escaped inside double quotes, e.g. "\\e" for ESC'
    )


# -- output --------------------------------------------------------------------


def to_data(situation: Situation) -> dict[str, Any]:
    """The situation as plain data in canonical order, defaults left out."""
    data = situation.model_dump(mode="python", exclude_defaults=True)
    data.pop("sitrep", None)
    return {"sitrep": situation.sitrep, **data}


@without_gc
def dump_situation(situation: Situation) -> str:
    """The canonical YAML text of a situation (block style, blank lines between entries),
    with the comments it carries in their canonical places (see yamlannotate)."""
    # The canonical emitter writes the same bytes as PyYAML's block dumper, about ten
    # times faster (see yamlemit; its reference dumper is emit_with_pyyaml). Imported
    # here: its patterns take ~6 ms to compile, which opening a file need not wait for.
    from sitrep.yaml.annotate import emit_commented, gather
    from sitrep.yaml.emit import Unsupported, dump_canonical

    data = to_data(situation)
    placed = gather(situation, data)
    if not placed:
        return dump_canonical(data)
    try:
        return emit_commented(data, placed)
    except Unsupported:  # PyYAML's whole-file fallback has no place for comments
        raise SitrepError(
            "cannot write the file's comments around a value of this shape; nothing was written"
        ) from None
