"""Keys as a terminal delivers a paste or tmux a burst: posted at once, no wait between."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot

from sitrep.app.app import SitrepApp

CHARACTERS = {"tab": "\t", "space": " ", "slash": "/", "enter": "\r", "escape": "\x1b"}


def key_event(key: str) -> events.Key:
    """The event a terminal sends for a key name ("a", "tab", "ctrl+u")."""
    if len(key) == 1:
        name = {" ": "space", "/": "slash"}.get(key, key)
        return events.Key(name, key)
    return events.Key(key, CHARACTERS.get(key))


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Post every key at once, as one write of the terminal, then wait until all are handled."""
    app = pilot.app
    for key in keys:
        app.post_message(key_event(key))
    await settle(pilot)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the app has handled every key it was given."""
    app = pilot.app
    assert isinstance(app, SitrepApp)
    await pilot.pause()
    while app.keys.busy:
        await pilot.pause(0.02)
    await pilot.pause()


def letters(text: str) -> list[str]:
    """The keys that type text."""
    return list(text)
