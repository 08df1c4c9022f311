"""Saving onto something that is no longer a regular file: a conflict the user decides.

The open file replaced by a symlink to /dev/null, a named pipe or a folder:
ctrl+s never says "Saved", never empties the journal, never blocks (a real FIFO
nobody reads), and asks in the save dialog: save elsewhere, try again, cancel.
The keys go on working all along.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from sitrep.app.dialogs.choice import ChoiceScreen
from sitrep.app.dialogs.path import PathScreen
from sitrep.yaml.io import load_situation
from tests.app.conftest import SampleApp


def _dev_null(path: Path) -> str:
    path.unlink()
    path.symlink_to("/dev/null")
    return "character device"


def _fifo(path: Path) -> str:
    path.unlink()
    os.mkfifo(path)
    return "named pipe"


def _folder(path: Path) -> str:
    path.unlink()
    path.mkdir()
    return "folder"


TARGETS: dict[str, Callable[[Path], str]] = {
    "symlink-to-dev-null": _dev_null,
    "fifo": _fifo,
    "folder": _folder,
}


def _journaled(sample_app: SampleApp) -> int:
    """Changes in the open file's journal (its first line is the header)."""
    guard = sample_app.app.guard
    assert guard is not None and guard.journal is not None
    return len(guard.journal.file.read_text(encoding="utf-8").splitlines()) - 1


async def _conflict(sample_app: SampleApp, replace: Callable[[Path], str]) -> ChoiceScreen:
    """Delete a place, put something that is not a file there, press ctrl+s."""
    pilot, path = sample_app.pilot, sample_app.path
    await pilot.press("d")
    await pilot.pause()
    what = replace(path)
    await pilot.press("ctrl+s")
    await pilot.pause()
    dialog = sample_app.app.screen
    assert isinstance(dialog, ChoiceScreen), "a question, not a save"
    assert dialog.title_text == "Not a file any more"
    assert what in dialog.message and "edits are kept" in dialog.message
    assert [c.id for c in dialog.choices] == ["elsewhere", "retry", "cancel"]
    return dialog


@pytest.mark.parametrize("target", list(TARGETS))
async def test_saving_onto_something_not_a_file_asks_and_never_says_saved(
    sample_app: SampleApp, target: str
) -> None:
    pilot, said = sample_app.pilot, sample_app.said
    await _conflict(sample_app, TARGETS[target])
    await pilot.press("escape")
    await pilot.pause()
    assert "Saved" not in said.text()
    assert "Not saved: your edits are still here" in said.text("warning")
    assert sample_app.document.dirty and len(sample_app.document.situation.places) == 36
    assert _journaled(sample_app) == 1, "the journal still holds the edit"
    await pilot.press("j", "d")  # the keys still work: the UI thread never blocked
    await pilot.pause()
    assert len(sample_app.document.situation.places) == 35
    assert _journaled(sample_app) == 2


async def test_a_fifo_in_place_of_the_file_can_be_saved_elsewhere(
    sample_app: SampleApp, tmp_path: Path
) -> None:
    pilot, said = sample_app.pilot, sample_app.said
    await _conflict(sample_app, _fifo)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(sample_app.app.screen, PathScreen)
    elsewhere = tmp_path / "rescued.yaml"
    sample_app.app.screen.query_one(Input).value = str(elsewhere)
    await pilot.press("enter")
    await pilot.pause()
    assert f"Saved {elsewhere}" in said.text()
    assert len(load_situation(elsewhere).places) == 36
    assert sample_app.document.path == elsewhere and not sample_app.document.dirty


async def test_quitting_with_save_onto_a_fifo_asks_and_stays_open(sample_app: SampleApp) -> None:
    pilot, app = sample_app.pilot, sample_app.app
    await pilot.press("d")
    await pilot.pause()
    _fifo(sample_app.path)
    await pilot.press("q", "s")  # quit, save
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen) and app.screen.title_text == "Not a file any more"
    await pilot.press("escape")
    await pilot.pause()
    assert app.is_running and sample_app.document.dirty


async def test_overwrite_after_a_change_never_writes_into_what_replaced_the_file(
    sample_app: SampleApp,
) -> None:
    """Changed on disk, then replaced by a link to /dev/null before "Overwrite": asked again."""
    pilot, said, path, app = sample_app.pilot, sample_app.said, sample_app.path, sample_app.app
    await pilot.press("d")
    await pilot.pause()
    path.write_text(path.read_text(encoding="utf-8") + "# pulled\n", encoding="utf-8")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen) and app.screen.title_text == "File changed on disk"
    _dev_null(path)
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen) and app.screen.title_text == "Not a file any more"
    assert "Saved" not in said.text()
    assert sample_app.document.dirty and _journaled(sample_app) == 1


@pytest.mark.parametrize("target", list(TARGETS))
async def test_the_poll_warns_that_the_file_is_no_longer_a_file(
    sample_app: SampleApp, target: str
) -> None:
    TARGETS[target](sample_app.path)
    sample_app.files.safety.check_disk()  # what the poll does every two seconds
    await sample_app.pilot.pause()
    warning = sample_app.said.text("warning")
    assert f"{sample_app.path} is no longer a regular file; saving will ask" in warning
