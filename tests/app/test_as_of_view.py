"""The as-of view: the whole app as the situation stood on an earlier date, read-only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from sitrep.app.dialogs.date import DateScreen
from sitrep.app.run import build_app
from sitrep.app.widgets.brief import BriefView
from sitrep.app.widgets.map.pane import MapPane
from sitrep.model.derived.control import control_summary, headline_places
from sitrep.model.derived.history import situation_on
from sitrep.storage.sample import data_path
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, copy_sample, figures_text, table
from tests.app.timeline.ready import timeline_ready

D = dt.date


async def view(pilot: Pilot[Any], day: str) -> None:
    """A, then a date typed over the suggested one, then enter."""
    await pilot.press("A")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DateScreen)
    await pilot.press(*["backspace"] * 10, *day, "enter")
    await pilot.pause()


def banner(s: SampleApp) -> str:
    return str(s.main.query_one("#past-banner").render())


def holder_shown(s: SampleApp, name: str) -> str | None:
    places = table(s.app, "places")
    rows = places.model.rows
    return next(r.entry.holder for r in rows if r.entry.name == name)


async def test_on_10_august_8_capitals_were_held_and_a_returns(sample_app: SampleApp) -> None:
    s = sample_app
    await view(s.pilot, "2021-08-10")
    assert "Viewing as of Tue 10 Aug 2021 — read-only; press A to return" in banner(s)
    assert s.main.query_one("#past-banner").display
    assert "Taliban 8" in figures_text(s.app)
    assert holder_shown(s, "Herat") == "government"  # fell on the 12th
    assert holder_shown(s, "Farah") == "taliban"  # fell on the 10th
    assert "Tue 10 Aug 2021" in str(s.main.query_one("#header-title").render())
    assert s.document.situation.header.as_of == D(2021, 8, 13)  # the file is untouched
    await s.pilot.press("A")
    await s.pilot.pause()
    assert not s.main.query_one("#past-banner").display
    assert "Taliban 18" in figures_text(s.app)
    assert holder_shown(s, "Herat") == "taliban"


async def test_edits_are_refused_while_viewing_the_past(sample_app: SampleApp) -> None:
    s = sample_app
    await view(s.pilot, "2021-08-10")
    before = s.document.situation
    for key in ["h", "d", "e", "u", "H", "N", "a"]:
        await s.pilot.press(key)
        await s.pilot.pause()
        assert s.app.screen is s.main, key  # no form, no dialog
    assert s.document.situation is before and not s.document.dirty
    refusals = [m for m, sev in s.said.messages if sev == "warning" and "read-only" in m]
    assert len(refusals) == 7 and "Press A to return" in refusals[0]


async def test_the_brief_map_and_timeline_follow_the_date(sample_app: SampleApp) -> None:
    s = sample_app
    await view(s.pilot, "2021-08-10")
    past = situation_on(s.document.situation, D(2021, 8, 10))
    await s.pilot.press("5")
    await s.app.workers.wait_for_complete()
    await s.pilot.pause()
    assert s.main.query_one(BriefView).text == s.main.session.brief_text(situation=past)
    await s.pilot.press("6")
    await s.pilot.pause()
    assert s.main.query_one(MapPane).situation.header.as_of == D(2021, 8, 10)
    pane = await timeline_ready(s.pilot)
    assert pane.data is not None and pane.data.days[-1] == D(2021, 8, 10)


async def test_brackets_step_through_the_dates_on_the_map(sample_app: SampleApp) -> None:
    s = sample_app
    await s.pilot.press("[")  # on the places table: the map's key does nothing
    await s.pilot.pause()
    assert not s.main.past.active
    await s.pilot.press("6", "[", "[", "[")
    await s.pilot.pause()
    assert s.main.past.day == D(2021, 8, 10)
    shown = s.main.query_one(MapPane).situation
    assert control_summary(shown, places=headline_places(shown)[1]).of("taliban").held == 8  # type: ignore[union-attr]
    await s.pilot.press("]", "]", "]")
    await s.pilot.pause()
    assert not s.main.past.active  # back at the as-of date: the present
    assert s.main.query_one(MapPane).situation is s.document.situation


async def test_a_date_that_is_not_one_is_explained(sample_app: SampleApp) -> None:
    s = sample_app
    await s.pilot.press("A")
    await s.pilot.pause()
    dialog = s.app.screen
    await s.pilot.press(*["backspace"] * 10, *"10/8/21", "enter")
    await s.pilot.pause()
    assert s.app.screen is dialog and "YYYY-MM-DD" in str(
        dialog.query_one("#date-problem").render()
    )
    await s.pilot.press("escape")
    await s.pilot.pause()
    assert not s.main.past.active


def _with_outline(tmp_path: Path) -> Path:
    outline = "afghanistan-outline.geojson"
    (tmp_path / outline).write_bytes(data_path(outline).read_bytes())
    return copy_sample(tmp_path)


def test_as_of_view_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await view(pilot, "2021-08-10")

    assert snap_compare(build_app(_with_outline(tmp_path)), terminal_size=SIZE, run_before=run)


def test_map_stepped_back_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    keys = ["6", "wait:300", "[", "[", "wait:300"]
    assert snap_compare(build_app(_with_outline(tmp_path)), terminal_size=(80, 24), press=keys)


async def test_a_date_typed_in_one_burst(sample_app: SampleApp) -> None:
    s = sample_app
    await s.pilot.press("A", *["backspace"] * 10, *"2021-08-10", "enter")
    await s.pilot.pause()
    assert s.main.past.day == D(2021, 8, 10)
