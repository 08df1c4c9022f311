"""Saving files so that a failure at any moment leaves the old file whole.

A save writes a temporary file in the same folder, flushes and fsyncs it, then
renames it over the file (an atomic step on POSIX and Windows), and fsyncs the
folder. A symlink is written through (the link stays, its target is replaced).
The file keeps its permissions (and its owner, when allowed). The previous
version can be kept in the state folder, one save back. See docs/safety.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import SitrepIOError
from sitrep.files import kind_of
from sitrep.model.situation import Situation
from sitrep.storage.diskstate import DiskState, FileChangedError, NotRegularFileError
from sitrep.storage.statedir import file_key, real_path, state_subdir
from sitrep.storage.tempfiles import create_temp, sweep_stale
from sitrep.yaml.io import dump_situation


@dataclass(frozen=True)
class Saved:
    """What a save did: the real file written, its new disk state, and the backup."""

    path: Path
    disk: DiskState
    backup: Path | None = None
    backup_error: str | None = None
    """Why the previous version could not be kept (the save itself succeeded)."""
    warning: str | None = None
    """Set when the file is near or over the size sitrep will load (saved all the same)."""


def backup_path(path: str | Path) -> Path:
    """Where the previous version of a file is kept: ``STATE/backups/NAME.KEY.bak``."""
    real = real_path(path)
    return state_subdir("backups") / f"{real.name}.{file_key(real)[:12]}.bak"


def write_atomic(
    path: str | Path,
    text: str | bytes,
    *,
    backup: bool = False,
    expected: DiskState | None = None,
) -> Saved:
    """Write text to path atomically: a temporary file in the same folder, fsync, rename.

    With backup, the previous content is first copied to backup_path(path). With
    expected (the disk guard), the save is refused if the file no longer has that
    content, checked before anything is written and again just before the
    rename: FileChangedError, or NotRegularFileError when a folder, pipe or
    device (or a link to one) now stands there. Without expected, a device or
    pipe is written in place (``/dev/stdout``), never waited on. On any failure
    the temporary file is removed, the old file is untouched, and SitrepIOError
    says why. Stale temporary files of earlier, killed saves are swept first.
    """
    target = Path(path)
    data = _encode(target, text)
    real = real_path(target) if target.is_symlink() else target
    folder = real.parent if str(real.parent) else Path(".")
    info = _stat_or_none(real)
    if info is not None and not stat.S_ISREG(info.st_mode):
        if expected is not None:
            raise NotRegularFileError(target, kind_of(info.st_mode))
        return _write_special(target, real, data, info)
    if info is not None and not _writable(real, info):
        raise SitrepIOError(f"{target}: the file is read-only (make it writable to save)")
    mode = stat.S_IMODE(info.st_mode) if info is not None else _default_mode()
    sweep_stale(folder, real.name)
    tmp_name: str | None = None
    fd: int | None = None
    try:
        fd, tmp_name = create_temp(folder, real.name)
        _write_all(fd, data)
        os.fsync(fd)
        os.fchmod(fd, mode)
        if info is not None and (info.st_uid, info.st_gid) != _owner(fd):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.fchown(fd, info.st_uid, info.st_gid)
        _guard(target, real, expected)
        kept, kept_error = _keep_backup(real) if backup and info is not None else (None, None)
        os.replace(tmp_name, real)
        tmp_name = None
        _fsync_folder(folder)
        return Saved(real, DiskState.of_bytes(real, data, os.stat(real)), kept, kept_error)
    except OSError as exc:
        raise SitrepIOError(f"{target}: cannot save: {_reason(exc)}") from None
    finally:
        if fd is not None:
            os.close(fd)  # releases the temporary file's lock (after the rename)
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def sweep_temporary_files(path: str | Path) -> list[Path]:
    """Remove stale temporary files a killed save left beside path and in the backups.

    Only sitrep's own names, only unlocked (stale) ones: a concurrent save's are
    kept. Run at start (Guard.pending) and before every save. Never raises.
    """
    real = real_path(path)
    removed = sweep_stale(real.parent, real.name)
    try:
        where = backup_path(real)
    except SitrepIOError:
        return removed
    return removed + sweep_stale(where.parent, where.name)


def _guard(target: Path, real: Path, expected: DiskState | None) -> None:
    """The disk guard: refuse when the file is not what expected says it was."""
    if expected is None:
        return
    status = expected.status(real)
    if status == "not_regular":
        raise NotRegularFileError(target, DiskState.capture(real).special or "not a file")
    if status != "unchanged":
        raise FileChangedError(target, status)


def save_situation(
    situation: Situation, path: str | Path, *, expected: DiskState | None = None
) -> Saved:
    """Write the canonical YAML of a situation atomically, keeping a backup.

    Pass the DiskState captured at load (or returned by the last save) as
    expected, so a file changed by someone else is never overwritten silently.
    """
    from sitrep.storage.sizes import size_warning

    text = dump_situation(situation)
    saved = write_atomic(path, text, backup=True, expected=expected)
    warning = size_warning(text)
    return dataclasses.replace(saved, warning=warning) if warning else saved


def _encode(target: Path, text: str | bytes) -> bytes:
    if isinstance(text, bytes):
        return text
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SitrepIOError(
            f"{target}: cannot save: the text holds a character UTF-8 cannot store "
            f"(U+{ord(exc.object[exc.start]):04X} at offset {exc.start})"
        ) from None


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SitrepIOError(f"{path}: cannot save: {_reason(exc)}") from None


def _writable(path: Path, info: os.stat_result) -> bool:
    # root passes os.access for any file, so honour the mode bits too: a file
    # someone made read-only is not silently replaced.
    return bool(info.st_mode & 0o222) and os.access(path, os.W_OK)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _owner(fd: int) -> tuple[int, int]:
    info = os.fstat(fd)
    return info.st_uid, info.st_gid


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - os.write raises rather than return 0
            raise OSError(errno.EIO, "write made no progress")
        view = view[written:]


def _write_special(target: Path, real: Path, data: bytes, info: os.stat_result) -> Saved:
    """A device or pipe (e.g. /dev/stdout) is written in place: it cannot be renamed over.

    Opened without blocking: a named pipe nobody reads is an error, not a hang.
    """
    if stat.S_ISDIR(info.st_mode):
        raise SitrepIOError(f"{target}: is a folder")
    try:
        fd = os.open(real, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise SitrepIOError(f"{target}: a named pipe nobody reads; not written") from None
        raise SitrepIOError(f"{target}: cannot write: {_reason(exc)}") from None
    try:
        os.set_blocking(fd, True)  # a reader is there: let it take the text at its pace
        _write_all(fd, data)
    except OSError as exc:
        raise SitrepIOError(f"{target}: cannot write: {_reason(exc)}") from None
    finally:
        os.close(fd)
    return Saved(real, DiskState.of_bytes(real, data, info))


def _keep_backup(real: Path) -> tuple[Path | None, str | None]:
    """Copy the current file to the state folder; a failure is reported, not fatal."""
    fd: int | None = None
    tmp: str | None = None
    try:
        with open(real, "rb") as handle:
            old = handle.read()
        where = backup_path(real)
        sweep_stale(where.parent, where.name)
        fd, tmp = create_temp(where.parent, where.name)  # 0600: backups are private
        _write_all(fd, old)
        os.fsync(fd)
        os.replace(tmp, where)
        tmp = None
    except OSError as exc:
        return None, f"the previous version was not kept: {_reason(exc)}"
    except SitrepIOError as exc:  # the state folder cannot be made
        return None, f"the previous version was not kept: {exc}"
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return where, None


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    return exc.strerror or str(exc)


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
