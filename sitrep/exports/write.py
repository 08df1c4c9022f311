"""The one door every export writes through: it never writes over the situation or its outline.

A brief written with ``-o`` onto the situation file by a slip of the shell's
completion would destroy the file the brief came from. Every export target
(the brief, its map and timeline, HXL tables, GeoJSON, HTML, PDF) is compared
with the situation file and its outline, by resolved path and, when both exist,
by ``os.path.samefile`` (hard links, bind mounts, case-insensitive file systems).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sitrep.errors import SitrepIOError, SitrepUsageError

STDOUT = "-"
"""The output name that means standard output."""


def is_stdout(path: str | Path | None) -> bool:
    """Whether an output name means standard output (none given, or '-')."""
    return path is None or str(path) == STDOUT


def check_target(
    path: str | Path, situation_path: Path | None, outline_path: Path | None = None
) -> Path:
    """The target as a Path, or SitrepUsageError (exit 2) when it is a file sitrep reads."""
    target = Path(path)
    for own, what in ((situation_path, "the situation file"), (outline_path, "its map outline")):
        if own is not None and _same(target, own):
            raise SitrepUsageError(
                f"{target}: is {what} ({own}); an export never writes over it: "
                "choose another output name"
            )
    if target.is_dir():
        raise SitrepUsageError(f"{target}: is a folder; give a file name to write to")
    return target


def write_output(
    path: str | Path | None,
    data: str | bytes,
    situation_path: Path | None,
    outline_path: Path | None = None,
) -> Path | None:
    """Write an export to path ('-' or None: standard output); returns the path written.

    Refuses (SitrepUsageError, exit 2) a path that is the situation file or its
    outline; writes atomically otherwise (SitrepIOError on failure).
    """
    if is_stdout(path):
        _to_stdout(data)
        return None
    assert path is not None
    target = check_target(path, situation_path, outline_path)
    from sitrep.storage.store import write_atomic

    write_atomic(target, data)
    return target


def _same(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
    except (OSError, RuntimeError):  # a symlink loop: compare what can be compared
        if os.path.abspath(a) == os.path.abspath(b):
            return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


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
