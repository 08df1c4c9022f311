"""Opening: FILE, ./sitrep.yaml, the sample; a missing file; an invalid file's error screen."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from sitrep.app.run import open_situation, run_app
from sitrep.app.screens.error import ErrorScreen
from sitrep.app.widgets.header import SitrepHeader
from sitrep.cli import main
from sitrep.storage.sample import sample_path
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, copy_sample, main_screen, open_app


def test_missing_file_exits_2_before_textual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    assert main([str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"{missing}: no such file; create it with: sitrep new {missing}"
    assert not missing.exists()
    assert gc.isenabled(), "the TUI starts with the collector off, and must turn it back on"


def test_a_folder_is_not_a_situation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_app(tmp_path) == 2
    assert "is a folder" in capsys.readouterr().err


def test_no_file_opens_local_sitrep_yaml(tmp_path: Path) -> None:
    local = copy_sample(tmp_path, "sitrep.yaml")
    opened = open_situation(None, cwd=tmp_path)
    assert opened.document is not None
    assert opened.document.path == local
    assert not opened.document.dirty


def test_no_file_opens_the_sample_as_new_and_unedited(tmp_path: Path) -> None:
    opened = open_situation(None, cwd=tmp_path)
    assert opened.document is not None
    assert opened.document.path is None, "the bundled sample is never written"
    assert not opened.document.dirty, "nothing edited: nothing to lose on quit"
    assert opened.new_file == tmp_path / "sitrep.yaml"


async def test_the_header_shows_title_date_file_and_unsaved_marker(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    header = main_screen(app).query_one(SitrepHeader)
    text = " ".join(str(w.render()) for w in header.children)
    assert "Taliban offensive" in text and "Fri 13 Aug 2021" in text
    assert "afghanistan.yaml" in text and "saved" in text and "unsaved" not in text
    await pilot.press("d")  # any edit
    await pilot.pause()
    text = " ".join(str(w.render()) for w in header.children)
    assert "● unsaved" in text


async def test_invalid_file_shows_its_problems_and_is_never_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = sample_path().read_text(encoding="utf-8").replace("capital: ", "capitol: ", 1)
    text = text.replace("as_of: 2021-08-13", "as_of: 13 August", 1)
    bad.write_text(text, encoding="utf-8")
    before = bad.read_bytes()
    app, _ = open_app(bad)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        assert f"{bad.name}: 2 problems" in shown
        assert f"{bad}:6:" in shown and "as_of" in shown
        assert "unknown key 'capitol'; did you mean 'capital'?" in shown
        assert "Traceback" not in shown
        await pilot.press("ctrl+s", "x", "q")
        await pilot.pause()
    assert app.return_code == 1
    assert bad.read_bytes() == before
    assert not (tmp_path / "bad.md").exists()
