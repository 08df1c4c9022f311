"""The Brief pane: the Markdown brief as it will be exported, re-rendered as you edit.

The brief is drawn as lines that a thread renders (Rich's Markdown), shown through
the Line API. Textual's Markdown widget makes a widget per block and per table
cell: the brief of 10,000 places (2,000 table rows) took 10 to 25 seconds of the
UI thread to show, and every key waited. Links are shown as their text and never
followed (a brief is data from the situation file, and a link in it must not
open anything).
"""

from __future__ import annotations

import asyncio
import io

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.theme import Theme
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

PREVIEW_LIMIT = 300_000
"""Characters shown live; a longer brief is cut (the export always has it all)."""


def cut(text: str) -> str:
    """The brief as the pane shows it: whole, or cut at PREVIEW_LIMIT with a note."""
    if len(text) <= PREVIEW_LIMIT:
        return text
    kept = text[:PREVIEW_LIMIT].rsplit("\n", 1)[0]
    return kept + (
        f"\n\n---\n\n*Preview cut at {PREVIEW_LIMIT:,} characters; "
        "the exported brief has all of it.*\n"
    )


def brief_styles(primary: str, accent: str) -> dict[str, str]:
    """Rich's Markdown styles in the app theme's colors (headings, tables, links)."""
    return {
        "markdown.h1": f"bold {primary}",
        "markdown.h1.border": primary,
        "markdown.h2": f"bold underline {primary}",
        "markdown.h3": f"bold {primary}",
        "markdown.h4": f"italic {primary}",
        "markdown.item.number": primary,
        "markdown.link": f"underline {accent}",
        "markdown.link_url": accent,
        "markdown.table.border": "dim",
        "markdown.table.header": f"bold {primary}",
    }


def render_lines(text: str, width: int, styles: dict[str, str] | None = None) -> list[Strip]:
    """The brief drawn at width, one Strip per line, with no link in any style.

    Safe in a thread: it uses a Console of its own and touches no widget.
    """
    console = Console(
        theme=Theme(styles or {}),
        file=io.StringIO(),
        width=width,
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
        emoji=False,
        highlight=False,
        markup=False,
    )
    document = Markdown(text, hyperlinks=True)  # the links are taken out below
    lines = console.render_lines(document, console.options.update_width(width), pad=False)
    return [Strip([_unlinked(segment) for segment in line]) for line in lines]


def _unlinked(segment: Segment) -> Segment:
    style = segment.style
    if style is not None and (style.link or style.meta):
        style = style.update_link(None).copy()
        style._meta = None  # no @click or other action rides on the text
        return Segment(segment.text, style, segment.control)
    return segment


class BriefView(ScrollView, can_focus=True):
    """A scrollable live preview of the brief, rendered off the UI thread."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        """The full brief last given to show."""
        self.lines: list[Strip] = []
        """The brief as drawn (at drawn_width)."""
        self.drawn_width = 0

    async def show(self, text: str) -> None:
        """Render a brief (only if it changed); the lines are made in a thread."""
        if text == self.text and self.lines:
            return
        self.text = text
        await self._draw()

    def plain_lines(self) -> list[str]:
        """What the pane shows, as plain text (for tests and the curious)."""
        return [strip.text for strip in self.lines]

    async def _draw(self) -> None:
        text, width = self.text, self._text_width()
        theme = self.app.current_theme
        styles = brief_styles(theme.primary, theme.accent or theme.primary)
        lines = await asyncio.to_thread(render_lines, cut(text), width, styles)
        if text != self.text:
            return  # a newer brief is being drawn
        self.lines, self.drawn_width = lines, width
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _text_width(self) -> int:
        # The vertical scrollbar's gutter is always kept (sitrep.tcss), so the
        # width does not change when a long brief brings the scrollbar.
        width = self.scrollable_content_region.width
        return width if width > 0 else max(20, self.app.size.width - 6)

    def on_mount(self) -> None:
        """Draw again in the new colors when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())

    def _redraw(self) -> None:
        if self.text:
            self.run_worker(self._draw(), exclusive=True, group="brief-draw")

    def on_resize(self) -> None:
        """Draw again at the new width (the old lines stay until the new ones are made)."""
        if self._text_width() != self.drawn_width:
            self._redraw()

    def render_line(self, y: int) -> Strip:
        """One line at the scroll position, on the pane's background."""
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        if 0 <= index < len(self.lines):
            strip = self.lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)
            return strip.apply_style(self.rich_style)
        return Strip.blank(width, self.rich_style)
