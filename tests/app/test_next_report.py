"""Starting the next report from the TUI: the same step as `sitrep next`, one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from sitrep.app.dialogs.date import DateScreen
from sitrep.app.run import build_app
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, copy_sample


async def test_n_starts_report_2_on_the_next_day(sample_app: SampleApp) -> None:
    s = sample_app
    before = s.document.situation.header
    await s.pilot.press("N")
    await s.pilot.pause()
    assert isinstance(s.app.screen, DateScreen)
    await s.pilot.press("enter")
    await s.pilot.pause()
    header = s.document.situation.header
    assert header == before.next()
    assert header.as_of == dt.date(2021, 8, 14) and header.report_number == 2
    assert "Started report 2 as of 2021-08-14" in s.said.text()
    await s.pilot.press("u")
    await s.pilot.pause()
    assert s.document.situation.header == before  # one undo step


async def test_a_typed_date_and_a_refused_one(sample_app: SampleApp) -> None:
    s = sample_app
    before = s.document.situation.header
    await s.pilot.press("ctrl+n")
    await s.pilot.pause()
    dialog = s.app.screen
    assert isinstance(dialog, DateScreen)
    await s.pilot.press(*["backspace"] * 10, *"2021-08-13", "enter")
    await s.pilot.pause()
    assert s.app.screen is dialog  # not after this report: the dialog says why
    assert "must stand after" in str(dialog.query_one("#date-problem").render())
    await s.pilot.press(*["backspace"] * 10, *"14 Aug", "enter")
    await s.pilot.pause()
    assert "YYYY-MM-DD" in str(dialog.query_one("#date-problem").render())
    await s.pilot.press(*["backspace"] * 10, *"2021-08-20", "enter")
    await s.pilot.pause()
    header = s.document.situation.header
    assert header == before.next(dt.date(2021, 8, 20))
    assert (header.period_from, header.period_to) == (dt.date(2021, 8, 14), dt.date(2021, 8, 20))


async def test_escape_changes_nothing(sample_app: SampleApp) -> None:
    s = sample_app
    before = s.document.situation.header
    await s.pilot.press("N")
    await s.pilot.pause()
    await s.pilot.press("escape")
    await s.pilot.pause()
    assert s.document.situation.header == before and not s.document.dirty


def test_next_report_dialog(snap_compare: Any, tmp_path: Path) -> None:
    async def ask(pilot: Pilot[Any]) -> None:
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DateScreen)
        assert pilot.app.focused is pilot.app.screen.query_one(Input)
        await pilot.pause()

    app = build_app(copy_sample(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=ask)


async def test_a_date_typed_in_one_burst(sample_app: SampleApp) -> None:
    s = sample_app
    await s.pilot.press("N", *["backspace"] * 10, *"2021-08-20", "enter")
    await s.pilot.pause()
    assert s.document.situation.header.as_of == dt.date(2021, 8, 20)
