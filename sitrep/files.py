"""Reading a file sitrep did not write: regular files only, bounded, never blocking.

Every file sitrep reads is hostile: a named pipe would block the read forever,
``/dev/zero`` or ``/dev/urandom`` never end, a name may hold a NUL byte, a
folder or a 10 GB file may stand where a small file was expected. The situation
file, its outline, the settings file, journals and earlier outputs are all read
through read_regular(). Imports only sitrep.errors.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal

from sitrep.errors import SitrepIOError

Refusal = Literal["missing", "bad_name", "folder", "special", "too_large", "unreadable"]


class FileRefused(SitrepIOError):
    """A file that cannot or must not be read; kind says why."""

    def __init__(self, message: str, kind: Refusal) -> None:
        super().__init__(message)
        self.kind: Refusal = kind


def read_regular(path: str | Path, limit: int, *, noun: str = "file") -> bytes:
    """The bytes of a regular file of at most limit bytes (symlinks to one are fine).

    Opened with O_NONBLOCK and checked with fstat before reading, so a pipe or a
    device is refused, never waited on or read without end. Raises FileRefused
    (a SitrepIOError) whose message names the file and says why.
    """
    name = str(path)
    if "\0" in name:
        raise FileRefused(f"{name!r}: the name holds a NUL character", "bad_name")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise FileRefused(f"{name}: no such file", "missing") from None
    except IsADirectoryError:
        raise FileRefused(f"{name}: is a folder, not a {noun}", "folder") from None
    except (OSError, ValueError) as exc:
        raise FileRefused(f"{name}: cannot read: {_reason(exc)}", "unreadable") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(f"{name}: is a folder, not a {noun}", "folder")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(
                f"{name}: not a regular file ({kind_of(info.st_mode)}), not a {noun}", "special"
            )
        if info.st_size > limit:
            raise FileRefused(too_large(name, limit, noun), "too_large")
        data = _read_up_to(fd, limit + 1, info.st_size + 1)
    except OSError as exc:
        raise FileRefused(f"{name}: cannot read: {_reason(exc)}", "unreadable") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read it
        raise FileRefused(too_large(name, limit, noun), "too_large")
    return data


def too_large(name: str, limit: int, noun: str) -> str:
    """The message for a file over its limit."""
    return f"{name}: larger than {_size(limit)}, the limit for a {noun}"


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _read_up_to(fd: int, most: int, expected: int) -> bytes:
    """At most most bytes; one read when the file is the size fstat said."""
    chunks: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(fd, min(left, max(expected, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _size(limit: int) -> str:
    if limit >= 1 << 20 and limit % (1 << 20) == 0:
        return f"{limit >> 20} MiB"
    if limit >= 1 << 10 and limit % (1 << 10) == 0:
        return f"{limit >> 10} KiB"
    return f"{limit:,} bytes"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
