"""The frame of a wide dialog: a box as wide as asked (at most the screen), a bold title."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from sitrep.app.dialogs.choice import WIDTH
from sitrep.app.safe import clean


def wide_dialog(width: int = WIDTH) -> Vertical:
    """A dialog box width cells wide, narrower on a narrower screen (compose inside it)."""
    dialog = Vertical(classes="dialog")
    dialog.styles.width = width
    dialog.styles.max_width = "100%"
    return dialog


def heading(
    title: str, message: str | None = None, *, message_id: str | None = None
) -> list[Static]:
    """The title in bold, and a message under it (user text in either is shown as is)."""
    parts = [Static(Content.styled(clean(title), "bold"), classes="dialog-title")]
    if message is not None:
        parts.append(Static(Content(clean(message)), id=message_id))
    return parts
