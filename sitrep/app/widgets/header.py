"""The one-line header: title, as-of date, file name, and a marker while unsaved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from sitrep.app.safe import clean
from sitrep.model.situation import Header

UNSAVED_MARK = "●"


def header_title(header: Header) -> Content:
    """The title and the as-of date (and time) as one line."""
    as_of = header.as_of.strftime("%a %d %b %Y")
    if header.as_of_time:
        as_of += f" {header.as_of_time}"
        if header.timezone:
            as_of += f" {clean(header.timezone, one_line=True)}"
    return Content.assemble(
        (clean(header.title, one_line=True), "bold"),
        ("  as of ", "$text-muted"),
        (as_of, "bold $accent"),
    )


def file_label(name: str, dirty: bool, *, journaled: bool = True) -> Content:
    """The file name, with the unsaved marker while there are unsaved changes.

    Edits that are not journaled (the state folder cannot be made, its disk is
    full) would not survive a crash: the marker says so for as long as it lasts.
    """
    if dirty and not journaled:
        return Content.assemble(
            (clean(name, one_line=True), "bold"),
            (f" {UNSAVED_MARK} unsaved, not journaled", "bold $error"),
        )
    if dirty:
        return Content.assemble(
            (clean(name, one_line=True), "bold"), (f" {UNSAVED_MARK} unsaved", "bold $warning")
        )
    return Content.assemble((clean(name, one_line=True), "$text-muted"), (" ✓ saved", "$success"))


class SitrepHeader(Horizontal):
    """Title and as-of on the left, the file and its saved state on the right."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="header-title")
        yield Static(Content(""), id="header-file")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Header, str, bool, bool] | None = None

    def show(self, header: Header, file_name: str, dirty: bool, *, journaled: bool = True) -> None:
        """Redraw with the current header and saved state (only what changed)."""
        shown = self._shown
        if shown is None or shown[0] is not header:
            self.query_one("#header-title", Static).update(header_title(header), layout=False)
        if shown is None or shown[1:] != (file_name, dirty, journaled):
            label = file_label(file_name, dirty, journaled=journaled)
            self.query_one("#header-file", Static).update(label)
        self._shown = (header, file_name, dirty, journaled)
