"""A one-line text box that never drops the lines of a paste silently."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input


class OneLineInput(Input):
    """An Input that keeps every line of a multi-line paste, joined, and says so.

    Textual's Input keeps only the first line of a paste, silently: a note pasted
    into a name lost all but its first line.
    """

    def __init__(self, *args: Any, joiner: str = " ", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.joiner = joiner

    def _on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) <= 1:
            return  # Input's own handler runs next (Textual calls each class's in turn)
        event.stop()
        event.prevent_default()
        self.insert_text_at_cursor(self.joiner.join(lines))
        shown = "commas" if self.joiner.strip() == "," else "spaces"
        self.app.notify(
            f"Pasted {len(lines)} lines into a one-line field: joined with {shown}",
            severity="warning",
            markup=False,
        )
