"""A state folder that cannot be made never stops the TUI: editing and saving go on, with a warning.

The folder given by SITREP_STATE_DIR runs through a file, or sits in a read-only
folder: the app starts, says once that edits are not journaled, and edits and
saves as usual (without a backup, which it says too).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from sitrep.app.app import SitrepApp
from sitrep.yaml.io import load_situation
from tests.app.host import SIZE, copy_sample, main_screen, open_app


def _through_a_file(tmp_path: Path) -> Path:
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    return tmp_path / "plain-file" / "state"


def _read_only(tmp_path: Path) -> Path:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    return folder / "state"


def _a_file(tmp_path: Path) -> Path:
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    return tmp_path / "plain-file"


STATE_DIRS: dict[str, Callable[[Path], Path]] = {
    "through-a-file": _through_a_file,
    "a-file": _a_file,
    "read-only": _read_only,
}


def header_file(app: SitrepApp) -> str:
    """The header's file label as text."""
    return str(main_screen(app).query_one("#header-file", Static).render())


@pytest.mark.parametrize("kind", list(STATE_DIRS))
async def test_a_state_folder_that_cannot_be_made_warns_and_editing_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    if kind == "read-only" and os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder")
    monkeypatch.setenv("SITREP_STATE_DIR", str(STATE_DIRS[kind](tmp_path)))
    folder = tmp_path / "work"
    folder.mkdir()
    path = copy_sample(folder)
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running and app.guard is not None
        assert app.guard.journal is None and app.guard.unjournaled is not None
        warning = said.text("warning")
        assert "edits are not journaled" in warning and "until saved" in warning
        assert warning.count("not journaled") == 1, "said once"
        await pilot.press("d", "j", "d")
        await pilot.pause()
        assert app.document is not None and len(app.document.situation.places) == 35
        assert "unsaved, not journaled" in header_file(app), "visible for as long as it lasts"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"Saved {path}" in said.text()
        assert "saved" in header_file(app) and "journaled" not in header_file(app)
        assert said.text("warning").count("not journaled") == 1
        await pilot.press("q")
        await pilot.pause()
    assert len(load_situation(path).places) == 35
