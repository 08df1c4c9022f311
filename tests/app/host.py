"""Helpers for the app's pilot tests: an app that records what it tells the user."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel

from sitrep.app.app import SitrepApp
from sitrep.app.run import build_app
from sitrep.app.screens.main import MainScreen
from sitrep.app.widgets.figures import KeyFigures
from sitrep.app.widgets.table.table import EntryTable
from sitrep.storage.sample import sample_path

SIZE = (120, 40)


class Recorder:
    """Collects every notification an app shows (message, severity)."""

    def __init__(self, app: App[Any]) -> None:
        self.messages: list[tuple[str, str]] = []
        original = app.notify

        def notify(message: str, *, severity: SeverityLevel = "information", **kw: Any) -> None:
            self.messages.append((str(message), severity))
            original(message, severity=severity, **kw)

        app.notify = notify  # type: ignore[method-assign]

    def text(self, severity: str | None = None) -> str:
        """Every message (of one severity), one per line."""
        return "\n".join(m for m, s in self.messages if severity is None or s == severity)


def open_app(path: Path | None, cwd: Path | None = None) -> tuple[SitrepApp, Recorder]:
    """The app on a file, as `sitrep FILE` builds it, recording its notifications."""
    app = build_app(path, cwd)
    return app, Recorder(app)


def copy_sample(folder: Path, name: str = "afghanistan.yaml") -> Path:
    """A writable copy of the bundled sample."""
    target = folder / name
    shutil.copyfile(sample_path(), target)
    return target


def main_screen(app: SitrepApp) -> MainScreen:
    """The main screen (wherever it is in the stack)."""
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


def table(app: SitrepApp, section: str) -> EntryTable[Any]:
    """A section's table on the main screen."""
    return main_screen(app).view(section).table


def row_of(app: SitrepApp, section: str, predicate: Any) -> int:
    """The document index of the first entry of a section matching predicate."""
    entries = main_screen(app).document.entries(section)  # type: ignore[arg-type]
    return next(i for i, e in enumerate(entries) if predicate(e))


def figures_text(app: SitrepApp) -> str:
    """The key-figures strip as plain text, card after card."""
    strip = main_screen(app).query_one(KeyFigures)
    return "\n".join(str(card.render()) for card in strip.children)
