"""What the app looks like at 120x40 (and every pane at 80x24 and 200x60) on the sample:
every pane, help, the quit dialog, recording a change of control."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from sitrep.app.run import build_app
from sitrep.storage.sample import data_path, sample_path
from tests.app.host import SIZE, copy_sample


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    outline = "afghanistan-outline.geojson"  # the map reads it next to the file
    shutil.copyfile(data_path(outline), tmp_path / outline)
    return copy_sample(tmp_path)


PANES = [
    pytest.param([], id="places"),
    pytest.param(["2"], id="evacuations"),
    pytest.param(["3"], id="figures_notes"),
    pytest.param(["4"], id="outlook_sources"),
    pytest.param(["5"], id="brief"),
    pytest.param(["6"], id="map"),
]


@pytest.mark.parametrize("keys", PANES)
def test_pane(snap_compare: Any, sample_copy: Path, keys: list[str]) -> None:
    assert snap_compare(build_app(sample_copy), terminal_size=SIZE, press=[*keys, "wait:600"])


@pytest.mark.parametrize("keys", PANES)
def test_pane_at_80x24(snap_compare: Any, sample_copy: Path, keys: list[str]) -> None:
    # Three cards and '+1 more'; Place, Capital, Control kept; Help and Quit in the footer.
    assert snap_compare(build_app(sample_copy), terminal_size=(80, 24), press=[*keys, "wait:600"])


@pytest.mark.parametrize("keys", PANES)
def test_pane_at_200x60(snap_compare: Any, sample_copy: Path, keys: list[str]) -> None:
    # All four cards, '+N more' figures, wide columns and detail, the palette key.
    assert snap_compare(build_app(sample_copy), terminal_size=(200, 60), press=[*keys, "wait:600"])


def test_places_sorted_and_filtered(snap_compare: Any, sample_copy: Path) -> None:
    # Sorted by Since (the sixth column shown), newest first; filtered on 'an'.
    keys = ["s", "s", "s", "s", "s", "s", "S", "slash", "a", "n", "enter", "j"]
    assert snap_compare(build_app(sample_copy), terminal_size=SIZE, press=keys)


def test_places_at_80x24(snap_compare: Any, sample_copy: Path) -> None:
    # Three cards in the strip (the figures give their room), fewer columns, narrow detail.
    assert snap_compare(build_app(sample_copy), terminal_size=(80, 24), press=["wait:300"])


def test_control_dialog_records_a_change(snap_compare: Any, sample_copy: Path) -> None:
    # h on Balkh (held by the government): the Taliban picked, dated the as-of date.
    keys = ["j", "j", "j", "h", "wait:300", "1"]
    assert snap_compare(build_app(sample_copy), terminal_size=SIZE, press=keys)


def test_control_dialog_contested_between_two_parties(snap_compare: Any, sample_copy: Path) -> None:
    # The state contested: no holder, 'Between' the Taliban and the government.
    keys = ["j", "j", "j", "h", "wait:300", "shift+tab", "right", "tab", "space", "down", "space"]
    assert snap_compare(build_app(sample_copy), terminal_size=SIZE, press=keys)


def test_a_recorded_change_in_the_table_strip_and_detail(
    snap_compare: Any, sample_copy: Path
) -> None:
    # Balkh contested: the row, the strip's '◐ 1 contested', the history in the detail.
    keys = ["j", "j", "j", "h", "wait:300", "shift+tab", "right", "tab", "space", "down"]
    keys += ["space", "ctrl+s", "wait:300"]
    assert snap_compare(build_app(sample_copy), terminal_size=SIZE, press=keys)


def test_help(snap_compare: Any, sample_copy: Path) -> None:
    assert snap_compare(build_app(sample_copy), terminal_size=SIZE, press=["question_mark"])


def test_quit_dialog(snap_compare: Any, sample_copy: Path) -> None:
    assert snap_compare(build_app(sample_copy), terminal_size=SIZE, press=["d", "q"])


def test_invalid_file(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the problems name the file as given: bad.yaml:6:10
    bad = Path("bad.yaml")
    text = sample_path().read_text(encoding="utf-8").replace("capital: ", "capitol: ", 1)
    bad.write_text(text.replace("as_of: 2021-08-13", "as_of: 13 August", 1), encoding="utf-8")
    assert snap_compare(build_app(bad), terminal_size=SIZE)
