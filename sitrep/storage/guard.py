"""Crash safety for the open document: its unsaved-edits journal and its file's disk state.

Imports no Textual; the app asks the questions (recover? replace a changed file?)
and this keeps the state. The journal records every change as it happens, so a
killed sitrep loses nothing; it is cleared on save and deleted on a clean quit.

What the app calls, in order:

- ``pending()`` (or ``recoveries()``) at start: edits a dead sitrep left, each a
  Recovery whose ``file_changed`` says whether the file changed since. It also
  sweeps the stale temporary files a killed save left. A state folder that cannot
  be made is reported (``unjournaled`` says why) and editing goes on.
- then ``recover(r)`` (file unchanged: exact replay), ``replay(r)`` (onto a
  changed file: a Replayed saying which changes applied), ``r.keep()`` (offer it
  again next time) or ``r.discard()`` (the user dropped it); then ``start()``.
- ``expected(target)`` before a save, ``saved()`` after, ``close()`` on a clean quit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sitrep.editing.document import Change, Document
from sitrep.errors import SitrepIOError
from sitrep.storage.crash.journal import Journal, JournalError, Recovery, Replayed, recoveries
from sitrep.storage.diskstate import DiskState
from sitrep.storage.store import Saved, sweep_temporary_files

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
        self.unjournaled: str | None = None
        """Why edits are not journaled (the state folder cannot be made...), once said."""
        self._warned_for: DiskState | None = None

    def pending(self) -> Recovery | None:
        """The most recent edits a dead sitrep left for this file (ask before start())."""
        found = self.recoveries()
        return found[0] if found else None

    def recoveries(self) -> list[Recovery]:
        """Every journal of edits a dead sitrep left for this file, newest first.

        Offered also when the file changed since (Recovery.file_changed). Sweeps
        stale temporary files first. Never raises: a state folder that cannot be
        made is reported once and gives none.
        """
        if self.document.path is not None:
            sweep_temporary_files(self.document.path)
        try:
            return recoveries(self.document.path, self.disk)
        except SitrepIOError as exc:
            self._not_journaled(str(exc))
            return []

    def start(self) -> None:
        """Journal every change from now on (a failure is reported, never fatal)."""
        base = self.disk.sha256 if self.disk is not None else None
        try:
            self.journal = Journal.open(self.document.path, base, on_error=self.report)
        except SitrepIOError as exc:  # JournalError, or the state folder (StateDirError)
            self._not_journaled(str(exc))
            return
        self.unjournaled = None
        self.journal.attach(self.document)

    def recover(self, recovery: Recovery) -> int:
        """Apply a dead sitrep's edits as one undo step; returns how many were applied.

        The file unchanged: an exact replay, all or nothing (JournalError if it does
        not fit). The file changed since: as replay(), each change that fits. The
        journal is set aside first and deleted only once every edit is back in the
        document (and so in the new journal): nothing is lost if it fails.
        """
        if recovery.file_changed:
            return len(self.replay(recovery).applied)
        recovery.keep()
        if self.journal is None:
            self.start()
        applied = recovery.apply(self.document)
        recovery.discard()
        return applied

    def replay(self, recovery: Recovery) -> Replayed:
        """Apply each of a dead sitrep's edits that still fits a file changed since.

        One undo step. When every change applied, the old journal is deleted;
        otherwise it is kept aside (offered again next time) so the user can still
        decide about the edits that did not fit (Recovery.describe names them).
        """
        recovery.keep()
        if self.journal is None:
            self.start()
        result = recovery.apply_each(self.document)
        if result.complete:
            recovery.discard()
        return result

    def expected(self, target: Path) -> DiskState:
        """What target must still look like for a save to go ahead without asking."""
        if self.disk is not None and self.document.path is not None and target == self.disk.path:
            return self.disk
        return DiskState.absent(target)  # a new file: it must not have appeared meanwhile

    def saved(self, saved: Saved, target: Path, since: Sequence[Change] = ()) -> None:
        """After a save: remember the new content and start the journal afresh.

        since: the changes made after the saved snapshot was taken (while it was
        written); the fresh journal records them again, on top of the saved file.
        """
        was_new = self.journal is not None and self.journal.path != target
        self.disk = DiskState(target, saved.disk.size, saved.disk.mtime_ns, saved.disk.sha256)
        self._warned_for = None
        if self.journal is None:
            if self.unjournaled is None:
                return
            self.start()  # the state folder may be back: try again, quietly if not
        elif was_new:  # the sample's journal ends; the new file gets its own
            self.journal.close()
            self.journal = None
            self.start()
        else:
            self.journal.clear(saved.disk.sha256)
        if self.journal is not None:
            for change in since:
                self.journal.record(change)

    def changed_on_disk(self) -> bool:
        """True once per change of the file by someone else (cheap enough to poll)."""
        disk = self.disk
        if disk is None or self.document.path is None or self._warned_for is disk:
            return False
        try:
            changed = disk.maybe_changed() and disk.changed()
        except SitrepIOError:  # unreadable now (permissions...): worth a warning too
            changed = True
        if changed:
            self._warned_for = disk
        return changed

    def close(self) -> None:
        """A clean quit: the journal is no longer needed."""
        if self.journal is not None:
            self.journal.close()
            self.journal = None

    def _not_journaled(self, why: str) -> None:
        if self.unjournaled is None:
            self.report(
                f"{why}; edits are not journaled: they will not survive a crash until saved"
            )
        self.unjournaled = why


__all__ = ["Guard", "JournalError", "Recovery", "Replayed"]
