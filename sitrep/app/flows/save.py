"""Saving as an app action, through whatever the disk says.

A save writes canonical YAML atomically. When the file changed on disk since it
was loaded (another editor, a git pull, a second sitrep), it is never replaced
silently: the user chooses to reload it, overwrite it, save elsewhere or cancel.
A file deleted meanwhile can be saved again; a save that fails (read-only file,
missing folder, full disk) says why and offers to retry or save elsewhere. In
every case that does not write, the edits stay in the app (and in the journal).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from textual.app import App

from sitrep.app.safe import clean
from sitrep.editing.document import Document
from sitrep.errors import SitrepError
from sitrep.storage.diskstate import DiskState, FileChangedError, Status
from sitrep.storage.guard import Guard
from sitrep.storage.store import Saved

Done = Callable[[bool], None]
"""Told whether the file was written (True) or not (False): quitting after a save uses it."""

_WHAT_HAPPENED: dict[Status, tuple[str, str]] = {
    "modified": (
        "File changed on disk",
        "{file} was changed on disk since it was opened (by another program, a git pull or "
        "another sitrep). Saving now would replace those changes.",
    ),
    "created": (
        "File already exists",
        "{file} has been created by another program since sitrep started. Saving now would "
        "replace it.",
    ),
    "deleted": (
        "File deleted",
        "{file} was deleted or moved since it was opened.",
    ),
    "unchanged": ("File unchanged", "{file} is unchanged."),
}


def sibling_name(path: Path, tag: str) -> Path:
    """A free name beside path: 'sit (conflict).yaml', then 'sit (conflict 2).yaml'..."""
    folder = path.parent if path.parent.is_dir() else Path.cwd()
    number = 1
    while True:
        label = tag if number == 1 else f"{tag} {number}"
        candidate = folder / f"{path.stem} ({label}){path.suffix}"
        if not candidate.exists():
            return candidate
        number += 1


class SaveActions(App[int]):
    """Mixed into the app: save, and answer the questions a save can raise."""

    document: Document | None
    guard: Guard | None
    new_file: Path
    """Where a document without a path (the bundled sample) is first saved."""

    def say(
        self, message: str, *, severity: Literal["information", "warning", "error"] = "information"
    ) -> None:
        """Notify with text that may hold user data (never parsed as markup)."""
        self.notify(clean(message), severity=severity, markup=False)

    @property
    def save_path(self) -> Path:
        """Where the next save writes."""
        assert self.document is not None
        return self.document.path or self.new_file

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

    def on_saved(self) -> None:
        """Called after every successful save (the header shows the saved state)."""

    async def reload_document(self, document: Document, disk: DiskState) -> None:
        """Show a document just read again from disk (the app replaces its main screen)."""
        raise NotImplementedError

    # -- writing -----------------------------------------------------------------------
    def _write(self, target: Path, expected: DiskState | None, done: Done | None) -> None:
        from sitrep.storage.store import save_situation

        assert self.document is not None
        try:
            saved = save_situation(self.document.situation, target, expected=expected)
        except FileChangedError as exc:
            self._changed_on_disk(target, exc.status, done)
            return
        except SitrepError as exc:
            self._failed(target, expected, exc, done)
            return
        self._saved(saved, target)
        if done:
            done(True)

    def _saved(self, saved: Saved, target: Path) -> None:
        assert self.document is not None
        self.document.mark_saved(target)
        if self.guard is not None:
            self.guard.saved(saved, target)
        self.say(f"Saved {target}")
        if saved.warning:
            self.say(f"{target.name}: {saved.warning}", severity="warning")
        if saved.backup_error:
            self.say(f"Saved, but {saved.backup_error}", severity="warning")
        self.on_saved()

    def _not_saved(self, done: Done | None) -> None:
        self.say("Not saved: your edits are still here", severity="warning")
        if done:
            done(False)

    # -- the questions -------------------------------------------------------------------
    def _changed_on_disk(self, target: Path, status: Status, done: Done | None) -> None:
        from sitrep.app.dialogs.choice import Choice, ChoiceScreen

        assert self.document is not None
        title, message = _WHAT_HAPPENED[status]
        ours = target == self.document.path
        choices = []
        if status == "modified" and ours:
            choices.append(
                Choice("reload", "r", "Reload", "Open the file as it is now (your edits are lost)")
            )
        if status == "deleted":
            choices.append(Choice("recreate", "s", "Save", "Write your version there again"))
        else:
            choices.append(
                Choice(
                    "overwrite",
                    "o",
                    "Overwrite",
                    "Replace it with your version (its content is kept as a backup)",
                )
            )
        keep_both = "" if status == "deleted" else "Keep both: "
        does = f"{keep_both}write your version to another file"
        choices.append(Choice("elsewhere", "e", "Save elsewhere", does))

        def answered(choice: str | None) -> None:
            if choice == "reload":
                self._confirm_reload(target, status, done)
            elif choice == "overwrite":
                self._write(target, None, done)
            elif choice == "recreate":
                self._write(target, DiskState.absent(target), done)
            elif choice == "elsewhere":
                self._save_elsewhere(target, "conflict", done)
            else:
                self._not_saved(done)

        focus = "recreate" if status == "deleted" else "elsewhere"  # neither loses anything
        screen = ChoiceScreen(title, message.format(file=target), choices, focus=focus)
        self.push_screen(screen, answered)

    def _failed(
        self, target: Path, expected: DiskState | None, exc: SitrepError, done: Done | None
    ) -> None:
        from sitrep.app.dialogs.choice import Choice, ChoiceScreen

        choices = [
            Choice("retry", "r", "Try again", "Once the cause is fixed (permissions, free space)"),
            Choice("elsewhere", "e", "Save elsewhere", "Write your version to another file"),
        ]

        def answered(choice: str | None) -> None:
            if choice == "retry":
                self._write(target, expected, done)
            elif choice == "elsewhere":
                self._save_elsewhere(target, "copy", done)
            else:
                self._not_saved(done)

        message = f"{exc}.\nYour edits are kept in sitrep; the file on disk was not changed."
        self.push_screen(ChoiceScreen("Not saved", message, choices, focus="elsewhere"), answered)

    def _save_elsewhere(self, target: Path, tag: str, done: Done | None) -> None:
        from sitrep.app.dialogs.path import PathScreen

        def chosen(path: Path | None) -> None:
            if path is None:
                self._not_saved(done)
            else:  # a file that exists there is not replaced without asking
                self._write(path, DiskState.absent(path), done)

        message = "Save your version as (it becomes the file you are working on):"
        self.push_screen(PathScreen("Save elsewhere", message, sibling_name(target, tag)), chosen)

    def _confirm_reload(self, target: Path, status: Status, done: Done | None) -> None:
        from sitrep.app.dialogs.confirm import ConfirmScreen

        async def confirmed(yes: bool | None) -> None:
            if yes:
                await self._reload(target, done)
            else:  # back to the choice, nothing lost
                self._changed_on_disk(target, status, done)

        question = (
            f"Reload {target} from disk? The edits you have not saved will be lost "
            "(the journal that would recover them after a crash is cleared too)."
        )
        self.push_screen(ConfirmScreen(question, "Reload, lose my edits", "Go back"), confirmed)

    async def _reload(self, target: Path, done: Done | None) -> None:
        from sitrep.storage.diskstate import load_with_state

        try:
            situation, disk = load_with_state(target)
        except SitrepError as exc:
            first = exc.lines()[0] if exc.lines() else str(exc)
            self.say(f"Cannot reload: {first} (your edits are kept)", severity="error")
            if done:
                done(False)
            return
        await self.reload_document(Document(situation, target), disk)
        self.say(f"Reloaded {target} from disk")
        if done:
            done(False)
