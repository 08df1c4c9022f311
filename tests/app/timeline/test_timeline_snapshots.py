"""What the Timeline pane looks like: the sample at 120x40 and 80x24, a flood with no territory."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from sitrep.app.run import build_app
from tests.app.host import SIZE, copy_sample
from tests.app.timeline.ready import timeline_ready

ROOT = Path(__file__).resolve().parents[3]


async def open_timeline(pilot: Pilot[Any]) -> None:
    await timeline_ready(pilot)


def test_timeline_on_the_sample(snap_compare: Any, tmp_path: Path) -> None:
    app = build_app(copy_sample(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=open_timeline)


def test_timeline_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    app = build_app(copy_sample(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_timeline)


def test_timeline_of_a_flood(snap_compare: Any, tmp_path: Path) -> None:
    path = tmp_path / "flood.yaml"
    shutil.copyfile(ROOT / "data" / "examples" / "derna-2023-09-21.yaml", path)
    assert snap_compare(build_app(path), terminal_size=SIZE, run_before=open_timeline)
