"""A large situation's brief is rendered in a thread, from a snapshot: keys never wait for it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sitrep.app.screens import main_panes
from sitrep.app.session import Session
from tests.app.host import SIZE, copy_sample, main_screen, open_app


async def test_a_large_brief_is_rendered_in_a_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_panes, "BRIEF_BACKGROUND_LIMIT", 10)  # the sample counts as large
    threads: list[threading.Thread] = []
    real = Session.brief_text

    def brief_text(self: Session, **kwargs: object) -> str:
        threads.append(threading.current_thread())
        return real(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Session, "brief_text", brief_text)
    app, _ = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        brief = main_screen(app).query_one("#brief")
        assert "Kandahar" in brief.text  # type: ignore[attr-defined]
    assert threads and all(t is not threading.main_thread() for t in threads)
