"""Quitting with unsaved changes: save them, discard them, or stay."""

from __future__ import annotations

from typing import ClassVar, Literal, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sitrep.app.safe import clean

QuitChoice = Literal["save", "discard", "cancel"]
"""What the user chose."""


class QuitScreen(ModalScreen[QuitChoice]):
    """Unsaved changes: save them, discard them, or stay."""

    BINDINGS: ClassVar = [
        Binding("s", "choose('save')", "Save and quit", id="quit_dialog.save"),
        Binding("d", "choose('discard')", "Discard and quit", id="quit_dialog.discard"),
        Binding("escape,c", "choose('cancel')", "Cancel", id="quit_dialog.cancel"),
    ]

    def __init__(self, file_name: str) -> None:
        super().__init__(classes="dialog-screen")
        self.file_name = file_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("Unsaved changes", "bold"), classes="dialog-title")
            yield Static(
                Content.assemble(
                    "Save your changes to ",
                    (clean(self.file_name, one_line=True), "bold"),
                    " before quitting?",
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  s", id="save", variant="primary")
                yield Button("Discard  d", id="discard", variant="error")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        """Save is the safe default."""
        self.query_one("#save", Button).focus()

    def action_choose(self, choice: QuitChoice) -> None:
        """Close with a choice."""
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(cast(QuitChoice, event.button.id))
