"""Crash recovery: every change to a document is appended to a journal as it happens.

If sitrep dies (SIGKILL, a closed terminal, a power cut) the journal still holds
the unsaved edits, and the next ``sitrep FILE`` offers them (storage/crash/recovery.py),
also when the file changed since. Imports no Textual.

Each change is appended and flushed, and each step fsynced once it is whole (about
0.2-0.6 ms per fsync: an import of 2,000 rows is one), never rewriting the file,
so it stays fast at any size. A journal is locked (flock) while its sitrep
runs: a second sitrep on the same file journals to a second slot and never offers
a live instance's edits. A journal found in a slot is never overwritten: when it
holds edits it is set aside under a name of its own (journalfile.set_aside) and
offered at the next start; only the user's "drop" deletes one. Files and names:
storage/crash/journalfile.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from sitrep.editing.document import Change, Document
from sitrep.model.comments import comments_of
from sitrep.model.parts import parts_to_json
from sitrep.storage.crash.journalfile import (
    FORMAT,
    MAX_SLOTS,
    JournalError,
    journal_files,
    journals,
    now,
    read_journal,
    set_aside,
    slots,
)
from sitrep.storage.crash.recovery import Recovery, Replayed
from sitrep.storage.diskstate import DiskState
from sitrep.storage.locks import CAN_LOCK, try_lock
from sitrep.storage.statedir import real_path

__all__ = [
    "FORMAT",
    "MAX_SLOTS",
    "Journal",
    "JournalError",
    "Recovery",
    "Replayed",
    "journals",
    "read_journal",
    "recoveries",
]


def recoveries(path: Path | None, disk: DiskState | None = None) -> list[Recovery]:
    """Every journal of path holding edits a dead sitrep left, newest first.

    Offered whether or not the file changed since (Recovery.file_changed says);
    pass the DiskState captured at load, else the file is read now. Journals of
    a running sitrep are locked and skipped. For the bundled sample pass path None.
    Raises StateDirError when the state folder cannot be made.
    """
    current = disk.sha256 if disk is not None else _current_sha(path)
    found: list[Recovery] = []
    for file in journal_files(path):
        if _locked_elsewhere(file):
            continue
        contents = read_journal(file, path)
        if contents is not None and contents.changes:
            found.append(Recovery.of(contents, path, current))
    return sorted(found, key=lambda r: r.last_change, reverse=True)


@dataclass(eq=False)
class Journal:
    """The journal of one open document; attach it, and clear it on every save.

    Create it with Journal.open(path, base_sha256) AFTER offering Journal.pending(path).
    """

    path: Path | None
    file: Path
    handle: IO[str]
    base_sha256: str | None
    on_error: Callable[[str], None] | None = None
    """Called once with a message if writing the journal fails (the edits go on)."""
    error: str | None = None
    """Why journaling stopped, if it did (state folder full, unwritable...)."""
    _documents: list[Document] = field(default_factory=list)
    _unsynced: bool = False
    """Lines were written (and flushed) since the last fsync: a step is being applied."""

    @staticmethod
    def slots(path: Path | None) -> list[Path]:
        """The journal files a document at path may use, first slot first."""
        return slots(path)

    @classmethod
    def pending(cls, path: Path | None, disk: DiskState | None = None) -> Recovery | None:
        """The most recent journal of edits a dead sitrep left for path (see recoveries)."""
        found = recoveries(path, disk)
        return found[0] if found else None

    @classmethod
    def open(
        cls,
        path: Path | None,
        base_sha256: str | None,
        on_error: Callable[[str], None] | None = None,
    ) -> Journal:
        """Start an empty journal for path in the first free slot, and lock it.

        A dead instance's journal in that slot is set aside (never replaced), so
        it is still offered at the next start; one with no edits is reused.
        Raises JournalError (or StateDirError) when no journal can be started.
        """
        try:
            for slot in slots(path):
                handle = _open_slot(slot)
                if handle is None:
                    continue
                if os.fstat(handle.fileno()).st_size and _holds_edits(slot, path):
                    set_aside(slot, path)  # while still locked: no other sitrep takes it
                    handle.close()
                    handle = _open_slot(slot)
                    if handle is None:
                        continue
                handle.seek(0)
                handle.truncate()
                journal = cls(path, slot, handle, base_sha256, on_error)
                journal._write_header()
                return journal
        except OSError as exc:
            raise JournalError(f"cannot start the unsaved-edits journal: {exc}") from None
        raise JournalError(f"more than {MAX_SLOTS} sitrep instances have this file open")

    def attach(self, document: Document) -> None:
        """Record every change the document makes from now on."""
        document.observers.append(self.record)
        document.step_observers.append(self.sync)
        self._documents.append(document)

    def detach(self, document: Document) -> None:
        """Stop recording the document's changes."""
        with contextlib.suppress(ValueError):
            document.observers.remove(self.record)
        with contextlib.suppress(ValueError):
            document.step_observers.remove(self.sync)
        with contextlib.suppress(ValueError):
            self._documents.remove(document)

    def record(self, change: Change) -> None:
        """Append one change (the Document observer). Never raises: see error/on_error."""
        if self.error is not None:
            return
        line = {
            "at": now(),
            "section": change.section,
            "index": change.index,
            "before": _dump(change.before),
            "after": _dump(change.after),
        }
        if change.after is not None:
            comments = comments_of(change.after)
            if comments:
                line["after_comments"] = comments.to_json()
            parts = parts_to_json(change.after)
            if parts:  # comments on its control changes, series points...
                line["after_part_comments"] = parts
        # ASCII-only JSON: any string (even a lone surrogate) is written and read back.
        # The changes of one step (an import of thousands of rows) are fsynced once,
        # when the step is whole (sync); a single change at once.
        in_step = any(document.in_step for document in self._documents)
        self._append(json.dumps(line, separators=(",", ":")), sync=not in_step)

    def sync(self) -> None:
        """Make the changes written since the last fsync durable (a step is whole)."""
        if self._unsynced and self.error is None:
            self._append("", sync=True)

    def clear(self, base_sha256: str | None) -> None:
        """Forget the recorded changes: the document was saved as content base_sha256."""
        if self.handle.closed:
            return
        try:
            self.handle.seek(0)
            self.handle.truncate()
        except OSError as exc:
            self._failed(exc)
            return
        self.base_sha256 = base_sha256
        self.error = None
        self._write_header()

    def close(self, *, keep: bool = False) -> None:
        """Stop journaling. On a clean quit the journal is deleted; keep=True leaves it."""
        for document in list(self._documents):
            self.detach(document)
        if self.handle.closed:
            return
        if not keep:
            with contextlib.suppress(FileNotFoundError):
                self.file.unlink()
        self.handle.close()

    def _write_header(self) -> None:
        header = {
            "sitrep_journal": FORMAT,
            "file": None if self.path is None else str(real_path(self.path)),
            "base_sha256": self.base_sha256,
            "started": now(),
            "pid": os.getpid(),
        }
        self._append(json.dumps(header))

    def _append(self, line: str, *, sync: bool = True) -> None:
        """Write a line (none when empty) and flush it; fsync too unless sync is False."""
        try:
            if line:
                self.handle.write(line + "\n")
                self.handle.flush()
            self._unsynced = not sync
            if sync:
                os.fsync(self.handle.fileno())
        except (OSError, ValueError) as exc:  # ValueError: the handle was closed
            self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        self.error = f"unsaved edits are no longer journaled ({self.file}): {exc}"
        if self.on_error is not None:
            self.on_error(self.error)


def _open_slot(slot: Path) -> IO[str] | None:
    """The slot opened for appending and locked; None if another sitrep holds it.

    Opened without following a symlink and without blocking; anything but a
    regular file there (a pipe, a device) is left alone and the slot skipped.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW
    try:
        fd = os.open(slot, flags, 0o600)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode) or not try_lock(fd):
        os.close(fd)
        return None
    os.set_blocking(fd, True)
    return open(fd, "a+", encoding="utf-8")


def _holds_edits(slot: Path, path: Path | None) -> bool:
    """Whether a journal in a slot holds anything to keep (edits, or what cannot be read)."""
    contents = read_journal(slot, path)
    return contents is None or bool(contents.changes) or contents.damaged is not None


def _dump(model: BaseModel | None) -> dict[str, Any] | None:
    return None if model is None else model.model_dump(mode="json")


def _current_sha(path: Path | None) -> str | None:
    if path is None:
        from sitrep.storage.sample import sample_path

        path = sample_path()
    return DiskState.capture(path).sha256


def _locked_elsewhere(file: Path) -> bool:
    """True while a running sitrep holds this journal (its lock dies with it)."""
    if not CAN_LOCK:  # pragma: no cover
        return False
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW)
    except OSError:
        return True
    try:
        return not try_lock(fd, shared=True)
    finally:
        os.close(fd)  # closing releases the probe's lock


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
