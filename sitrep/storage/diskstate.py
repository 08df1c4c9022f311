"""What a situation file looked like on disk when it was loaded or saved. Imports no Textual.

Before saving, the app asks whether the file changed since (another editor, a
``git pull``, a second sitrep): if it did, it must not overwrite it silently.
The comparison is by content (SHA-256), so a ``touch`` or a checkout of the
same bytes is not a change, and a same-size rewrite within one clock tick is.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitrep.errors import SitrepIOError
from sitrep.files import kind_of
from sitrep.model.situation import Situation

Status = Literal["unchanged", "modified", "deleted", "created", "not_regular"]
"""How a file on disk compares with a DiskState. not_regular: something that is not
a regular file now stands at the path (a folder, a named pipe, a device, or a
symlink to one), which no save may write through."""

_HASH_CHUNK = 1 << 20
_NOCTTY = getattr(os, "O_NOCTTY", 0)


class FileChangedError(SitrepIOError):
    """The file changed on disk since it was loaded; saving would overwrite someone's work."""

    def __init__(self, path: Path, status: Status) -> None:
        self.path = path
        self.status = status
        what = {
            "modified": "was changed on disk (by another program or another sitrep)",
            "deleted": "was deleted or moved",
            "created": "was created by another program",
            "unchanged": "is unchanged",
            "not_regular": "is no longer a regular file",
        }[status]
        super().__init__(f"{path}: {what} since it was opened; not saved")


class NotRegularFileError(SitrepIOError):
    """A save target is no longer a regular file (a folder, pipe, device, or a link to one).

    A conflict the user decides, never a write: writing into /dev/null would lose
    the edits and say "saved", writing into a named pipe would block. Its status
    is "not_regular"; what says what stands there now.
    """

    status: Status = "not_regular"

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        super().__init__(
            f"{path}: is now {what}, not the file sitrep opened; not saved "
            "(save elsewhere, or put the file back)"
        )


@dataclass(frozen=True)
class DiskState:
    """A file's size, modification time and content hash at one moment.

    ``sha256`` is None (and size and mtime 0) when the file did not exist then,
    as for a new file that was never saved. ``special`` says what stood there
    instead of a regular file ("a named pipe"...), if anything did.
    """

    path: Path
    size: int
    mtime_ns: int
    sha256: str | None
    special: str | None = None

    @property
    def exists(self) -> bool:
        """Whether a regular file existed when the state was captured."""
        return self.sha256 is not None

    @classmethod
    def capture(cls, path: str | Path) -> DiskState:
        """Read the file now. Never blocks, never raises for what stands at path.

        A missing file gives an 'absent' state; a folder, pipe or device (or a
        symlink to one) a state with ``special`` set, without reading it.
        """
        target = Path(path)
        try:
            fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOCTTY)
        except FileNotFoundError:
            return cls.absent(target)
        except (OSError, ValueError) as exc:
            try:
                info = os.stat(target)
            except (OSError, ValueError):
                raise SitrepIOError(f"{target}: cannot read: {_reason(exc)}") from None
            if not stat.S_ISREG(info.st_mode):
                return cls(target, 0, info.st_mtime_ns, None, kind_of(info.st_mode))
            raise SitrepIOError(f"{target}: cannot read: {_reason(exc)}") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return cls(target, 0, info.st_mtime_ns, None, kind_of(info.st_mode))
            digest, size = hashlib.sha256(), 0
            while chunk := os.read(fd, _HASH_CHUNK):
                digest.update(chunk)
                size += len(chunk)
        except OSError as exc:
            raise SitrepIOError(f"{target}: cannot read: {_reason(exc)}") from None
        finally:
            os.close(fd)
        return cls(target, size, info.st_mtime_ns, digest.hexdigest())

    @classmethod
    def of_bytes(cls, path: Path, data: bytes, info: os.stat_result) -> DiskState:
        """The state of a file whose bytes were just read or written (no second read)."""
        return cls(path, len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest())

    @classmethod
    def absent(cls, path: str | Path) -> DiskState:
        """The state of a file that does not exist (yet)."""
        return cls(Path(path), 0, 0, None)

    def status(self, path: str | Path | None = None) -> Status:
        """How the file on disk now (this state's path, or path) compares with this state.

        Reads the file only when its size is this state's (so a 10 GB file put in
        its place is not hashed), and never opens a pipe or device.
        """
        target = self.path if path is None else Path(path)
        try:
            info = os.stat(target)
        except FileNotFoundError:
            return "deleted" if self.exists else "unchanged"
        except (OSError, ValueError) as exc:
            raise SitrepIOError(f"{target}: cannot read: {_reason(exc)}") from None
        if not stat.S_ISREG(info.st_mode):
            return "not_regular"
        if not self.exists:
            return "created"
        if info.st_size != self.size:
            return "modified"
        now = DiskState.capture(target)
        if now.special is not None:
            return "not_regular"
        if now.sha256 == self.sha256:
            return "unchanged"
        return "modified" if now.exists else "deleted"

    def changed(self, path: str | Path | None = None) -> bool:
        """True when the file (this state's, or path) no longer has the captured content."""
        return self.status(path) != "unchanged"

    def maybe_changed(self) -> bool:
        """A cheap check for polling (stat only): False means very probably unchanged.

        Use changed() before acting: a rewrite of the same size within one
        timestamp tick passes this check.
        """
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return self.exists
        except (OSError, ValueError):
            return True
        if not stat.S_ISREG(info.st_mode):
            return True
        return not self.exists or (info.st_size, info.st_mtime_ns) != (self.size, self.mtime_ns)


def read_with_state(path: str | Path) -> tuple[str, DiskState]:
    """A situation file's text and the disk state of exactly the bytes read.

    Raises SitrepDataError or SitrepIOError like read_text.
    """
    from sitrep.yaml.io import decode, read_bytes

    target = Path(path)
    try:
        before = os.stat(target)
    except (OSError, ValueError):
        before = None
    data = read_bytes(target)
    if before is None:  # raced with a rename; read_bytes succeeded, so stat now
        before = os.stat(target)
    return decode(data, str(target)), DiskState.of_bytes(target, data, before)


def load_with_state(path: str | Path) -> tuple[Situation, DiskState]:
    """Load a situation and the disk state of exactly the bytes it was parsed from.

    Raises SitrepDataError or SitrepIOError like load_situation.
    """
    from sitrep.yaml.io import parse_situation

    text, state = read_with_state(path)
    return parse_situation(text, str(path)), state


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
