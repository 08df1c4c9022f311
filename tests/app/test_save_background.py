"""A save is written in a thread from a snapshot: the keys go on working, edits made
meanwhile stay unsaved (and journaled), and quitting waits for it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

import sitrep.storage.store as store
from sitrep.app.app import SitrepApp
from sitrep.app.dialogs.quit import QuitScreen
from sitrep.editing.document import Document
from sitrep.storage.crash.journal import Journal
from sitrep.yaml.io import load_situation
from tests.app.conftest import SampleApp


class Gate:
    """Holds every save_situation call in its thread until opened."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.open = threading.Event()
        self.threads: list[str] = []

    def wrap(self, real: Any) -> Any:
        def save_situation(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread().name)
            self.entered.set()
            assert self.open.wait(10), "the test never opened the gate"
            return real(*args, **kwargs)

        return save_situation

    async def wait_entered(self) -> None:
        assert await asyncio.to_thread(self.entered.wait, 10), "no save started"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    monkeypatch.setattr(store, "save_situation", held.wrap(store.save_situation))
    yield held
    held.open.set()


async def test_keys_work_while_a_save_is_written_and_later_edits_stay_unsaved(
    sample_app: SampleApp, gate: Gate
) -> None:
    app, pilot, path = sample_app.app, sample_app.pilot, sample_app.path
    files = app.files
    assert files is not None
    await pilot.press("d", "ctrl+s")
    await gate.wait_entered()
    assert files.saving.busy
    await pilot.press("j", "d")  # the UI answers while the file is being written
    await pilot.pause()
    assert len(files.session.document.situation.places) == 35
    gate.open.set()
    await files.saving.idle()
    await pilot.pause()
    assert gate.threads and gate.threads[0] != threading.main_thread().name
    assert len(load_situation(path).places) == 36, "the snapshot: the first delete only"
    assert files.session.document.dirty, "the second delete is not on disk"
    assert f"Saved {path}" in sample_app.said.text()
    # The journal holds the edit made during the save, on top of the saved file.
    guard = files.session.guard
    assert guard.journal is not None
    guard.journal.handle.close()  # what a SIGKILL leaves: the journal, unlocked
    guard.journal = None
    recovery = Journal.pending(path)
    assert recovery is not None and recovery.count == 1 and not recovery.file_changed
    document = Document(load_situation(path), path)
    assert recovery.apply(document) == 1
    assert len(document.situation.places) == 35
    await sample_app.close()


async def finish_saves(app: SitrepApp, pilot: Pilot[int], gate: Gate) -> None:
    """Let the held saves write, and wait until they are done and shown."""
    gate.open.set()
    assert app.files is not None
    await app.files.saving.idle()
    await pilot.pause()


async def test_quit_waits_for_a_save_in_flight_then_quits(
    sample_app: SampleApp, gate: Gate
) -> None:
    app, pilot, path = sample_app.app, sample_app.pilot, sample_app.path
    await pilot.press("d", "ctrl+s")
    await gate.wait_entered()
    await pilot.press("q")
    await pilot.pause()
    assert app.is_running and not isinstance(app.screen, QuitScreen), "nothing to ask yet"
    await finish_saves(app, pilot, gate)
    assert not app.is_running
    await sample_app.close()
    assert len(load_situation(path).places) == 36


async def test_quit_after_a_save_with_later_edits_still_asks(
    sample_app: SampleApp, gate: Gate
) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("d", "ctrl+s")
    await gate.wait_entered()
    await pilot.press("j", "d", "q")
    await finish_saves(app, pilot, gate)
    await pilot.pause()
    assert app.is_running and isinstance(app.screen, QuitScreen)


async def test_two_saves_in_a_row_both_write_in_order(sample_app: SampleApp, gate: Gate) -> None:
    pilot, path = sample_app.pilot, sample_app.path
    app = sample_app.app
    await pilot.press("d", "ctrl+s")
    await gate.wait_entered()
    await pilot.press("j", "d", "ctrl+s")
    await finish_saves(app, pilot, gate)
    assert app.files is not None
    assert not app.files.session.document.dirty
    assert len(load_situation(path).places) == 35, "the second save expected the first's file"
    assert "changed on disk" not in sample_app.said.text()


async def test_the_disk_check_waits_while_a_save_is_written(
    sample_app: SampleApp, gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    files = app.files
    assert files is not None
    await pilot.press("d", "ctrl+s")
    await gate.wait_entered()
    # Between the rename and the save being recorded, the file looks changed.
    monkeypatch.setattr(files.session.guard, "changed_on_disk", lambda: True)
    files.safety.check_disk()
    assert "changed on disk" not in sample_app.said.text(), "our own save"
    await finish_saves(app, pilot, gate)
    files.safety.check_disk()
    assert "changed on disk" in sample_app.said.text(), "someone else's change still shows"
