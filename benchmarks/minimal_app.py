"""The floor for the TUI figures: the smallest real Textual app (Header, Static, Footer).

    python benchmarks/minimal_app.py

It shows MARKER, so the same harness that waits for sitrep's first screen can wait
for this one, and it binds the keys the benchmarks press (doing nothing with them).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

MARKER = "Minimal app ready"
"""Text on the minimal app's first screen."""


class MinimalApp(App[None]):
    """Header, one Static and a Footer: what any Textual app costs to start."""

    TITLE = "minimal"
    BINDINGS: ClassVar = [
        Binding("q", "quit", "Quit"),
        Binding("down", "noop", "Down"),
        Binding("pagedown", "noop", "Page down"),
        Binding("c", "noop", "Edit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER, id="body", markup=False)
        yield Footer()

    def action_noop(self) -> None:
        """Bound keys do nothing here, but still go through Textual's dispatch."""
        self.query_one("#body", Static).update(MARKER)


if __name__ == "__main__":
    MinimalApp().run()
