"""The user's state folder: where backups and unsaved-edit journals live. Imports no Textual.

Kept apart from the situation file on purpose: a shared or version-controlled
folder never collects backups or journals, and the file a colleague receives
never carries an older version of itself.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sitrep.errors import SitrepIOError

ENV_STATE_DIR = "SITREP_STATE_DIR"
"""Set to a folder to keep state elsewhere (tests, portable installs)."""

SAMPLE_KEY = "sample"
"""The key of the bundled sample, which has no file of its own to save to."""


def state_dir() -> Path:
    """The state folder: $SITREP_STATE_DIR, else the platform's user state folder."""
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override)
    from platformdirs import user_state_path

    return user_state_path("sitrep", appauthor=False)


class StateDirError(SitrepIOError):
    """The state folder cannot be created or used (read-only, a path through a file...).

    Nothing is lost by it: saving still works; only backups and the crash
    journal are not kept, and the app says so ("edits are not journaled").
    """


def state_subdir(name: str) -> Path:
    """A private folder inside the state folder (created, mode 0700: it holds user data).

    Raises StateDirError when it cannot be made (or is not a folder).
    """
    folder = state_dir() / name
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not folder.is_dir():
            raise NotADirectoryError(20, "not a folder")
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StateDirError(f"cannot use the state folder {folder}: {reason}") from None
    return folder


def real_path(path: str | Path) -> Path:
    """The absolute path with symlinks resolved: one file has one key however it is named."""
    return Path(os.path.realpath(os.path.abspath(path)))


def file_key(path: str | Path | None) -> str:
    """A short, stable, file-name-safe key for a situation file (``sample`` for None)."""
    if path is None:
        return SAMPLE_KEY
    digest = hashlib.sha256(os.fsencode(real_path(path))).hexdigest()
    return digest[:24]
