"""The questions a save can raise, as dialogs: the file changed on disk, the save failed.

Each question offers only what makes sense (no reload for a file that is not
ours, no overwrite of a deleted file) and has focus on a choice that loses
nothing. The save flow (save.py) asks them and acts on the answers.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.app.dialogs.choice import Choice, ChoiceScreen
from sitrep.app.dialogs.confirm import ConfirmScreen
from sitrep.app.dialogs.path import PathScreen
from sitrep.errors import SitrepError
from sitrep.storage.diskstate import Status

WHAT_HAPPENED: dict[Status, tuple[str, str]] = {
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


def changed_on_disk(target: Path, status: Status, *, ours: bool) -> ChoiceScreen:
    """Reload (our own file, modified), overwrite or save again, save elsewhere, cancel."""
    title, message = WHAT_HAPPENED[status]
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
    focus = "recreate" if status == "deleted" else "elsewhere"  # neither loses anything
    return ChoiceScreen(title, message.format(file=target), choices, focus=focus)


def save_failed(error: SitrepError) -> ChoiceScreen:
    """Try again (once the cause is fixed), save elsewhere, cancel."""
    choices = [
        Choice("retry", "r", "Try again", "Once the cause is fixed (permissions, free space)"),
        Choice("elsewhere", "e", "Save elsewhere", "Write your version to another file"),
    ]
    message = f"{error}.\nYour edits are kept in sitrep; the file on disk was not changed."
    return ChoiceScreen("Not saved", message, choices, focus="elsewhere")


def not_a_file(error: SitrepError) -> ChoiceScreen:
    """The file became a folder, pipe or device (or a link to one): never written into."""
    choices = [
        Choice("elsewhere", "e", "Save elsewhere", "Write your version to a file of your choice"),
        Choice("retry", "r", "Try again", "Once the file is back where it was"),
    ]
    message = (
        f"{error}.\nYour edits are kept in sitrep and in its crash journal; nothing was written."
    )
    return ChoiceScreen("Not a file any more", message, choices, focus="elsewhere")


def save_elsewhere(target: Path, tag: str) -> PathScreen:
    """Which file to save to instead, starting from a free name beside target."""
    message = "Save your version as (it becomes the file you are working on):"
    return PathScreen("Save elsewhere", message, sibling_name(target, tag))


def confirm_reload(target: Path) -> ConfirmScreen:
    """Reloading drops the unsaved edits: asked again, with going back as the safe answer."""
    question = (
        f"Reload {target} from disk? The edits you have not saved will be lost "
        "(the journal that would recover them after a crash is cleared too)."
    )
    return ConfirmScreen(question, "Reload, lose my edits", "Go back")
