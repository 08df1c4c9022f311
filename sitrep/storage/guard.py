"""Crash safety for the open document: its unsaved-edits journal and its file's disk state.

Imports no Textual; the app asks the questions (recover? replace a changed file?)
and this keeps the state. The journal records every change as it happens, so a
killed sitrep loses nothing; it is cleared on save and deleted on a clean quit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitrep.editing.document import Document
from sitrep.storage.diskstate import DiskState
from sitrep.storage.journal import Journal, JournalError, Recovery
from sitrep.storage.store import Saved

Report = Callable[[str], None]


class Guard:
    """The journal and disk state of one document."""

    def __init__(self, document: Document, disk: DiskState | None, report: Report) -> None:
        self.document = document
        self.disk = disk
        """The file as loaded or last saved (for the sample: the sample's own state)."""
        self.report = report
        """Tells the user about a journal that cannot be written (the edits go on)."""
        self.journal: Journal | None = None
        self._warned_for: DiskState | None = None

    def pending(self) -> Recovery | None:
        """Unsaved edits a sitrep that died left for this file (ask before start())."""
        return Journal.pending(self.document.path, self.disk)

    def start(self) -> None:
        """Journal every change from now on (a failure is reported, never fatal)."""
        base = self.disk.sha256 if self.disk is not None else None
        try:
            self.journal = Journal.open(self.document.path, base, on_error=self.report)
        except JournalError as exc:
            self.report(f"{exc}; edits will not survive a crash until you save")
            return
        self.journal.attach(self.document)

    def recover(self, recovery: Recovery) -> int:
        """Replay a dead sitrep's edits as one undo step (journaled again at once)."""
        if self.journal is None:
            self.start()
        applied = recovery.apply(self.document)
        if self.journal is None or recovery.journal_file != self.journal.file:
            recovery.discard()  # it was not moved aside by start(): not needed any more
        return applied

    def expected(self, target: Path) -> DiskState:
        """What target must still look like for a save to go ahead without asking."""
        if self.disk is not None and self.document.path is not None and target == self.disk.path:
            return self.disk
        return DiskState.absent(target)  # a new file: it must not have appeared meanwhile

    def saved(self, saved: Saved, target: Path) -> None:
        """After a save: remember the new content and start the journal afresh."""
        was_new = self.journal is not None and self.journal.path != target
        self.disk = DiskState(target, saved.disk.size, saved.disk.mtime_ns, saved.disk.sha256)
        self._warned_for = None
        if self.journal is None:
            return
        if was_new:  # the sample's journal ends; the new file gets its own
            self.journal.close()
            self.journal = None
            self.start()
        else:
            self.journal.clear(saved.disk.sha256)

    def changed_on_disk(self) -> bool:
        """True once per change of the file by someone else (cheap enough to poll)."""
        disk = self.disk
        if disk is None or self.document.path is None or self._warned_for is disk:
            return False
        if disk.maybe_changed() and disk.changed():
            self._warned_for = disk
            return True
        return False

    def close(self) -> None:
        """A clean quit: the journal is no longer needed."""
        if self.journal is not None:
            self.journal.close()
            self.journal = None
