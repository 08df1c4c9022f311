"""Ask for a file to save to, starting from a suggested name."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from sitrep.app.dialogs.input_dialog import compose_input_dialog
from sitrep.app.safe import clean


class PathScreen(ModalScreen[Path | None]):
    """Ask for a file to save to, starting from a suggestion; Escape returns None.

    Obvious mistakes (an empty name, a folder, a folder that does not exist) are
    shown under the input; an existing file is allowed (saving asks first).
    """

    DEFAULT_CSS = """
    PathScreen Input { margin-top: 1; }
    PathScreen #path-problem { color: $text-error; height: auto; }
    """

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, message: str, suggestion: Path) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.message = title, message
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        """Title, message, the path input, a problem line and the buttons."""
        yield from compose_input_dialog(
            self.title_text,
            self.message,
            str(self.suggestion),
            prefix="path",
            ok="Save",
            ok_id="path-save",
        )

    def on_mount(self) -> None:
        """The cursor at the end of the suggested name, ready to change it."""
        self.query_one(Input).focus()

    def problem(self, text: str) -> str | None:
        """What is wrong with the typed path, or None when it can be tried."""
        return path_problem(text, empty="Type the name of the file to save to.", new=True)

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#path-save")
    def _save(self) -> None:
        text = self.query_one(Input).value
        problem = self.problem(text)
        if problem is not None:
            self.query_one("#path-problem", Static).update(Content(clean(problem)))
            return
        self.dismiss(Path(text.strip()).expanduser())

    @on(Button.Pressed, "#path-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def path_problem(text: str, *, empty: str, new: bool) -> str | None:
    """What is wrong with a typed path, or None when it can be tried (new: a file to write,
    in a folder that must exist)."""
    if not text.strip():
        return empty
    path = Path(text.strip()).expanduser()
    if path.is_dir():
        return f"{path} is a folder: add a file name."
    if new and not path.parent.is_dir():
        return f"There is no folder {path.parent}."
    return None
