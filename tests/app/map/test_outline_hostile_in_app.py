"""The map pane on an outline: that is a FIFO, /dev/zero, a name with a NUL, a folder...

The pane opens at once (no freeze, no crash), draws the places without the
outline, and reports the problem at the situation's ``outline:`` line
(FILE:LINE:COL), naming what stands there; the keys go on working.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sitrep.app.screens.help import HelpScreen
from sitrep.app.widgets.map.pane import MapPane
from sitrep.storage.sample import sample_path
from tests.app.host import SIZE, main_screen, open_app
from tests.geo.test_outline_hostile import HOSTILE, outline_line, situation_with

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


@pytest.mark.parametrize("case", HOSTILE)  # what check and export --map refuse
async def test_the_map_reports_a_hostile_outline_at_its_line(tmp_path: Path, case: str) -> None:
    outline, what = HOSTILE[case]
    path = situation_with(tmp_path, sample_path(), outline)
    line = outline_line(path)
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        pane = main_screen(app).query_one(MapPane)
        assert pane.outline is None and len(pane.data.marks) > 0, "the places, drawn"
        error = said.text("error")
        assert f"Map drawn without its outline: {path}:{line}:" in error
        assert "outline:" in error and what in error
        await pilot.press("question_mark")  # the keys still work
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
