"""Which table to import, and what it holds: places, figures, or "find out from its columns"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from sitrep.app.dialogs.path import path_problem
from sitrep.app.dialogs.wide import heading, wide_dialog
from sitrep.app.safe import clean

Kind = Literal["detect", "places", "figures"]
KINDS: tuple[tuple[Kind, str], ...] = (
    ("detect", "Found from its columns (a column of values: figures; else places)"),
    ("places", "Places: names, codes, coordinates (an admin boundaries list)"),
    ("figures", "Figures: values by area and date (a displacement table)"),
)


@dataclass(frozen=True)
class ImportRequest:
    """The CSV file to import and what it holds."""

    path: Path
    kind: Kind


class ImportFileScreen(ModalScreen[ImportRequest | None]):
    """Ask for a CSV (or HXL CSV) file and what it holds; Escape returns None."""

    DEFAULT_CSS = """
    ImportFileScreen Input { margin-top: 1; }
    ImportFileScreen RadioSet { margin-top: 1; width: 100%; }
    ImportFileScreen #import-problem { color: $text-error; height: auto; }
    """

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel", id="import_file.cancel")]

    def __init__(self, suggestion: str) -> None:
        super().__init__(classes="dialog-screen")
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        """Title, the path input, what the table holds, a problem line, the buttons."""
        with wide_dialog():
            yield from heading(
                "Import from a CSV table",
                "A CSV or HXL CSV file (UTF-8 or UTF-16). You see what would change "
                "before anything does.",
            )
            yield Input(self.suggestion, id="import-path", select_on_focus=False)
            with RadioSet(id="import-kind"):
                for index, (kind, label) in enumerate(KINDS):
                    yield RadioButton(Content(label), value=index == 0, id=f"kind-{kind}")
            yield Static(Content(""), id="import-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Preview  enter", id="import-go", variant="primary", compact=True)
                yield Button("Cancel  esc", id="import-cancel", compact=True)

    def on_mount(self) -> None:
        """The cursor at the end of the suggested path, ready to type."""
        path = self.query_one(Input)
        path.cursor_position = len(path.value)
        path.focus()

    def action_cancel(self) -> None:
        """Leave without importing."""
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-go")
    def _go(self) -> None:
        text = self.query_one(Input).value
        problem = path_problem(text, empty="Type the path of the CSV file to import.", new=False)
        if problem is not None:
            self.query_one("#import-problem", Static).update(Content(clean(problem)))
            return
        pressed = self.query_one(RadioSet).pressed_button
        kind: Kind = "detect"
        for candidate, _ in KINDS:
            if pressed is not None and pressed.id == f"kind-{candidate}":
                kind = candidate
        self.dismiss(ImportRequest(Path(text.strip()).expanduser(), kind))

    @on(Button.Pressed, "#import-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
