"""Saving, exporting and copying the brief, and keeping the file safe, as app actions.

Saving writes canonical YAML atomically: a failed save leaves the old file whole
and the edits in the app, with the error shown. A file changed on disk since it
was opened (another editor, a git pull) is never replaced without asking; nor is
./sitrep.yaml when the bundled sample is first saved there and it has appeared
meanwhile. Every edit is journaled, so a sitrep that dies loses nothing: the next
start offers to recover the edits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from textual.app import App

from sitrep.app.safe import clean
from sitrep.app.safety import Guard
from sitrep.errors import SitrepError
from sitrep.model.diskstate import DiskState, FileChangedError
from sitrep.model.document import Document
from sitrep.model.journal import JournalError, Recovery
from sitrep.model.situation import Situation
from sitrep.settings import Settings

Done = Callable[[bool], None]
DISK_POLL_SECONDS = 2.0
"""How often the file is checked (a stat) for changes made by someone else."""

_CHANGED = {
    "modified": "was changed on disk since it was opened (by another program or another sitrep)",
    "created": "has been created by another program since sitrep started",
    "deleted": "was deleted or moved since it was opened",
    "unchanged": "is unchanged",
}


class FileActions(App[int]):
    """Mixed into the app: save, export, copy the brief, recover after a crash."""

    document: Document | None
    settings: Settings
    guard: Guard | None
    new_file: Path
    """Where a document without a path (the bundled sample) is first saved."""

    def say(
        self, message: str, *, severity: Literal["information", "warning", "error"] = "information"
    ) -> None:
        """Notify with text that may hold user data (never parsed as markup)."""
        self.notify(clean(message), severity=severity, markup=False)

    @property
    def file_name(self) -> str:
        """The name shown in the header: the file, or where a new one will go."""
        if self.document is None or self.document.path is None:
            return f"new: {self.new_file.name}"
        return self.document.path.name

    @property
    def save_path(self) -> Path:
        """Where the next save writes."""
        assert self.document is not None
        return self.document.path or self.new_file

    # -- crash safety ---------------------------------------------------------------
    def start_safety(self) -> None:
        """Offer to recover a crashed session's edits, journal from now on, watch the file."""
        guard = self.guard
        if guard is None:
            return
        recovery = guard.pending()
        if recovery is None:
            guard.start()
        else:
            from sitrep.app.screens.dialogs import ConfirmScreen

            when = recovery.last_change.astimezone().strftime("%a %d %b %H:%M")
            question = (
                f"sitrep did not quit cleanly: {recovery.count} unsaved edit"
                f"{'s' if recovery.count != 1 else ''} of {self.file_name} (last at {when}) "
                "can be recovered. Recover them?"
            )
            screen = ConfirmScreen(question, "Recover", "Discard them", safe=True)
            self.push_screen(screen, lambda yes: self._recovered(recovery, bool(yes)))
        self.set_interval(DISK_POLL_SECONDS, self._check_disk)

    def _recovered(self, recovery: Recovery, yes: bool) -> None:
        assert self.guard is not None
        if not yes:
            recovery.discard()
            self.guard.start()
            return
        try:
            count = self.guard.recover(recovery)
        except JournalError as exc:
            self.say(str(exc), severity="error")
            return
        self.say(f"Recovered {count} unsaved edit{'s' if count != 1 else ''} (u undoes them)")

    def _check_disk(self) -> None:
        if self.guard is not None and self.guard.changed_on_disk():
            self.say(
                f"{self.save_path} changed on disk; saving will ask before replacing it",
                severity="warning",
            )

    def quit_cleanly(self) -> None:
        """Quit after a save or a choice to discard: the journal is not needed any more."""
        if self.guard is not None:
            self.guard.close()
        self.exit()

    # -- save ------------------------------------------------------------------
    def action_save(self) -> None:
        """Save the situation (asking first before replacing a file changed meanwhile)."""
        self.save()

    def save(self, done: Done | None = None) -> None:
        """Save, then call done(True) if the file was written, done(False) if not."""
        if self.document is None:
            return
        target = self.save_path
        expected = self.guard.expected(target) if self.guard else None
        self._write(target, expected, done)

    def _write(self, target: Path, expected: DiskState | None, done: Done | None) -> None:
        from sitrep.model.store import save_situation

        assert self.document is not None
        try:
            saved = save_situation(self.document.situation, target, expected=expected)
        except FileChangedError as exc:
            self._ask_to_replace(target, exc, done)
            return
        except SitrepError as exc:
            self.say(f"{exc} (your edits are kept; the file is unchanged)", severity="error")
            if done:
                done(False)
            return
        self.document.mark_saved(target)
        if self.guard is not None:
            self.guard.saved(saved, target)
        self.say(f"Saved {target}")
        if saved.backup_error:
            self.say(f"The previous version was not kept: {saved.backup_error}", severity="warning")
        self.on_saved()
        if done:
            done(True)

    def _ask_to_replace(self, target: Path, exc: FileChangedError, done: Done | None) -> None:
        from sitrep.app.screens.dialogs import ConfirmScreen

        def answered(replace: bool | None) -> None:
            if replace:
                self._write(target, None, done)
                return
            self.say("Not saved: your edits are still here", severity="warning")
            if done:
                done(False)

        question = f"{target} {_CHANGED[exc.status]}. Replace it with this situation?"
        self.push_screen(ConfirmScreen(question, "Replace", "Cancel"), answered)

    def on_saved(self) -> None:
        """Called after every successful save (the header shows the saved state)."""

    # -- brief -----------------------------------------------------------------------
    def brief_text(self, *, timestamp: bool = False, situation: Situation | None = None) -> str:
        """The Markdown brief of the situation as it stands (or of a snapshot of it)."""
        from sitrep.brief import render_brief

        assert self.document is not None
        generated_at = dt.datetime.now(dt.UTC).replace(microsecond=0) if timestamp else None
        return render_brief(
            situation or self.document.situation,
            source_name=self.save_path.name,
            generated_at=generated_at,
        )

    def action_export(self) -> None:
        """Write the brief next to the situation file (FILE.md)."""
        from sitrep.model.store import write_atomic

        if self.document is None:
            return
        target = self.save_path.with_suffix(".md")
        try:
            write_atomic(target, self.brief_text(timestamp=self.settings.brief.timestamp))
        except SitrepError as exc:
            self.say(str(exc), severity="error")
            return
        self.say(f"Brief written to {target}")

    def action_copy_brief(self) -> None:
        """Copy the brief to the clipboard (through the terminal)."""
        if self.document is None:
            return
        self.copy_to_clipboard(self.brief_text(timestamp=self.settings.brief.timestamp))
        self.say("Brief copied to the clipboard")
