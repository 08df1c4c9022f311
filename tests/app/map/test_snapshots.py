"""What the map pane looks like on the sample, at two terminal sizes."""

from __future__ import annotations

from typing import Any

from tests.app.map.host import MapHost


def test_map_pane_120x40(snap_compare: Any) -> None:
    assert snap_compare(MapHost(), terminal_size=(120, 40))


def test_map_pane_80x24(snap_compare: Any) -> None:
    assert snap_compare(MapHost(), terminal_size=(80, 24))


def test_map_pane_after_moving_east(snap_compare: Any) -> None:
    # The highlight moves to Mehtar Lam (Laghman) and the detail line follows.
    assert snap_compare(MapHost(), terminal_size=(120, 40), press=["right"])
