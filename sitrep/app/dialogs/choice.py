"""A titled question with a few named choices, each with its key and what it does.

The save flow (sitrep.app.flows.save) asks its questions with it and acts on the
answer; the screen itself does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

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
        cancels = any(c.id == CANCEL.id for c in choices)  # its own words for Escape's choice
        self.choices = choices if cancels else [*choices, CANCEL]
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
