"""Crash recovery: every change to a document is appended to a journal as it happens.

If sitrep dies (SIGKILL, a closed terminal, a power cut) the journal still holds
the unsaved edits, and the next ``sitrep FILE`` offers to replay them. Imports no
Textual.

A journal is a JSON-lines file in the state folder, named by the situation
file's key (statedir.file_key). The first line says which file and which content
(SHA-256 of the bytes as loaded or last saved) the changes apply to; each further
line is one applied Change, undo and redo included, so replaying them in order
rebuilds the document exactly (an entry's or the header's comments from the file
too: they are recorded with the entry a change puts in, when it has any). Each
change is appended, flushed and fsynced (about 0.2 ms), never rewriting the file,
so it stays fast at any size.

A journal is locked (flock) while its sitrep runs: a second sitrep on the same
file journals to a second slot and never offers a live instance's edits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from sitrep.editing.document import Change, Document, EditRejected
from sitrep.errors import SitrepError
from sitrep.model.comments import Comments, comments_of, set_comments
from sitrep.model.entries import Entry
from sitrep.model.sections import SECTION_MODELS, SECTIONS
from sitrep.model.situation import Header
from sitrep.storage.diskstate import DiskState
from sitrep.storage.statedir import file_key, real_path, state_subdir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locking, one slot per file
    fcntl = None  # type: ignore[assignment]

FORMAT = 1
"""The journal format this version writes; other formats are not replayed."""

MAX_SLOTS = 8
"""How many sitrep instances may journal the same file at once."""


class JournalError(SitrepError):
    """A journal could not be written, read or replayed."""


_MODELS: dict[str, type[BaseModel]] = {"header": Header, **SECTION_MODELS}


@dataclass
class Recovery:
    """Unsaved edits found in a journal left by a sitrep that did not quit cleanly."""

    path: Path | None
    journal_file: Path
    base_sha256: str | None
    changes: list[Change]
    last_change: dt.datetime
    damaged: bool = False
    """True when the journal ended in a torn or unreadable line (the rest is intact)."""

    @property
    def count(self) -> int:
        """How many changes the journal holds."""
        return len(self.changes)

    def apply(self, document: Document) -> int:
        """Replay the changes on document as ONE undo step; returns how many were applied.

        Each change must find the entry it expects (its 'before'); if not, nothing
        is applied and JournalError says why. The document's own journal, if
        attached, records the replayed changes, so recovered edits stay safe.
        """
        applied = 0
        try:
            with document.group():  # a failed replay rolls the applied part back
                for number, change in enumerate(self.changes, start=1):
                    _replay(document, change, number)
                    applied += 1
        except (EditRejected, IndexError) as exc:
            raise JournalError(f"cannot replay the unsaved edits: {exc}") from None
        return applied

    def discard(self) -> None:
        """Delete the journal (after applying it, or when the user declines it)."""
        with contextlib.suppress(FileNotFoundError):
            self.journal_file.unlink()


def _replay(document: Document, change: Change, number: int) -> None:
    if change.section == "header":
        if change.before != document.situation.header:
            raise JournalError(f"change {number} expects another header than the file's")
        assert change.after is not None
        document.set_header(change.after)  # type: ignore[arg-type]
        return
    entries = document.entries(change.section)
    if change.before is not None and (
        change.index >= len(entries) or entries[change.index] != change.before
    ):
        raise JournalError(
            f"change {number} expects another entry at {change.section} "
            f"{change.index + 1} than the file has"
        )
    if change.before is None:
        if change.index > len(entries):
            raise JournalError(f"change {number} adds past the end of {change.section}")
        assert isinstance(change.after, Entry)
        document.add(change.section, change.after, change.index)
    elif change.after is None:
        document.delete(change.section, change.index)
    else:
        assert isinstance(change.after, Entry)
        document.replace(change.section, change.index, change.after)


@dataclass(eq=False)
class Journal:
    """The journal of one open document; attach it, and clear it on every save.

    Create it with Journal.open(path, base_sha256) AFTER checking Journal.pending(path).
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

    # -- finding journals ---------------------------------------------------------
    @staticmethod
    def folder() -> Path:
        """The folder holding every journal."""
        return state_subdir("journals")

    @classmethod
    def slots(cls, path: Path | None) -> list[Path]:
        """The journal files a document at path may use, first slot first."""
        key = file_key(path)
        folder = cls.folder()
        return [folder / f"{key}.jsonl"] + [
            folder / f"{key}.{n}.jsonl" for n in range(2, MAX_SLOTS + 1)
        ]

    @classmethod
    def pending(cls, path: Path | None, disk: DiskState | None = None) -> Recovery | None:
        """Unsaved edits left for this file by a sitrep that died, if they still apply.

        Only a journal whose base is the file's current content is offered (pass
        the DiskState captured at load; else the file is read now). The most
        recent is returned when several instances died. Journals of a running
        sitrep are locked and skipped. For the bundled sample pass path None.
        """
        current = disk.sha256 if disk is not None else _current_sha(path)
        found: list[Recovery] = []
        for slot in cls.slots(path):
            if not slot.exists() or _locked_elsewhere(slot):
                continue
            recovery = read_journal(slot, path)
            if recovery and recovery.changes and recovery.base_sha256 == current:
                found.append(recovery)
        return max(found, key=lambda r: r.last_change, default=None)

    # -- writing -----------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | None,
        base_sha256: str | None,
        on_error: Callable[[str], None] | None = None,
    ) -> Journal:
        """Start an empty journal for path in the first free slot, and lock it.

        An unlocked journal already in that slot is kept one step back as
        ``*.prev.jsonl`` (read pending() first to offer it).
        """
        try:
            for slot in cls.slots(path):
                handle = open(slot, "a+", encoding="utf-8")  # noqa: SIM115 - kept open
                if not _lock(handle):
                    handle.close()
                    continue
                handle.seek(0)
                if handle.read(1):
                    with contextlib.suppress(OSError):
                        os.replace(slot, slot.with_suffix(".prev.jsonl"))
                    handle.close()
                    handle = open(slot, "a+", encoding="utf-8")  # noqa: SIM115
                    _lock(handle)
                journal = cls(path, slot, handle, base_sha256, on_error)
                journal._write_header()
                return journal
        except OSError as exc:
            raise JournalError(f"cannot start the unsaved-edits journal: {exc}") from None
        raise JournalError(f"more than {MAX_SLOTS} sitrep instances have this file open")

    def attach(self, document: Document) -> None:
        """Record every change the document makes from now on."""
        document.observers.append(self.record)
        self._documents.append(document)

    def detach(self, document: Document) -> None:
        """Stop recording the document's changes."""
        with contextlib.suppress(ValueError):
            document.observers.remove(self.record)
        with contextlib.suppress(ValueError):
            self._documents.remove(document)

    def record(self, change: Change) -> None:
        """Append one change (the Document observer). Never raises: see error/on_error."""
        if self.error is not None:
            return
        line = {
            "at": _now(),
            "section": change.section,
            "index": change.index,
            "before": _dump(change.before),
            "after": _dump(change.after),
        }
        comments = comments_of(change.after) if change.after is not None else None
        if comments:
            line["after_comments"] = comments.to_json()
        # ASCII-only JSON: any string (even a lone surrogate) is written and read back.
        self._append(json.dumps(line, separators=(",", ":")))

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
            "started": _now(),
            "pid": os.getpid(),
        }
        self._append(json.dumps(header))

    def _append(self, line: str) -> None:
        try:
            self.handle.write(line + "\n")
            self.handle.flush()
            os.fsync(self.handle.fileno())
        except (OSError, ValueError) as exc:  # ValueError: the handle was closed
            self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        self.error = f"unsaved edits are no longer journaled ({self.file}): {exc}"
        if self.on_error is not None:
            self.on_error(self.error)


def read_journal(file: Path, path: Path | None = None) -> Recovery | None:
    """Read a journal file; None if it is empty or not a journal this version can replay."""
    try:
        with open(file, encoding="utf-8", errors="replace") as handle:
            lines = iter(handle.read().splitlines())
    except OSError:
        return None
    header = _json(next(lines, ""))
    if header is None or header.get("sitrep_journal") != FORMAT:
        return None
    expected_file = None if path is None else str(real_path(path))
    if header.get("file") != expected_file:  # another file whose key collides: not ours
        return None
    changes: list[Change] = []
    last = _time(header.get("started"))
    damaged = False
    for text in lines:
        line = _json(text)
        change = _change(line) if line is not None else None
        if change is None:
            damaged = True  # a torn last line from a crash mid-write, or worse
            break
        changes.append(change)
        last = _time(line.get("at") if line else None) or last
    base = header.get("base_sha256")
    return Recovery(
        path=path,
        journal_file=file,
        base_sha256=base if isinstance(base, str) else None,
        changes=changes,
        last_change=last or dt.datetime.fromtimestamp(0, dt.UTC),
        damaged=damaged,
    )


def _change(line: dict[str, Any]) -> Change | None:
    section = line.get("section")
    index = line.get("index")
    if section not in (*SECTIONS, "header") or not isinstance(index, int) or index < 0:
        return None
    model = _MODELS[str(section)]
    try:
        before = None if line.get("before") is None else model.model_validate(line["before"])
        after = None if line.get("after") is None else model.model_validate(line["after"])
    except ValidationError:
        return None
    if before is None and after is None:
        return None
    if section == "header" and (before is None or after is None):
        return None
    if after is not None and "after_comments" in line:
        set_comments(after, Comments.from_json(line["after_comments"]))
    return Change(section, index, before, after)


def _dump(model: BaseModel | None) -> dict[str, Any] | None:
    return None if model is None else model.model_dump(mode="json")


def _json(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _time(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _current_sha(path: Path | None) -> str | None:
    if path is None:
        from sitrep.storage.sample import sample_path

        path = sample_path()
    return DiskState.capture(path).sha256


def _lock(handle: IO[str]) -> bool:
    if fcntl is None:  # pragma: no cover
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _locked_elsewhere(slot: Path) -> bool:
    """True while a running sitrep holds this journal (its lock dies with it)."""
    if fcntl is None:  # pragma: no cover
        return False
    try:
        with open(slot, encoding="utf-8") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        return True
    return False


def journals(path: Path | None) -> Iterator[Path]:
    """Every journal file of path that exists, previous ones included (for tools and docs)."""
    for slot in Journal.slots(path):
        for candidate in (slot, slot.with_suffix(".prev.jsonl")):
            if candidate.exists():
                yield candidate
