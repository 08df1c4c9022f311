"""sitrep's temporary files: ``.NAME.XXXXXXXX.tmp``, locked while written, swept when stale.

A save writes its new text to a temporary file beside the target, then renames
it over the target. A SIGKILL between the two leaves the temporary file behind
(megabytes, for a large situation or its backup). Each temporary file is
locked (flock) by the process writing it for as long as it exists under that
name, and the lock dies with the process, so a later save or start can tell a
stale one (no lock) from a concurrent save's (locked) and remove only stale
ones, and only names of sitrep's own pattern.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from sitrep.storage.locks import CAN_LOCK, try_lock

_RANDOM = r"[a-z0-9_]{8}"  # tempfile's names: 8 of "abcdefghijklmnopqrstuvwxyz0123456789_"
_ATTEMPTS = 10


def temp_name_pattern(name: str) -> re.Pattern[str]:
    """The names of sitrep's temporary files for a file called name."""
    return re.compile(rf"\.{re.escape(name)}\.{_RANDOM}\.tmp\Z")


def create_temp(folder: Path, name: str) -> tuple[int, str]:
    """A new locked temporary file ``.NAME.XXXXXXXX.tmp`` in folder, mode 0600: (fd, path).

    The lock is held until the fd is closed (keep it open until the rename).
    Raises OSError as tempfile.mkstemp does.
    """
    for _ in range(_ATTEMPTS):
        fd, path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        if try_lock(fd) and _named(fd, path):
            return fd, path
        # A sweeper took it between its creation and our lock: it is gone; take another.
        os.close(fd)
    raise OSError(errno.EAGAIN, "could not create a temporary file", str(folder))


def sweep_stale(folder: Path, name: str) -> list[Path]:
    """Remove the stale temporary files of name in folder; returns those removed.

    Stale: of sitrep's naming, a regular file, and not locked (its writer died).
    A concurrent save's temporary file is locked and left alone. Never raises.
    """
    if not CAN_LOCK:  # pragma: no cover - Windows: a live file cannot be told from a stale one
        return []
    pattern = temp_name_pattern(name)
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(folder) if pattern.match(e.name)]
    except OSError:
        return removed
    for entry in entries:
        with contextlib.suppress(OSError):
            if _remove_if_stale(entry.path):
                removed.append(Path(entry.path))
    return removed


def _remove_if_stale(path: str) -> bool:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode) or not try_lock(fd) or not _named(fd, path):
            return False
        os.unlink(path)
        return True
    finally:
        os.close(fd)


def _named(fd: int, path: str) -> bool:
    """Whether path still names the file open as fd."""
    try:
        here, there = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
