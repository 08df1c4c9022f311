"""Recording changes of control with h and c: a new change is added, never overwritten.

Each test drives the app as a user would (keys), then checks the document, the
table, the key-figures strip and what undo says.
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.holder import HolderScreen
from sitrep.model.entries import ControlChange, Place
from tests.app.conftest import SampleApp
from tests.app.forms.host import form, type_into
from tests.app.host import figures_text, main_screen, row_of, table

AS_OF = dt.date(2021, 8, 13)


def place(app: object, place_id: str) -> Place:
    found = app.document.situation.place(place_id)  # type: ignore[attr-defined]
    assert found is not None
    return found  # type: ignore[no-any-return]


async def open_dialog(app: object, pilot: object, place_id: str, key: str = "h") -> None:
    table(app, "places").move_to_index(row_of(app, "places", lambda p: p.id == place_id))  # type: ignore[arg-type]
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, HolderScreen)  # type: ignore[attr-defined]


async def test_h_records_a_change_dated_the_as_of_date_and_undo_removes_it(
    sample_app: SampleApp,
) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    before = place(app, "balkh")
    assert "Taliban 18" in figures_text(app) and "Government 16" in figures_text(app)
    await open_dialog(app, pilot, "balkh")
    await pilot.press("1", "enter")  # the first party, the Taliban; Enter records it
    await pilot.pause()
    after = place(app, "balkh")
    assert after.control[:-1] == before.control, "the history is kept"
    assert after.control[-1] == ControlChange(date=AS_OF, holder="taliban")
    assert (after.holder, after.since) == ("taliban", AS_OF)
    assert "Taliban 19" in figures_text(app) and "Government 15" in figures_text(app)
    await pilot.press("u")
    await pilot.pause()
    assert place(app, "balkh") == before
    assert "Undid: record a change of control of Balkh (13 Aug 2021)" in said.text()
    assert "Taliban 18" in figures_text(app)


async def test_a_change_with_its_own_date_and_a_source_made_on_the_spot(
    sample_app: SampleApp,
) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await open_dialog(app, pilot, "balkh")
    await pilot.press("1")
    await type_into(pilot, "date", "2021-08-12")
    await type_into(pilot, "according_to", "Provincial council member")
    dialog = form(app)
    dialog.fields["confidence"].focus_control()
    await pilot.press("right")  # reported
    dialog.fields["sources"].focus_control()
    await pilot.pause()
    await pilot.press("ctrl+n")  # a new source, in its own form
    await pilot.pause()
    assert isinstance(app.screen, EditEntryScreen)
    await type_into(pilot, "publisher", "Tolo News")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.screen is dialog, "back in the dialog, the new source ticked"
    await pilot.press("ctrl+s")
    await pilot.pause()
    situation = app.document.situation  # type: ignore[union-attr]
    assert situation.sources[-1].publisher == "Tolo News"
    change = place(app, "balkh").control[-1]
    assert change == ControlChange(
        date=dt.date(2021, 8, 12),
        holder="taliban",
        confidence="reported",
        according_to="Provincial council member",
        sources=[situation.sources[-1].id],
    )
    row = table(app, "places").render_line(1 + table(app, "places").cursor).text
    assert "Taliban" in row and "◆ reported" in row and "2021-08-12" in row
    await pilot.press("u")  # one step: the source and the change go together
    await pilot.pause()
    assert situation.sources[-1].publisher != "Tolo News"
    assert place(app, "balkh").holder == "government"
    assert "Undid: record a change of control of Balkh (12 Aug 2021)" in said.text()


async def test_contested_between_two_parties_from_the_map(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    table(app, "places").move_to_index(row_of(app, "places", lambda p: p.id == "kabul"))
    await pilot.press("6")  # the map opens on the place under the table's cursor
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    dialog = form(app)
    assert isinstance(dialog, HolderScreen) and dialog.place.id == "kabul"
    assert not dialog.fields["parties"].display  # a held place names no parties
    await pilot.press("shift+tab", "right")  # from the holder up to the state: contested
    await pilot.pause()
    assert dialog.fields["parties"].display and not dialog.fields["holder"].display
    label = dialog.fields["parties"].query_one(".field-label", Static)
    assert "Between" in str(label.render())
    await pilot.press("tab", "space", "down", "space", "ctrl+s")
    await pilot.pause()
    change = place(app, "kabul").current
    assert change == ControlChange(date=AS_OF, state="contested", parties=["taliban", "government"])
    strip = " ".join(figures_text(app).split())
    assert "Government 15" in strip and "◐ 1 contested" in strip
    assert "SEAT · KABUL ◐ contested between Taliban, Government" in strip
    legend = str(main_screen(app).query_one("#map-legend", Static).render())
    assert "Contested" in legend


async def test_c_records_a_confirmation_and_the_hold_keeps_its_start(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    before = place(app, "jowzjan")
    assert before.current is not None and before.current.confidence == "reported"
    await open_dialog(app, pilot, "jowzjan", "c")
    focused = app.focused
    assert focused is not None and form(app).fields["confidence"] in focused.ancestors
    await pilot.press("left", "enter")  # reported -> confirmed
    await pilot.pause()
    after = place(app, "jowzjan")
    assert after.control[:-1] == before.control
    assert after.control[-1] == before.current.model_copy(
        update={"date": AS_OF, "confidence": "confirmed", "sources": [], "note": None}
    )
    row = table(app, "places").render_line(1 + table(app, "places").cursor).text
    assert "● confirmed" in row and "2021-08-07" in row  # held since the capture


async def test_saying_again_what_the_control_says_is_refused(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    before = place(app, "badakhshan")
    await open_dialog(app, pilot, "badakhshan")  # held by the Taliban, highlighted
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, HolderScreen), "nothing new: the dialog stays"
    status = str(app.screen.query_one("#form-status", Static).render())
    assert "already says this" in status
    form(app).fields["sources"].query_one(".sources-filter").focus()
    await pilot.press(*"latin", "enter", "space", "ctrl+s")  # a new source confirms it
    await pilot.pause()
    after = place(app, "badakhshan")
    assert len(after.control) == len(before.control) + 1
    assert after.control[-1].sources == ["latin-times"]


async def test_correct_the_last_change_instead_of_adding_one(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    before = place(app, "logar")
    await open_dialog(app, pilot, "logar")
    await pilot.press("ctrl+r")
    await pilot.pause()
    dialog = form(app)
    assert dialog.fields["mode"].read() == "correct"
    assert dialog.fields["sources"].read() == before.control[-1].sources
    dialog.fields["confidence"].focus_control()
    await pilot.press("right", "enter")
    await pilot.pause()
    after = place(app, "logar")
    assert len(after.control) == len(before.control)
    assert after.control[-1] == before.control[-1].model_copy(update={"confidence": "reported"})
    await pilot.press("u")
    await pilot.pause()
    assert "Undid: correct the last change of control of Logar (13 Aug 2021)" in said.text()


async def test_a_change_dated_earlier_goes_into_its_place_in_the_history(
    sample_app: SampleApp,
) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    before = place(app, "kandahar")  # held before records, then taken on 12 Aug
    await open_dialog(app, pilot, "kandahar")
    form(app).fields["state"].focus_control()
    await pilot.press("right")  # contested...
    await type_into(pilot, "date", "2021-08-10")  # ...two days before it fell
    form(app).fields["parties"].focus_control()
    await pilot.press("space", "down", "space", "ctrl+s")
    await pilot.pause()
    after = place(app, "kandahar")
    dates = [c.date for c in after.control]
    assert dates == sorted(dates, key=lambda d: d or dt.date.min)
    assert after.current == before.current, "the latest change still says who holds it"


async def test_holder_keys_only_work_on_places(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("2", "h")
    await pilot.pause()
    assert not isinstance(app.screen, HolderScreen)
