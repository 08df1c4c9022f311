"""Exporting and copying the brief, and keeping the file safe, as app actions.

Saving itself, with its questions (the file changed on disk, a failed save), is
in files_save. Every edit is journaled, so a sitrep that dies loses nothing: the
next start offers to recover the edits. The file is watched (a stat every two
seconds) so a change made by someone else is reported before a save has to ask.
"""

from __future__ import annotations

import datetime as dt

from sitrep.app.flows.save import Done, SaveActions
from sitrep.editing.document import Document
from sitrep.errors import SitrepError
from sitrep.model.situation import Situation
from sitrep.settings import Settings
from sitrep.storage.diskstate import DiskState
from sitrep.storage.guard import Guard
from sitrep.storage.journal import JournalError, Recovery

__all__ = ["DISK_POLL_SECONDS", "Done", "FileActions"]

DISK_POLL_SECONDS = 2.0
"""How often the file is checked (a stat) for changes made by someone else."""


class FileActions(SaveActions):
    """Mixed into the app: save, export, copy the brief, recover after a crash."""

    settings: Settings

    @property
    def file_name(self) -> str:
        """The name shown in the header: the file, or where a new one will go."""
        if self.document is None or self.document.path is None:
            return f"new: {self.new_file.name}"
        return self.document.path.name

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
            from sitrep.app.dialogs.confirm import ConfirmScreen

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
            what = "changed on disk" if self.save_path.exists() else "was deleted or moved"
            self.say(
                f"{self.save_path} {what}; saving will ask what to do",
                severity="warning",
            )

    async def reload_document(self, document: Document, disk: DiskState) -> None:
        """Show a document just read again from disk, in a new main screen.

        The old journal is closed (the user chose to drop those edits), a new one
        starts, and the pane the user was in stays in front.
        """
        from sitrep.app.screens.main import MainScreen

        if self.guard is not None:
            self.guard.close()
        self.document = document
        self.guard = Guard(document, disk, lambda message: self.say(message, severity="warning"))
        self.guard.start()
        old = self.screen
        stop = old.stop if isinstance(old, MainScreen) else None
        if isinstance(old, MainScreen):  # gone first: the new one has the same id
            await self.pop_screen()
        main = MainScreen(document)
        await self.push_screen(main)
        if stop is not None:  # after the focus the new screen gives its first table
            main.call_after_refresh(main.go_to, stop)

    def quit_cleanly(self) -> None:
        """Quit after a save or a choice to discard: the journal is not needed any more."""
        if self.guard is not None:
            self.guard.close()
        self.exit()

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
        from sitrep.storage.store import write_atomic

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
