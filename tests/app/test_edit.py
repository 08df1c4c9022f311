"""Editing through the app: add, edit (bad then good), delete, undo, redo, the header.

Recording changes of control with h and c is in test_control.py."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Select

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.header import EditHeaderScreen
from sitrep.app.widgets.detail import EntryDetail
from sitrep.model.entries import ControlChange, Evacuation, Note, Place
from tests.app.conftest import SampleApp
from tests.app.forms.host import error_of, form, type_into
from tests.app.host import figures_text, main_screen, row_of, table

AS_OF = dt.date(2021, 8, 13)


def detail_text(app: object, pane: str) -> str:
    detail = main_screen(app).query_one(f"#detail-{pane}", EntryDetail)  # type: ignore[arg-type]
    return detail.content.plain


async def test_add_a_note_through_the_form(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("3", "tab")  # Figures & notes, then its second table: notes
    assert main_screen(app).current_view.section == "notes"  # type: ignore[union-attr]
    count = len(app.document.situation.notes)  # type: ignore[union-attr]
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, EditEntryScreen)
    await type_into(pilot, "text", "Clinics closed in Herat.")
    await pilot.press("ctrl+s")
    await pilot.pause()
    notes = app.document.situation.notes  # type: ignore[union-attr]
    assert len(notes) == count + 1
    assert notes[-1] == Note(date=AS_OF, text="Clinics closed in Herat.")
    assert table(app, "notes").cursor_index == count, "the cursor is on the new row"
    assert "Clinics closed in Herat." in detail_text(app, "humanitarian")
    assert app.document.dirty  # type: ignore[union-attr]


async def test_edit_refuses_an_invalid_value_then_takes_a_valid_one(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    index = row_of(app, "places", lambda p: p.id == "kandahar")
    table(app, "places").move_to_index(index)
    await pilot.press("e")
    await pilot.pause()
    await type_into(pilot, "lat", "95")
    shown = error_of(app, "lat")
    assert shown is not None and "less than or equal to 90" in shown
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, EditEntryScreen), "an invalid form is not saved"
    assert app.document.situation.places[index].lat == 31.613  # type: ignore[union-attr]
    await type_into(pilot, "lat", "31.6")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(app.screen, EditEntryScreen)
    assert app.document.situation.places[index].lat == 31.6  # type: ignore[union-attr]
    assert "31.600, 65.710" in detail_text(app, "places")
    await pilot.press("u")
    await pilot.pause()
    assert "Undid: edit Kandahar: lat" in said.text()


async def test_enter_edits_and_escape_changes_nothing(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("2", "enter")
    await pilot.pause()
    assert isinstance(app.screen, EditEntryScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert not app.document.dirty  # type: ignore[union-attr]
    assert not app.document.can_undo  # type: ignore[union-attr]


async def test_delete_then_undo_then_redo(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    places = app.document.situation.places  # type: ignore[union-attr]
    before = list(places)
    index = row_of(app, "places", lambda p: p.id == "herat")
    table(app, "places").move_to_index(index)
    await pilot.press("d")
    await pilot.pause()
    assert [p.id for p in places] == [p.id for p in before if p.id != "herat"]
    assert "Deleted Herat" in said.text()
    assert table(app, "places").row_count == len(before) - 1
    await pilot.press("g")  # move away: undo must bring the cursor back
    await pilot.press("u")
    await pilot.pause()
    assert places == before
    assert "Undid: delete Herat" in said.text()
    assert table(app, "places").cursor_index == index
    await pilot.press("U")
    await pilot.pause()
    assert "herat" not in [p.id for p in places]
    assert "Redid: delete Herat" in said.text()
    await pilot.press("ctrl+z")
    await pilot.press("ctrl+y")
    await pilot.press("ctrl+z")
    await pilot.pause()
    assert places == before
    assert not app.document.dirty, "undoing back to the saved state is clean"  # type: ignore[union-attr]


async def test_undo_goes_to_the_pane_of_the_change(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("2", "j", "j", "d")  # delete Canada from evacuations
    await pilot.press("1", "G")
    await pilot.press("u")
    await pilot.pause()
    screen = main_screen(app)
    assert screen.current_view.section == "evacuations"  # type: ignore[union-attr]
    assert table(app, "evacuations").cursor_index == 2
    evacuations = app.document.situation.evacuations  # type: ignore[union-attr]
    assert isinstance(evacuations[2], Evacuation) and evacuations[2].actor == "Canada"
    await pilot.press("u")
    await pilot.pause()
    assert "Nothing to undo" in said.text()


async def test_a_refused_edit_changes_nothing(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("4", "tab", "tab")  # Outlook & sources: parties
    assert main_screen(app).current_view.section == "parties"  # type: ignore[union-attr]
    await pilot.press("d")  # the Taliban hold places: the document refuses
    await pilot.pause()
    assert len(app.document.situation.parties) == 3  # type: ignore[union-attr]
    assert "is still named by the place" in said.text("error")
    assert not app.document.can_undo  # type: ignore[union-attr]


async def test_add_a_place_with_a_new_party_is_one_undo_step(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    screen = main_screen(app)
    screen.edits.apply_form(
        "places",
        None,
        _form_result(),
    )
    await pilot.pause()
    situation = app.document.situation  # type: ignore[union-attr]
    assert situation.party("militia") is not None
    assert situation.places[-1].id == "new-place"
    await pilot.press("u")
    await pilot.pause()
    assert situation.party("militia") is None
    assert "new-place" not in [p.id for p in situation.places]
    assert "Undid: add New Place" in said.text()


def _form_result():  # type: ignore[no-untyped-def]
    from sitrep.app.forms.base import FormResult
    from sitrep.model.entries import Party

    party = Party(id="militia", name="A militia")
    place = Place(id="new-place", name="New Place", control=[ControlChange(holder="militia")])
    return FormResult(place, [], [party])


async def test_edit_header_through_its_form(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("H")
    await pilot.pause()
    assert isinstance(app.screen, EditHeaderScreen)
    await type_into(pilot, "title", "Afghanistan, 14 August")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.document.situation.header.title == "Afghanistan, 14 August"  # type: ignore[union-attr]
    header = " ".join(str(w.render()) for w in main_screen(app).query("#header Static"))
    assert "Afghanistan, 14 August" in header
    await pilot.press("u")
    await pilot.pause()
    assert "Undid: edit header: title" in said.text()


async def test_add_evacuation_with_a_figure(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    assert "EVACUATING · 5 STATES" in figures_text(app)
    assert "about 3,600 troops, plus 1 undisclosed" in " ".join(figures_text(app).split())
    await pilot.press("2", "a")
    await pilot.pause()
    await type_into(pilot, "actor", "International Committee of the Red Cross")
    form(app).fields["actor_kind"].query_one(Select).value = "organisation"
    form(app).fields["status"].query_one(Select).value = "under_way"
    await type_into(pilot, "troops", "about 100")
    form(app).fields["embassy"].query_one(Select).value = "open"
    await pilot.press("ctrl+s")
    await pilot.pause()
    added = app.document.situation.evacuations[-1]  # type: ignore[union-attr]
    assert (added.actor_kind, added.status, str(added.troops)) == (
        "organisation",
        "under_way",
        "about 100",
    )
    # states and organisations apart; about + about + undisclosed stays honest
    strip = " ".join(figures_text(app).split())
    assert "5 STATES, 1 ORG." in strip
    assert "about 3,700 troops, plus 1 undisclosed" in strip
