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
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import SitrepIOError
from sitrep.model.situation import Situation
from sitrep.storage.diskstate import DiskState, FileChangedError
from sitrep.storage.statedir import file_key, real_path, state_subdir
from sitrep.yaml.fast import without_gc
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
    expected, the save is refused (FileChangedError) if the file no longer has
    that content, checked just before the rename. On any failure the temporary
    file is removed, the old file is untouched, and SitrepIOError says why.
    """
    target = Path(path)
    data = _encode(target, text)
    real = real_path(target) if target.is_symlink() else target
    folder = real.parent if str(real.parent) else Path(".")
    info = _stat_or_none(real)
    if info is not None and not stat.S_ISREG(info.st_mode):
        return _write_special(target, real, data, info)
    if info is not None and not _writable(real, info):
        raise SitrepIOError(f"{target}: the file is read-only (make it writable to save)")
    mode = stat.S_IMODE(info.st_mode) if info is not None else _default_mode()
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
        try:
            _write_all(fd, data)
            os.fsync(fd)
            os.fchmod(fd, mode)
            if info is not None and (info.st_uid, info.st_gid) != _owner(fd):
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.fchown(fd, info.st_uid, info.st_gid)
        finally:
            os.close(fd)
        if expected is not None and expected.changed(real):
            raise FileChangedError(target, expected.status())
        kept, kept_error = _keep_backup(real) if backup and info is not None else (None, None)
        os.replace(tmp_name, real)
        tmp_name = None
        _fsync_folder(folder)
        return Saved(real, DiskState.of_bytes(real, data, os.stat(real)), kept, kept_error)
    except OSError as exc:
        raise SitrepIOError(f"{target}: cannot save: {_reason(exc)}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def save_situation(
    situation: Situation, path: str | Path, *, expected: DiskState | None = None
) -> Saved:
    """Write the canonical YAML of a situation atomically, keeping a backup.

    Pass the DiskState captured at load (or returned by the last save) as
    expected, so a file changed by someone else is never overwritten silently.
    """
    text = dump_situation(situation)
    saved = write_atomic(path, text, backup=True, expected=expected)
    warning = size_warning(text)
    return dataclasses.replace(saved, warning=warning) if warning else saved


@without_gc
def size_warning(text: str) -> str | None:
    """A warning when canonical text is over 90% of a limit the loader enforces.

    The file stays loadable. Which value budget applies depends on the reader:
    the fast one (yamlfast.MAX_FAST_VALUES) for the plain block style, libyaml's
    (yamlnodes.MAX_NODES) for anything it declines, so a text that may be over
    libyaml's is read once by the fast reader to tell (about 0.4 s at 100,000 places).
    """
    from sitrep.yaml.fast import MAX_FAST_VALUES, Declined, read_plain, value_bound
    from sitrep.yaml.io import MAX_FILE_BYTES
    from sitrep.yaml.nodes import MAX_NODES, NodeError, check_node_budget

    near = 0.9
    if len(text) > near * MAX_FILE_BYTES:  # characters, a lower bound on bytes
        return f"the file is near the {MAX_FILE_BYTES // 2**20} MiB sitrep can open: split it"
    if value_bound(text) <= near * min(MAX_NODES, MAX_FAST_VALUES):
        return None  # either reader reads it
    read = read_plain(text, int(near * MAX_FAST_VALUES))
    if not isinstance(read, Declined):
        return None
    if read.too_large:
        return f"the file is near the {MAX_FAST_VALUES:,} values sitrep can open: split it"
    try:
        check_node_budget(text, int(near * MAX_NODES))
    except NodeError:
        return (
            f"the file is near the {MAX_NODES:,} values sitrep can open when it is not in "
            f"the plain style sitrep writes (line {read.line}: {read.reason}): split it"
        )
    return None


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
    """A device or pipe (e.g. /dev/stdout) is written in place: it cannot be renamed over."""
    if stat.S_ISDIR(info.st_mode):
        raise SitrepIOError(f"{target}: is a folder")
    try:
        fd = os.open(real, os.O_WRONLY)
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except OSError as exc:
        raise SitrepIOError(f"{target}: cannot write: {_reason(exc)}") from None
    return Saved(real, DiskState.of_bytes(real, data, info))


def _keep_backup(real: Path) -> tuple[Path | None, str | None]:
    """Copy the current file to the state folder; a failure is reported, not fatal."""
    try:
        with open(real, "rb") as handle:
            old = handle.read()
        where = backup_path(real)
        fd, tmp = tempfile.mkstemp(prefix=f".{where.name}.", suffix=".tmp", dir=where.parent)
        try:
            with os.fdopen(fd, "wb") as out:  # mkstemp made it 0600: backups are private
                out.write(old)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, where)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        return None, f"the previous version was not kept: {_reason(exc)}"
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
