"""Waiting for the Timeline pane: it is made when first shown, then computed in a thread."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from sitrep.app.widgets.timeline.pane import TimelinePane
from tests.app.host import main_screen

POLLS = 500


async def timeline_ready(pilot: Pilot[Any]) -> TimelinePane:
    """Press 7 and wait until the pane has drawn its chart and list."""
    await pilot.press("7")
    for _ in range(POLLS):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        panes = main_screen(pilot.app).query(TimelinePane)
        if panes and panes.first().data is not None:
            return panes.first()
    raise AssertionError("the timeline was never drawn")
