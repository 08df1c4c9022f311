"""The Brief pane: the Markdown brief as it will be exported, re-rendered as you edit.

Links in the brief are shown but never followed: a click does nothing (a brief
is data from the situation file, and a link in it must not open anything).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

PREVIEW_LIMIT = 300_000
"""Characters shown live; a longer brief is cut (the export always has it all)."""


class InertMarkdown(Markdown):
    """Markdown whose links do nothing when clicked."""

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        """Swallow the click: never open a link from the data."""
        event.stop()
        event.prevent_default()


class BriefView(VerticalScroll, can_focus=True):
    """A scrollable live preview of the brief."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        """The full brief last shown."""

    def compose(self) -> ComposeResult:
        yield InertMarkdown("", open_links=False)

    async def show(self, text: str) -> None:
        """Render a brief (only if it changed)."""
        if text == self.text:
            return
        self.text = text
        if len(text) > PREVIEW_LIMIT:
            cut = text[:PREVIEW_LIMIT].rsplit("\n", 1)[0]
            text = cut + (
                f"\n\n---\n\n*Preview cut at {PREVIEW_LIMIT:,} characters; "
                "the exported brief has all of it.*\n"
            )
        await self.query_one(InertMarkdown).update(text)
