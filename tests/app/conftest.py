"""The app's fixture: sitrep running on a writable copy of the sample, as `sitrep FILE` runs it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sitrep.app.app import SitrepApp
from sitrep.app.flows.files import FileFlows
from sitrep.app.screens.main import MainScreen
from sitrep.editing.document import Document
from tests.app.host import SIZE, Recorder, copy_sample, main_screen, open_app

STOP_POLLS = 1000
"""How many times (every 10 ms) close() looks whether the app has stopped."""


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


@pytest.fixture
async def sample_app(tmp_path: Path) -> AsyncIterator[SampleApp]:
    """sitrep on a copy of the sample in tmp_path, 120x40, notifications shown and recorded."""
    path = copy_sample(tmp_path)
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        yield SampleApp(app, pilot, said, path)
