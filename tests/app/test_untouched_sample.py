"""The bundled sample, opened and not edited, quits without asking to save (issue 13)."""

from __future__ import annotations

from pathlib import Path

from sitrep.app.dialogs.quit import QuitScreen
from tests.app.host import SIZE, open_app
from tests.app.keys import burst


async def test_the_untouched_sample_quits_without_a_question(tmp_path: Path) -> None:
    app, _ = open_app(None, cwd=tmp_path)  # no file here: the bundled sample, never saved
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert app.document is not None and app.document.path is None
        await burst(pilot, "q")
        assert not isinstance(app.screen, QuitScreen)
        assert not app.is_running
    assert app.return_code == 0
    assert list(tmp_path.iterdir()) == [], "nothing written"


async def test_the_sample_once_edited_asks_before_quitting(tmp_path: Path) -> None:
    app, _ = open_app(None, cwd=tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await burst(pilot, "d", "q")
        assert isinstance(app.screen, QuitScreen)
        await burst(pilot, "escape")
        assert app.is_running and app.document is not None and app.document.dirty
