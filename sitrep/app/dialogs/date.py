"""Ask for a date (ISO, YYYY-MM-DD), starting from a suggested one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from sitrep.app.dialogs.input_dialog import compose_input_dialog
from sitrep.app.safe import clean

DateCheck = Callable[[dt.date], str | None]
"""What is wrong with a date for the question asked (None: nothing)."""


def parse_day(text: str) -> dt.date | str:
    """The date typed, or what is wrong with it."""
    text = text.strip()
    if not text:
        return "Type a date, as YYYY-MM-DD."
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return f"{text!r} is not a date: type it as YYYY-MM-DD (e.g. 2021-08-14)."


class DateScreen(ModalScreen[dt.date | None]):
    """Ask for a date, starting from a suggestion; Escape returns None.

    A date that cannot be read, or that check refuses, is explained under the
    input and the dialog stays open.
    """

    DEFAULT_CSS = """
    DateScreen Input { margin-top: 1; }
    DateScreen #date-problem { color: $text-error; height: auto; }
    """

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        message: str,
        suggestion: dt.date,
        *,
        action: str = "OK",
        check: DateCheck | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.message = title, message
        self.suggestion = suggestion
        self.action = action
        self.check = check

    def compose(self) -> ComposeResult:
        """Title, message, the date input, a problem line and the buttons."""
        yield from compose_input_dialog(
            self.title_text,
            self.message,
            self.suggestion.isoformat(),
            prefix="date",
            ok=self.action,
            ok_id="date-ok",
        )

    def on_mount(self) -> None:
        """The cursor in the date, ready to change it."""
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        """Leave without a date."""
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#date-ok")
    def _ok(self) -> None:
        day = parse_day(self.query_one(Input).value)
        problem = day if isinstance(day, str) else self.check(day) if self.check else None
        if problem is not None or isinstance(day, str):
            self.query_one("#date-problem", Static).update(Content(clean(problem or "")))
            return
        self.dismiss(day)

    @on(Button.Pressed, "#date-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
