"""A yes/no question whose safe answer has focus."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sitrep.app.safe import clean


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question. The safe answer has focus, and Escape gives it too."""

    BINDINGS: ClassVar = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "safe_answer", "Cancel", id="confirm.cancel"),
    ]

    def __init__(
        self, question: str, yes: str = "Yes", no: str = "No", *, safe: bool = False
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.question, self.yes, self.no = question, yes, no
        self.safe = safe
        """The answer that loses nothing (False: no; True when yes keeps the user's work)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(clean(self.question)))
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    Content(f"{self.yes}  y"),
                    id="yes",
                    variant="primary" if self.safe else "warning",
                )
                yield Button(Content(f"{self.no}  n"), id="no")

    def on_mount(self) -> None:
        """The safe answer has focus, so Enter gives it."""
        self.query_one("#yes" if self.safe else "#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    def action_safe_answer(self) -> None:
        """Escape: the answer that loses nothing."""
        self.dismiss(self.safe)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
