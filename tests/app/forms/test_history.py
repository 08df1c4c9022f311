"""Editing a place's control history and a figure's values in the entry form, by keyboard."""

from __future__ import annotations

import datetime as dt

from textual.widgets import OptionList, Select

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.fields.history import HistoryField
from sitrep.app.forms.item import ItemFormScreen
from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import ControlChange, FigureEntry, FigurePoint, Place
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost, error_of, form, type_into

SIZE = (120, 40)
AS_OF = dt.date(2021, 8, 13)


def kandahar(s: Situation) -> Place:
    return next(p for p in s.places if p.id == "kandahar")


def lines(field: HistoryField) -> list[str]:
    option_list = field.query_one(OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_add_edit_and_delete_changes_of_control(sample: Situation) -> None:
    place = kandahar(sample)
    app = FormHost(lambda: EditEntryScreen("places", sample, place))
    async with app.run_test(size=SIZE) as pilot:
        history = form(app).fields["control"]
        assert isinstance(history, HistoryField)
        shown = lines(history)  # newest first
        assert shown[0].startswith("12 Aug 2021") and "held by the Taliban" in shown[0]
        assert shown[1].startswith("before") and "held by government forces" in shown[1]
        history.focus_control()
        await pilot.press("a")
        await pilot.pause()
        item = app.screen
        assert isinstance(item, ItemFormScreen)
        item.fields["state"].query_one(Select).value = "contested"
        await pilot.pause()
        assert not item.fields["holder"].display and item.fields["parties"].display
        item.fields["parties"].focus_control()
        await pilot.press("space", "down", "space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not item
        assert "contested between the Taliban and government forces" in lines(history)[0]
        await pilot.press("e")  # the new change is highlighted: edit it
        await pilot.pause()
        item = app.screen
        assert isinstance(item, ItemFormScreen)
        item.fields["confidence"].query_one(Select).value = "reported"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("down", "d")  # the Taliban's capture: deleted
        await pilot.pause()
        assert len(lines(history)) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert result.entry.control == [
        place.control[0],
        ControlChange(
            date=AS_OF, state="contested", parties=["taliban", "government"], confidence="reported"
        ),
    ]


async def test_only_the_first_change_may_be_undated(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("places", sample, kandahar(sample)))
    async with app.run_test(size=SIZE) as pilot:
        form(app).fields["control"].focus_control()
        await pilot.press("a")
        await pilot.pause()
        item = app.screen
        item.fields["holder"].query_one(Select).value = "taliban"  # type: ignore[attr-defined]
        await type_into(pilot, "date", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is item and "only the first change" in (error_of(app, "date") or "")
        await type_into(pilot, "date", "2021-08-01")  # before the capture: goes into its place
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    dates = [c.date for c in app.results[0].entry.control]
    assert dates == [None, dt.date(2021, 8, 1), dt.date(2021, 8, 12)]


async def test_a_value_added_to_a_figure_goes_in_date_order(sample: Situation) -> None:
    figure = sample.figures[0]  # IDPs, 389,645 as of 8 Aug 2021
    app = FormHost(lambda: EditEntryScreen("figures", sample, figure))
    async with app.run_test(size=SIZE) as pilot:
        form(app).fields["series"].focus_control()
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "as_of", "about 2021-07")
        assert "→ about Jul 2021" in str(form(app).fields["as_of"].hint())
        await type_into(pilot, "value", "about 300,000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "as_of", "last week")
        assert "YYYY-MM-DD" in (error_of(app, "as_of") or "")
        await pilot.press("escape", "y")  # typed in: Escape asks before throwing it away
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert isinstance(entry, FigureEntry)
    assert entry.series == [
        FigurePoint(
            as_of=FuzzyDate(dt.date(2021, 7, 1), "month", about=True),
            value=Figure.parse("about 300,000"),
        ),
        figure.series[0],
    ]
