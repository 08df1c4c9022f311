"""`x` in the TUI writes the brief through the output guard (storage.outputs).

It never writes over the situation, its outline or a file sitrep did not write;
it replaces its own brief unchanged since without asking, and asks before
replacing one that was edited since sitrep wrote it.
"""

from __future__ import annotations

import os
from pathlib import Path

from sitrep.app.dialogs.confirm import ConfirmScreen
from sitrep.storage.outputs import written_by_sitrep
from sitrep.storage.sample import sample_path
from tests.app.host import SIZE, copy_sample, open_app


async def _press_x(path: Path) -> str:
    """Open path, press x, return what the app said as errors."""
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
    return said.text("error")


async def test_x_never_writes_over_the_situation_itself(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "report.md")  # FILE.md is the file itself
    before = path.read_bytes()
    error = await _press_x(path)
    assert "Brief not written" in error and "the situation file" in error
    assert path.read_bytes() == before


async def test_x_never_writes_over_the_outline(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "sit.yaml")
    outline = tmp_path / "sit.md"  # the outline the situation names, under the brief's name
    outline.write_bytes(sample_path().with_name("afghanistan-outline.geojson").read_bytes())
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("afghanistan-outline.geojson", "sit.md"), encoding="utf-8")
    before = outline.read_bytes()
    error = await _press_x(path)
    assert "Brief not written" in error and "the outline" in error
    assert outline.read_bytes() == before


async def test_x_never_writes_over_a_file_sitrep_did_not_write(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    mine = tmp_path / "afghanistan.md"
    mine.write_text("# My own notes\n", encoding="utf-8")
    error = await _press_x(path)
    assert "sitrep did not write it" in error
    assert mine.read_text(encoding="utf-8") == "# My own notes\n"


async def test_x_never_writes_into_a_fifo(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    os.mkfifo(tmp_path / "afghanistan.md")
    error = await _press_x(path)
    assert "a named pipe" in error or "not a file" in error


async def test_x_replaces_its_own_brief_and_asks_before_replacing_an_edited_one(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    brief = tmp_path / "afghanistan.md"
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert written_by_sitrep(brief.read_bytes()) is True
        await pilot.press("d", "x")  # ours, unchanged: replaced without a question
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert said.text().count(f"Brief written to {brief}") == 2
        edited = brief.read_text(encoding="utf-8").replace("# ", "# EDITED ", 1)
        brief.write_text(edited, encoding="utf-8")

        await pilot.press("x")  # edited since: asked, and "no" (the focused answer) keeps it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "changed since" in app.screen.question
        await pilot.press("enter")
        await pilot.pause()
        assert brief.read_text(encoding="utf-8") == edited
        assert "kept as it is" in said.text()

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "EDITED" not in brief.read_text(encoding="utf-8")
        assert written_by_sitrep(brief.read_bytes()) is True
        assert said.text().count(f"Brief written to {brief}") == 3
        assert said.text("error") == ""
