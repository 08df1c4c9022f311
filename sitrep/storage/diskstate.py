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
from sitrep.model.situation import Situation

Status = Literal["unchanged", "modified", "deleted", "created"]


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
        }[status]
        super().__init__(f"{path}: {what} since it was opened; not saved")


@dataclass(frozen=True)
class DiskState:
    """A file's size, modification time and content hash at one moment.

    ``sha256`` is None (and size and mtime 0) when the file did not exist then,
    as for a new file that was never saved.
    """

    path: Path
    size: int
    mtime_ns: int
    sha256: str | None

    @property
    def exists(self) -> bool:
        """Whether the file existed when the state was captured."""
        return self.sha256 is not None

    @classmethod
    def capture(cls, path: str | Path) -> DiskState:
        """Read the file now (a missing file gives an 'absent' state, not an error)."""
        target = Path(path)
        try:
            with open(target, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode):
                    raise SitrepIOError(f"{target}: not a regular file")
                data = handle.read()
        except FileNotFoundError:
            return cls.absent(target)
        except OSError as exc:
            raise SitrepIOError(f"{target}: cannot read: {exc.strerror or exc}") from None
        return cls.of_bytes(target, data, info)

    @classmethod
    def of_bytes(cls, path: Path, data: bytes, info: os.stat_result) -> DiskState:
        """The state of a file whose bytes were just read or written (no second read)."""
        return cls(path, len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest())

    @classmethod
    def absent(cls, path: str | Path) -> DiskState:
        """The state of a file that does not exist (yet)."""
        return cls(Path(path), 0, 0, None)

    def status(self) -> Status:
        """How the file on disk now compares with this state."""
        now = DiskState.capture(self.path)
        if now.sha256 == self.sha256:
            return "unchanged"
        if now.sha256 is None:
            return "deleted"
        if self.sha256 is None:
            return "created"
        return "modified"

    def changed(self, path: str | Path | None = None) -> bool:
        """True when the file (this state's, or path) no longer has the captured content."""
        if path is not None and Path(path) != self.path:
            return DiskState.capture(path).sha256 != self.sha256
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return self.exists
        except OSError as exc:
            raise SitrepIOError(f"{self.path}: cannot read: {exc.strerror or exc}") from None
        if not self.exists or info.st_size != self.size:
            return True
        return self.status() != "unchanged"

    def maybe_changed(self) -> bool:
        """A cheap check for polling (stat only): False means very probably unchanged.

        Use changed() before acting: a rewrite of the same size within one
        timestamp tick passes this check.
        """
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return self.exists
        except OSError:
            return True
        return not self.exists or (info.st_size, info.st_mtime_ns) != (self.size, self.mtime_ns)


def load_with_state(path: str | Path) -> tuple[Situation, DiskState]:
    """Load a situation and the disk state of exactly the bytes it was parsed from.

    Raises SitrepDataError or SitrepIOError like load_situation.
    """
    from sitrep.yaml.io import decode, parse_situation, read_bytes

    target = Path(path)
    try:
        before = os.stat(target)
    except OSError:
        before = None
    data = read_bytes(target)
    situation = parse_situation(decode(data, str(target)), str(target))
    if before is None:  # raced with a rename; read_bytes succeeded, so stat now
        before = os.stat(target)
    return situation, DiskState.of_bytes(target, data, before)
