"""Every pane at 80x24 (a first-class size) and at 200x60 (room used), on the sample."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from sitrep.app.run import build_app
from sitrep.storage.sample import data_path
from tests.app.host import copy_sample

PANES = [
    pytest.param([], id="places"),
    pytest.param(["2"], id="evacuations"),
    pytest.param(["3"], id="figures_notes"),
    pytest.param(["4"], id="outlook_sources"),
    pytest.param(["5"], id="brief"),
    pytest.param(["6"], id="map"),
]


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    outline = "afghanistan-outline.geojson"  # the map reads it next to the file
    shutil.copyfile(data_path(outline), tmp_path / outline)
    return copy_sample(tmp_path)


@pytest.mark.parametrize("keys", PANES)
def test_pane_at_80x24(snap_compare: Any, sample_copy: Path, keys: list[str]) -> None:
    # Three cards and '+1 more'; Place, Capital, Control kept; Help and Quit in the footer.
    assert snap_compare(build_app(sample_copy), terminal_size=(80, 24), press=[*keys, "wait:600"])


@pytest.mark.parametrize("keys", PANES)
def test_pane_at_200x60(snap_compare: Any, sample_copy: Path, keys: list[str]) -> None:
    # All four cards, '+N more' figures, wide columns and detail, the palette key.
    assert snap_compare(build_app(sample_copy), terminal_size=(200, 60), press=[*keys, "wait:600"])
