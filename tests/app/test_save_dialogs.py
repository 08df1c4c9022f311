"""What the save dialogs look like at 120x40: changed on disk, deleted, failed, save elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

import sitrep.app.flows.safety
from sitrep.app.app import SitrepApp
from sitrep.app.run import build_app
from tests.app.host import SIZE, copy_sample

NAME = Path("afghanistan.yaml")
"""Relative, so the dialogs show the same text in every run."""


@pytest.fixture
def app_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SitrepApp:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sitrep.app.flows.safety, "DISK_POLL_SECONDS", 3600.0)  # no toast, ever
    copy_sample(tmp_path)
    return build_app(NAME)


def _then_save(change: str, *keys: str) -> Any:
    """run_before: delete a place, change the file behind the app's back, ctrl+s."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, SitrepApp) and app.document is not None
        app.document.delete("places", 0)  # an edit, without a toast
        if change == "modified":
            NAME.write_text(NAME.read_text(encoding="utf-8") + "# elsewhere\n", encoding="utf-8")
        elif change == "deleted":
            NAME.unlink()
        elif change == "read-only":
            NAME.chmod(0o444)
        await pilot.press("ctrl+s", *keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("change", ["modified", "deleted", "read-only"])
def test_save_dialog(snap_compare: Any, app_here: SitrepApp, change: str) -> None:
    assert snap_compare(app_here, terminal_size=SIZE, run_before=_then_save(change))


def test_save_elsewhere_prompt(snap_compare: Any, app_here: SitrepApp) -> None:
    assert snap_compare(app_here, terminal_size=SIZE, run_before=_then_save("modified", "e"))
