"""Advisory locks (flock) on open files: held while a process works, gone when it dies.

Journals and temporary files are locked by the sitrep writing them, so another
sitrep can tell a live one (locked) from one a dead process left (free).
On a platform without flock every lock "succeeds": nothing is then swept or skipped.
"""

from __future__ import annotations

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

CAN_LOCK = fcntl is not None
"""Whether locks mean anything here (so that stale files can be told from live ones)."""


def try_lock(fd: int, *, shared: bool = False) -> bool:
    """Take the lock on fd without waiting; False when another open file holds it."""
    if fcntl is None:  # pragma: no cover
        return True
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
