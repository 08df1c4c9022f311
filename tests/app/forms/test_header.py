"""The header form: validated as the model says, errors at the right field."""

from __future__ import annotations

import datetime as dt

from sitrep.app.forms.header import EditHeaderScreen
from sitrep.model.report import PastReport, Refresh
from sitrep.model.situation import Header, Situation
from tests.app.forms.host import FormHost, error_of, form, type_into

SIZE = (120, 40)


async def test_edit_header_fields(sample: Situation) -> None:
    app = FormHost(lambda: EditHeaderScreen(sample.header))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "as_of", "2021-08-14")
        await type_into(pilot, "as_of_time", "18:30")
        await type_into(pilot, "timezone", "Asia/Kabul")
        await type_into(pilot, "highlights", "Herat fell, then Kandahar.\n\nKabul is next.\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [header] = app.results
    assert isinstance(header, Header)
    assert header == sample.header.model_copy(
        update={
            "as_of": dt.date(2021, 8, 14),
            "as_of_time": "18:30",
            "timezone": "Asia/Kabul",
            "highlights": ["Herat fell, then Kandahar.", "Kabul is next."],
        }
    )


async def test_header_errors_show_at_their_fields(sample: Situation) -> None:
    app = FormHost(lambda: EditHeaderScreen(sample.header))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "as_of_time", "25:00")
        assert "24-hour time" in (error_of(app, "as_of_time") or "")
        await type_into(pilot, "as_of_time", "")
        await type_into(pilot, "period_start", "2021-08-20")
        # A rule across fields goes to the first field it names.
        assert error_of(app, "period_start") == "period_start is after period_end: swap them"
        await type_into(pilot, "report_number", "0")
        assert "greater than or equal to 1" in (error_of(app, "report_number") or "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        status = str(form(app).query_one("#form-status").content)  # type: ignore[attr-defined]
        assert "Period start" in status and "Report number" in status
        await pilot.press("escape", "y")  # changed: Escape asks first
        await pilot.pause()
    assert app.results == [None]


async def test_produced_by_default_fills_an_empty_header(sample: Situation) -> None:
    header = sample.header.model_copy(update={"produced_by": None})
    app = FormHost(lambda: EditHeaderScreen(header, produced_by_default="OCHA desk"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
    assert app.results[0].produced_by == "OCHA desk"


async def test_refresh_rates_and_past_reports(sample: Situation) -> None:
    past = PastReport(report_number=1, as_of=dt.date(2021, 8, 12), highlights=["Herat fell."])
    header = sample.header.model_copy(update={"past_reports": [past]})
    app = FormHost(lambda: EditHeaderScreen(header))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "refresh_places", "1")
        await type_into(pilot, "refresh_figures", "7")
        await type_into(pilot, "refresh_evacuations", "0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [], "a rate is a whole number of days from 1"
        await type_into(pilot, "refresh_evacuations", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = app.results
    assert saved.refresh == Refresh(places=1, figures=7)
    assert saved.past_reports == [past], "the reports already issued are kept"
