"""Saves that fail or half-succeed: the user is told why, and no edit is lost.

A file that cannot be written (read-only, its folder gone, the disk full) gives
a dialog with the reason; the edits stay in the app and the file on disk is
unchanged. A save that worked but could not keep the backup, or that makes the
file nearly too big to open again, says so as a warning.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

import sitrep.storage.store
import sitrep.yaml.block.fast
from sitrep.app.dialogs.choice import ChoiceScreen
from sitrep.app.dialogs.path import PathScreen
from sitrep.yaml.io import load_situation
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, copy_sample, open_app


def _read_only(path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    path.chmod(0o444)
    return lambda: path.chmod(0o644)


def _folder_gone(path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    shutil.rmtree(path.parent)
    return lambda: path.parent.mkdir()


def _disk_full(path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(sitrep.storage.store, "_write_all", full)
    return monkeypatch.undo


CAUSES = {
    "read-only": (_read_only, "the file is read-only"),
    "folder-gone": (_folder_gone, "the folder does not exist"),
    "disk-full": (_disk_full, "the disk is full"),
}


@pytest.mark.parametrize("cause", list(CAUSES))
async def test_a_failed_save_says_why_and_keeps_the_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cause: str
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    path = copy_sample(folder)
    before = path.read_bytes()
    break_it, reason = CAUSES[cause]
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("d", "j", "d")
        await pilot.pause()
        fix_it = break_it(path, monkeypatch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen) and dialog.title_text == "Not saved"
        assert reason in dialog.message and "edits are kept" in dialog.message
        assert [c.id for c in dialog.choices] == ["retry", "elsewhere", "cancel"]
        await pilot.press("escape")
        await pilot.pause()
        assert "Not saved: your edits are still here" in said.text("warning")
        document = app.document
        assert document is not None and document.dirty
        assert len(document.situation.places) == 35, "both deletions are still there"
        if cause != "folder-gone":
            assert path.read_bytes() == before, "the file is untouched"
            assert sorted(p.name for p in folder.iterdir()) == [path.name], "no temporary file"
        fix_it()
        await pilot.press("ctrl+s")  # the cause is fixed: saving simply works
        await pilot.pause()
        if cause == "folder-gone":  # the folder came back empty: the file is deleted
            assert isinstance(app.screen, ChoiceScreen) and app.screen.title_text == "File deleted"
            await pilot.press("s")
            await pilot.pause()
        assert not document.dirty
    assert len(load_situation(path).places) == 35


async def test_try_again_after_fixing_the_cause(
    sample_app: SampleApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, pilot, path = sample_app.app, sample_app.pilot, sample_app.path
    await pilot.press("d")
    fix_it = _disk_full(path, monkeypatch)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen)
    fix_it()
    await pilot.press("r")
    await pilot.pause()
    assert app.document is not None and not app.document.dirty
    await sample_app.close()
    assert len(load_situation(path).places) == 36


async def test_a_folder_gone_can_be_saved_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    path = copy_sample(folder)
    monkeypatch.chdir(tmp_path)
    app, _ = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("d")
        shutil.rmtree(folder)
        await pilot.press("ctrl+s", "e")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        suggested = tmp_path / "afghanistan (copy).yaml"
        assert app.screen.query_one(Input).value == str(suggested), "in a folder that exists"
        await pilot.press("enter")
        await pilot.pause()
        assert app.document is not None and app.document.path == suggested
    assert len(load_situation(suggested).places) == 36


async def test_a_backup_that_cannot_be_kept_is_a_warning(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    backups = Path(os.environ["SITREP_STATE_DIR"]) / "backups"
    backups.parent.mkdir(parents=True, exist_ok=True)
    backups.write_text("not a folder\n", encoding="utf-8")  # a broken state folder
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("d", "ctrl+s")
        await pilot.pause()
        assert app.document is not None and not app.document.dirty
        warning = said.text("warning")
        assert "Saved, but the previous version was not kept" in warning
        assert "the previous version was not kept: the previous" not in warning
    assert len(load_situation(path).places) == 36


async def test_a_file_near_the_load_limit_is_a_warning(
    sample_app: SampleApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    monkeypatch.setattr(sitrep.yaml.block.fast, "MAX_FAST_VALUES", 1000)  # the sample has more
    await pilot.press("d", "ctrl+s")
    await pilot.pause()
    assert app.document is not None and not app.document.dirty
    assert "afghanistan.yaml: the file is near the 1,000 values" in said.text("warning")
