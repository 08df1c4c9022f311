"""What an import would change, before it does: how many added and updated, line by line.

With bad rows it says so, one ``FILE:LINE: message`` per row, and offers only
to close: nothing is imported from a table with a bad row.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sitrep.app.dialogs.wide import heading, wide_dialog
from sitrep.app.safe import clean

SHOWN_LINES = 500
"""Lines listed at most (the count says how many there are)."""


class ImportPreviewScreen(ModalScreen[bool]):
    """A title, a summary and the lines; Import (when it can) or Cancel."""

    DEFAULT_CSS = """
    ImportPreviewScreen #preview-lines { height: auto; max-height: 45vh; margin-top: 1; }
    ImportPreviewScreen .preview-problem { color: $text-error; }
    """

    BINDINGS: ClassVar = [
        Binding("i", "answer(True)", "Import", id="import_preview.import"),
        Binding("escape", "answer(False)", "Cancel", id="import_preview.cancel"),
    ]

    def __init__(self, title: str, summary: str, lines: list[str], *, can_import: bool) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.summary = title, summary
        self.lines = lines
        self.can_import = can_import

    def compose(self) -> ComposeResult:
        """Title, summary, the lines (scrolling), the buttons."""
        with wide_dialog():
            yield from heading(self.title_text, self.summary, message_id="preview-summary")
            shown = self.lines[:SHOWN_LINES]
            more = len(self.lines) - len(shown)
            text = "\n".join(clean(line, one_line=True) for line in shown)
            text += f"\n… and {more} more" if more else ""
            kind = "" if self.can_import else "preview-problem"
            with VerticalScroll(id="preview-lines"):
                yield Static(Content(text), id="preview-text", classes=kind)
            with Horizontal(classes="dialog-buttons"):
                if self.can_import:
                    yield Button("Import  i", id="preview-import", variant="primary", compact=True)
                close = "Cancel  esc" if self.can_import else "Close  esc"
                yield Button(close, id="preview-cancel", compact=True)

    def on_mount(self) -> None:
        """Import has focus when it can be done (Enter imports); else Close."""
        button = "#preview-import" if self.can_import else "#preview-cancel"
        for found in self.query(button):
            found.focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer (Import only when it can be done: else i does nothing)."""
        if yes and not self.can_import:
            return
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "preview-import")
