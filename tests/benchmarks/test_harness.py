"""The benchmark harness: a fresh state folder per run, and keys timed until the app settles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.paths import REPO


@pytest.fixture(autouse=True)
def _benchmarks_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO))


def test_every_run_gets_its_own_state_and_settings() -> None:
    from benchmarks.run import run_scratch, scratch_env

    first, second = scratch_env(), scratch_env()
    assert first["SITREP_STATE_DIR"] != second["SITREP_STATE_DIR"]
    assert first["SITREP_CONFIG"] != second["SITREP_CONFIG"]
    for env in (first, second):
        Path(env["SITREP_CONFIG"]).parent.rmdir()
    code = "import os; print(os.environ['SITREP_STATE_DIR'])"
    done = run_scratch([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    used = Path(done.stdout.strip())
    assert used.name == "state" and not used.parent.exists(), "removed after the run"


async def test_settle_waits_for_the_key_to_show() -> None:
    from textual.widgets import Static

    from benchmarks.minimal_app import MARKER, MinimalApp
    from benchmarks.tui import SIZE, _key, screen_text

    app = MinimalApp()
    async with app.run_test(size=SIZE):
        body = app.query_one("#body", Static)
        body.update("something else")
        await _key(app, "down")  # its action puts MARKER back
        assert MARKER in screen_text(app)
