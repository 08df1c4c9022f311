"""The layout of a dialog that asks for one line: title, message, input, problem line, buttons."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from sitrep.app.dialogs.choice import WIDTH
from sitrep.app.safe import clean


def compose_input_dialog(
    title: str, message: str, value: str, *, prefix: str, ok: str, ok_id: str
) -> ComposeResult:
    """The widgets, with ids PREFIX-input, PREFIX-problem, ok_id and PREFIX-cancel."""
    with Vertical(classes="dialog") as dialog:
        dialog.styles.width = WIDTH
        dialog.styles.max_width = "100%"
        yield Static(Content.styled(clean(title), "bold"), classes="dialog-title")
        yield Static(Content(clean(message)))
        yield Input(value, id=f"{prefix}-input", select_on_focus=False)
        yield Static(Content(""), id=f"{prefix}-problem")
        with Horizontal(classes="dialog-buttons"):
            yield Button(
                f"{ok}  enter", id=f"{prefix}-{ok.lower()}", variant="primary", compact=True
            )
            yield Button("Cancel  esc", id=f"{prefix}-cancel", compact=True)
