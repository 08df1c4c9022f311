"""Importing a CSV table from the app: a preview first, then one undo step; bad files refused.

The reference provinces table goes into a blank situation made by `sitrep new`
(34 places, and the saved file passes `sitrep check`); a table with a bad row
changes nothing and says where; a FIFO, a device or a binary file is refused
with a clear message, and the app never waits on it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from sitrep.app.dialogs.import_file import ImportFileScreen
from sitrep.app.dialogs.import_preview import ImportPreviewScreen
from sitrep.app.run import build_app
from tests.app.host import SIZE, copy_sample, main_screen, open_app
from tests.imports.test_places import REFERENCE

PROVINCES = REFERENCE.name
needs_reference = pytest.mark.skipif(
    not REFERENCE.is_file(), reason="the shared reference folder is not here"
)
POLLS = 500
"""How many times (every 20 ms) a test looks for the preview, which a thread prepares."""


def blank(folder: Path) -> Path:
    """A blank situation made as a user makes one, dated so pictures do not change."""
    path = folder / "blank.yaml"
    sitrep = [sys.executable, "-m", "sitrep"]
    done = subprocess.run(
        [*sitrep, "new", str(path), "--title", "Provinces", "--region", "Region"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    path.write_text(re.sub(r"as_of: .*", "as_of: 2021-08-13", path.read_text()))
    return path


async def until(pilot: Pilot[Any], ready: Callable[[], bool]) -> None:
    """Let the app run until ready() (the preview comes from a thread)."""
    for _ in range(POLLS):
        if ready():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app did not get there")


async def ask_import(pilot: Pilot[Any], path: Path | str) -> None:
    """i, the file's path typed in, Enter: then wait for the preview (or the refusal)."""
    await pilot.press("i")
    await until(pilot, lambda: isinstance(pilot.app.screen, ImportFileScreen))
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ImportPreviewScreen))


def preview_text(app: Any) -> str:
    assert isinstance(app.screen, ImportPreviewScreen)
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


@needs_reference
async def test_provinces_into_a_blank_situation_then_undo_and_save(tmp_path: Path) -> None:
    path = blank(tmp_path)
    table = tmp_path / PROVINCES
    shutil.copyfile(REFERENCE, table)
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask_import(pilot, table)
        text = preview_text(app)
        assert "Import places from afghanistan-provinces-2021.csv?" in text
        assert "34 places would be added, 0 updated" in text
        assert "+ kandahar: Kandahar (province; p-code AF27; ISO AF-KAN" in text
        assert app.document.situation.places == [], "nothing before the answer"
        await pilot.press("i")
        await pilot.pause()
        places = app.document.situation.places
        assert len(places) == 34 and {p.kind for p in places} == {"province"}
        assert "34 places added, 0 updated (u undoes it)" in said.text()
        await pilot.press("u")  # the whole import is one step
        await pilot.pause()
        assert app.document.situation.places == []
        assert "Undid: add Zabul and 33 more places" in said.text()
        await pilot.press("U")
        await pilot.pause()
        assert len(app.document.situation.places) == 34
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.document.dirty
    done = subprocess.run(
        [sys.executable, "-m", "sitrep", "check", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "34 places" in done.stdout


async def test_a_table_with_bad_rows_changes_nothing(tmp_path: Path) -> None:
    path = blank(tmp_path)
    table = tmp_path / "bad.csv"
    table.write_text("name,lat,lon\nNorth,95,10\nSouth,10,10\n,1,1\n")
    app, _ = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask_import(pilot, table)
        text = preview_text(app)
        assert "Nothing imported: 2 bad rows in bad.csv" in text
        assert f"{table}:2: lat '95' is not a latitude" in text
        assert f"{table}:4: no place name in this row" in text
        assert not app.screen.query("#preview-import"), "no way to import it"
        await pilot.press("i")  # Import is not offered: i does nothing
        await pilot.pause()
        assert isinstance(app.screen, ImportPreviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.document.situation.places == [] and not app.document.dirty


@pytest.mark.parametrize("kind", ["fifo", "device", "binary"])
async def test_a_hostile_file_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    path = blank(tmp_path)
    if kind == "fifo":
        table = tmp_path / "pipe.csv"
        os.mkfifo(table)  # no writer: a blocking read would never return
        expected = "not a regular file"
    elif kind == "device":
        table = Path("/dev/zero")
        expected = "not a regular file"
    else:
        table = tmp_path / "image.csv"
        table.write_bytes(b"name,lat\n\x00\x01\x02\x03" * 100)
        expected = "binary data (NUL byte)"
    app, _ = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask_import(pilot, table)
        text = preview_text(app)
        assert f"Cannot import {table.name}" in text and expected in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.document.situation.places == [] and not app.document.dirty


@needs_reference
@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x40", "80x24"])
def test_import_preview(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    path = blank(tmp_path)
    table = tmp_path / PROVINCES
    shutil.copyfile(REFERENCE, table)

    async def run_before(pilot: Pilot[Any]) -> None:
        await ask_import(pilot, table)

    assert snap_compare(build_app(path), terminal_size=size, run_before=run_before)


async def test_figures_are_found_from_the_columns_and_bring_their_sources(
    tmp_path: Path,
) -> None:
    table = tmp_path / "idps.csv"
    table.write_text(
        "Date,Province,P-code,IDPs,Source\n"
        "#date,#adm1+name,#adm1+code,#affected+idps,#meta+source\n"
        "2021-08-13,Kandahar,AF27,more than 500,IOM DTM\n"
    )
    app, _ = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        before = app.document.situation.model_copy(deep=True)
        await ask_import(pilot, table)
        assert "Import figures from idps.csv?" in preview_text(app)
        assert "1 figure would be added, 0 updated" in preview_text(app)
        await pilot.press("i")
        await pilot.pause()
        situation = app.document.situation
        assert len(situation.figures) == len(before.figures) + 1
        assert situation.figures[-1].series[0].value.written == "more than 500"
        assert situation.sources[-1].publisher == "IOM DTM"
        await pilot.press("u")  # the figure and the source it cites: one step
        await pilot.pause()
        assert app.document.situation == before


async def test_a_long_table_refills_the_places_table_once(tmp_path: Path) -> None:
    path = blank(tmp_path)
    table = tmp_path / "many.csv"
    rows = [f"Place {i},XX{i:04d},{i % 80}.5,{i % 170}.25" for i in range(120)]
    table.write_text("name,pcode,lat,lon\n" + "\n".join(rows) + "\n")
    app, _ = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask_import(pilot, table)
        await pilot.press("i")
        await pilot.pause()
        shown = main_screen(app).view("places").table
        assert len(shown.rows.model) == 120 and shown.cursor_index == 0
        await pilot.press("u")
        await pilot.pause()
        assert len(shown.rows.model) == 0 and app.document.situation.places == []
