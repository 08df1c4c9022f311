"""The screen shown instead of the situation when its file is invalid.

The file is never touched: the problems are listed as FILE:LINE:COL so they
can be fixed in an editor, and the only thing to do here is quit.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from sitrep.app.safe import clean
from sitrep.errors import SitrepError


def problem_lines(error: SitrepError) -> Content:
    """One problem per line, the place in bold and the message after it."""
    lines = []
    for line in error.lines():
        place, sep, message = clean(line, one_line=True).partition(": ")
        lines.append(Content.assemble((place + sep, "bold $error"), message))
    return Content("\n").join(lines)


class ErrorScreen(Screen[None]):
    """Lists what is wrong with the file; q quits (the file is left as it is)."""

    BINDINGS: ClassVar = [
        Binding("q,escape,ctrl+q", "app.exit_invalid", "Quit", id="error.quit"),
    ]

    def __init__(self, file_name: str, error: SitrepError) -> None:
        super().__init__(id="error")
        self.file_name = file_name
        self.error = error

    def compose(self) -> ComposeResult:
        count = len(self.error.lines())
        with Vertical(id="error-box"):
            yield Static(
                Content.assemble(
                    ("Cannot open ", "bold"),
                    (clean(self.file_name, one_line=True), "bold $error"),
                    (f": {count} problem{'s' if count != 1 else ''}", "bold"),
                ),
                classes="dialog-title",
            )
            yield Static(
                Content.styled(
                    "Fix these in your editor, then run sitrep again (sitrep check FILE "
                    "lists them too). The file has not been changed.",
                    "$text-muted",
                )
            )
            with VerticalScroll(id="error-problems"):
                yield Static(problem_lines(self.error))
        yield Footer()
