"""Saving files so that a failure at any moment leaves the old file whole."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from sitrep.errors import SitrepIOError
from sitrep.model.situation import Situation
from sitrep.model.yamlio import dump_situation


def write_atomic(path: str | Path, text: str) -> None:
    """Write text to path atomically: a temporary file in the same folder, fsync, rename.

    The file keeps its permissions. On any failure the temporary file is removed,
    the old file is untouched, and SitrepIOError says why.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    data = text.encode("utf-8")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise SitrepIOError(f"{target}: cannot save: {exc.strerror or exc}") from None
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        raise SitrepIOError(f"{target}: cannot save: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_situation(situation: Situation, path: str | Path) -> str:
    """Write the canonical YAML of a situation atomically; returns the text written."""
    text = dump_situation(situation)
    write_atomic(path, text)
    return text
