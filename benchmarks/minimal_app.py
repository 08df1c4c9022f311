"""The floor for the TUI figures: the smallest real Textual app (Header, Static, Footer).

    python benchmarks/minimal_app.py

It shows MARKER, so the same harness that waits for sitrep's first screen can wait
for this one, and it binds the keys the benchmarks press. `c` opens the same kind
of dialog as sitrep's holder dialog: a ModalScreen with an OptionList of the
situation's parties; enter picks one, closes it and shows the choice.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, OptionList, Static

MARKER = "Minimal app ready"
"""Text on the minimal app's first screen."""


class PickParty(ModalScreen[str]):
    """A modal with an OptionList of parties: the floor for sitrep's holder dialog."""

    def __init__(self, parties: list[str]) -> None:
        super().__init__()
        self.parties = parties

    def compose(self) -> ComposeResult:
        yield OptionList(*(Content(name) for name in self.parties))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter picks the highlighted party and closes the dialog."""
        self.dismiss(self.parties[event.option_index])


class MinimalApp(App[None]):
    """Header, one Static and a Footer: what any Textual app costs to start."""

    TITLE = "minimal"
    BINDINGS: ClassVar = [
        Binding("q", "quit", "Quit"),
        Binding("down", "noop", "Down"),
        Binding("pagedown", "noop", "Page down"),
        Binding("c", "pick", "Edit"),
    ]

    def __init__(self, parties: list[str] | None = None) -> None:
        super().__init__()
        self.parties = parties or ["First party", "Second party", "Third party"]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER, id="body", markup=False)
        yield Footer()

    def action_noop(self) -> None:
        """Bound keys do nothing here, but still go through Textual's dispatch."""
        self.query_one("#body", Static).update(MARKER)

    def action_pick(self) -> None:
        """Open the party dialog; the pick is shown when it closes."""
        self.push_screen(PickParty(self.parties), self._picked)

    def _picked(self, party: str | None) -> None:
        self.query_one("#body", Static).update(Content(f"{MARKER}: {party}"))


if __name__ == "__main__":
    MinimalApp().run()
