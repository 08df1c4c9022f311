"""A tiny host app for the form screens, and helpers to drive them like a user."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from sitrep.app.forms.base import FormScreen


class FormHost(App[None]):
    """Pushes one screen on mount and records what it returns."""

    def __init__(self, make_screen: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)


def form(app: App[Any]) -> FormScreen[Any, Any]:
    """The form on top of the app."""
    screen = app.screen
    assert isinstance(screen, FormScreen), f"expected a form on top, got {screen!r}"
    return screen


async def type_into(pilot: Pilot[Any], name: str, text: str, *, keys: bool = False) -> None:
    """Focus a text field, clear it and type text as a user would.

    With keys, every character is a key press; else the text arrives at once, as a
    paste does (much faster, and the form sees the same change events).
    """
    field = form(pilot.app).fields[name]
    field.focus_control()
    await pilot.pause()
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.select_all()
        await pilot.press("backspace")
    else:
        assert isinstance(focused, Input), f"{name} has no text input focused"
        await pilot.press("end", "ctrl+u")
    if keys:
        await pilot.press(*("enter" if c == "\n" else c for c in text))
    elif isinstance(focused, TextArea):
        focused.insert(text)
    else:
        focused.insert_text_at_cursor(text)
    await pilot.pause()


def error_of(app: App[Any], name: str) -> str | None:
    """The error shown under a field, None when none is shown."""
    lines = form(app).fields[name].query(".field-error").results(Static)
    line = next(lines, None)  # made when the field first shows an error
    return str(line.content) if line is not None and line.display else None


def screen_text(app: App[Any]) -> str:
    """What is on the terminal, as plain text (from the SVG screenshot)."""
    svg = app.export_screenshot()
    return html.unescape(svg).replace("\xa0", " ")
