"""The app's fixture: sitrep running on a writable copy of the sample, as `sitrep FILE` runs it."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sitrep.app.app import SitrepApp
from sitrep.app.flows.files import FileFlows
from sitrep.app.screens.main import MainScreen
from sitrep.editing.document import Document
from sitrep.settings import settings_path
from sitrep.storage.sample import data_path
from tests.app.host import SIZE, Recorder, copy_sample, main_screen, open_app

STOP_POLLS = 1000
"""How many times (every 10 ms) close() looks whether the app has stopped."""


@dataclass(frozen=True)
class Opening:
    """How `sample_app` opens the sample when a test needs more than the default.

    Give it by indirect parametrization:
    `@pytest.mark.parametrize("sample_app", [Opening(size=(80, 24))], indirect=True)`.
    """

    size: tuple[int, int] = SIZE
    settings: str | None = None
    """The user's settings file, written before the app starts (None: no file)."""
    beside: tuple[str, ...] = ()
    """Bundled data files (by name) copied next to the sample before the app starts."""


@dataclass
class SampleApp:
    """The running app, its pilot, what it told the user, and the file it works on."""

    app: SitrepApp
    pilot: Pilot[int]
    said: Recorder
    path: Path

    @property
    def document(self) -> Document:
        """The situation being worked on (a reload replaces it)."""
        assert self.app.document is not None
        return self.app.document

    @property
    def files(self) -> FileFlows:
        """The app's save, quit, crash-safety and export flows."""
        assert self.app.files is not None
        return self.app.files

    @property
    def main(self) -> MainScreen:
        """The main screen (wherever it is in the stack)."""
        return main_screen(self.app)

    async def close(self) -> None:
        """Stop the app, as leaving `async with app.run_test()` does; then read the files.

        (The fixture leaves run_test itself: its context is not the test's.)
        """
        self.app.exit()
        for _ in range(STOP_POLLS):
            if not self.app.is_running:
                return
            await asyncio.sleep(0.01)
        raise AssertionError("the app did not stop")


def write_settings(text: str) -> None:
    """The user's settings file, as the app will find it."""
    settings = settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(text, encoding="utf-8")


@pytest.fixture
async def sample_app(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SampleApp]:
    """sitrep on a copy of the sample in tmp_path, 120x40, notifications shown and recorded.

    An indirect parameter (an `Opening`) changes the size, writes settings or adds files.
    """
    opening: Opening = getattr(request, "param", Opening())
    if opening.settings is not None:
        write_settings(opening.settings)
    for name in opening.beside:
        shutil.copyfile(data_path(name), tmp_path / name)
    path = copy_sample(tmp_path)
    app, said = open_app(path)
    async with app.run_test(size=opening.size, notifications=True) as pilot:
        yield SampleApp(app, pilot, said, path)
