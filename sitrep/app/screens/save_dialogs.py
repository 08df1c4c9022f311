"""The questions a save can raise: the file changed on disk, the save failed, where else to save.

ChoiceScreen offers a few named choices, each on its own line with a key and
what it does; PathScreen asks for a file name. Both return plain values and do
nothing themselves: sitrep.app.flows.save acts on the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from sitrep.app.safe import clean

Variant = Literal["default", "primary", "success", "warning", "error"]
WIDTH = 80
"""Cells the save dialogs take (the screen is at least 80 wide in practice)."""


@dataclass(frozen=True)
class Choice:
    """One answer: its id (returned), key, button label and what it does."""

    id: str
    key: str
    label: str
    does: str
    variant: Variant = "default"


CANCEL = Choice("cancel", "escape", "Cancel", "Do nothing now: your edits stay here")


class ChoiceScreen(ModalScreen[str]):
    """A titled question with one line per choice; returns the chosen id (Escape: "cancel")."""

    DEFAULT_CSS = """
    ChoiceScreen .choice-row { height: auto; margin-top: 1; }
    ChoiceScreen .choice-row Button { width: 22; margin-right: 2; }
    ChoiceScreen .choice-does { width: 1fr; padding-top: 0; color: $text-muted; }
    """

    BINDINGS: ClassVar = [Binding("escape", "choose('cancel')", "Cancel")]

    def __init__(
        self, title: str, message: str, choices: list[Choice], *, focus: str = CANCEL.id
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.message = title, message
        self.choices = [*choices, CANCEL] if CANCEL not in choices else choices
        self.focus_id = focus
        """The choice that has focus, so Enter gives it: one that loses nothing."""

    def compose(self) -> ComposeResult:
        """Title, message, then a button and a line of explanation per choice."""
        with Vertical(classes="dialog") as dialog:
            dialog.styles.width = WIDTH  # wider than the app's small dialogs
            dialog.styles.max_width = "100%"
            yield Static(Content.styled(clean(self.title_text), "bold"), classes="dialog-title")
            yield Static(Content(clean(self.message)), id="choice-message")
            for choice in self.choices:
                key = "esc" if choice.key == "escape" else choice.key
                with Horizontal(classes="choice-row"):
                    yield Button(
                        Content(f"{choice.label}  {key}"),
                        id=f"choice-{choice.id}",
                        variant=choice.variant,
                        compact=True,
                    )
                    yield Static(Content(clean(choice.does)), classes="choice-does")

    def on_mount(self) -> None:
        """Focus the choice that loses nothing."""
        self.query_one(f"#choice-{self.focus_id}", Button).focus()

    def on_key(self, event: events.Key) -> None:
        """Each choice's own key chooses it."""
        chosen = next((c for c in self.choices if c.key == event.key), None)
        if chosen is not None and chosen.key != "escape":
            event.stop()
            self.dismiss(chosen.id)

    def action_choose(self, choice: str) -> None:
        """Close with a choice."""
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id).removeprefix("choice-"))


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
        with Vertical(classes="dialog") as dialog:
            dialog.styles.width = WIDTH
            dialog.styles.max_width = "100%"
            yield Static(Content.styled(clean(self.title_text), "bold"), classes="dialog-title")
            yield Static(Content(clean(self.message)))
            yield Input(str(self.suggestion), id="path-input", select_on_focus=False)
            yield Static(Content(""), id="path-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  enter", id="path-save", variant="primary", compact=True)
                yield Button("Cancel  esc", id="path-cancel", compact=True)

    def on_mount(self) -> None:
        """The cursor at the end of the suggested name, ready to change it."""
        self.query_one(Input).focus()

    def problem(self, text: str) -> str | None:
        """What is wrong with the typed path, or None when it can be tried."""
        if not text.strip():
            return "Type the name of the file to save to."
        path = Path(text.strip()).expanduser()
        if path.is_dir():
            return f"{path} is a folder: add a file name."
        folder = path.parent
        if not folder.is_dir():
            return f"There is no folder {folder}."
        return None

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
