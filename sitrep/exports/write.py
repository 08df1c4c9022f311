"""The one door every export writes through: standard output, or a file sitrep may write.

A brief written with ``-o`` onto the situation file by a slip of the shell's
completion would destroy the file the brief came from. Every export target
(the brief, its map and timeline, HXL tables, GeoJSON, HTML, PDF) goes through
sitrep.storage.outputs: never an input of the export (the situation, its
outline, the previous report; compared as files, so links are caught), never a
file sitrep did not write, and an output edited since sitrep wrote it only when
the user says so. Text formats carry sitrep's marker line; CSV, GeoJSON and PDF
cannot, and are recognised by the digest kept in the state folder.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from sitrep.errors import SitrepIOError, SitrepUsageError

STDOUT = "-"
"""The output name that means standard output."""

MARKED_SUFFIXES = frozenset({".md", ".markdown", ".svg", ".html", ".htm", ".txt"})
"""Outputs that carry sitrep's marker line (an HTML comment)."""


def is_stdout(path: str | Path | None) -> bool:
    """Whether an output name means standard output (none given, or '-')."""
    return path is None or str(path) == STDOUT


def is_marked(data: str | bytes, fmt: str) -> bool:
    """Whether this output carries the marker line (text in a format with HTML comments)."""
    return isinstance(data, str) and fmt in ("markdown", "html", "svg")


def check_target(
    path: str | Path,
    inputs: Mapping[Path, str],
    *,
    replace_edited: bool = False,
    marked: bool = True,
) -> Path:
    """The target as a Path, or SitrepUsageError (exit 2) when it may not be written."""
    from sitrep.storage.outputs import OutputRefused, check_output

    target = Path(path)
    check = check_output(target, inputs=inputs, marked=marked)
    if check.free or (check.asks and replace_edited):
        return target
    if check.asks:
        raise SitrepUsageError(f"{check.message}: pass --replace-edited to replace it anyway")
    raise OutputRefused(check)


def write_output(
    path: str | Path | None,
    data: str | bytes,
    inputs: Mapping[Path, str],
    *,
    replace_edited: bool = False,
    fmt: str = "markdown",
) -> Path | None:
    """Write an export to path ('-' or None: standard output); returns the path written."""
    if is_stdout(path):
        _to_stdout(data)
        return None
    assert path is not None
    from sitrep.storage.outputs import write_output as write_checked

    marked = is_marked(data, fmt)
    target = check_target(path, inputs, replace_edited=replace_edited, marked=marked)
    write_checked(target, data, inputs=inputs, replace_edited=replace_edited, marked=marked)
    return target


def _to_stdout(data: str | bytes) -> None:
    try:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise SitrepIOError(f"cannot write to standard output: {exc.strerror or exc}") from None
