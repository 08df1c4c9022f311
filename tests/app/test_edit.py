"""Editing through the app: add, edit (bad then good), delete, undo, redo, quick holder edits."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Select

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.header import EditHeaderScreen
from sitrep.app.forms.holder import HolderScreen
from sitrep.app.widgets.detail import EntryDetail
from sitrep.app.widgets.figures import KeyFigures
from sitrep.model.entries import Evacuation, Note, Place
from tests.app.conftest import SampleApp
from tests.app.forms.host import error_of, form, type_into
from tests.app.host import main_screen, row_of, table

AS_OF = dt.date(2021, 8, 13)


def detail_text(app: object, pane: str) -> str:
    detail = main_screen(app).query_one(f"#detail-{pane}", EntryDetail)  # type: ignore[arg-type]
    return detail.content.plain


def figures_text(app: object) -> str:
    screen = main_screen(app)  # type: ignore[arg-type]
    return " ".join(str(card.render()) for card in screen.query_one(KeyFigures).children)


async def test_add_a_note_through_the_form(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("3", "tab")  # Humanitarian, then its second table: notes
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
    index = row_of(app, "territory", lambda p: p.id == "kandahar")
    table(app, "territory").move_to_index(index)
    await pilot.press("e")
    await pilot.pause()
    await type_into(pilot, "lat", "95")
    shown = error_of(app, "lat")
    assert shown is not None and "less than or equal to 90" in shown
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, EditEntryScreen), "an invalid form is not saved"
    assert app.document.situation.territory[index].lat == 31.613  # type: ignore[union-attr]
    await type_into(pilot, "lat", "31.6")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(app.screen, EditEntryScreen)
    assert app.document.situation.territory[index].lat == 31.6  # type: ignore[union-attr]
    assert "31.600, 65.710" in detail_text(app, "territory")
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
    territory = app.document.situation.territory  # type: ignore[union-attr]
    before = list(territory)
    index = row_of(app, "territory", lambda p: p.id == "kandahar")
    table(app, "territory").move_to_index(index)
    await pilot.press("d")
    await pilot.pause()
    assert [p.id for p in territory] == [p.id for p in before if p.id != "kandahar"]
    assert "Deleted Kandahar" in said.text()
    assert table(app, "territory").row_count == len(before) - 1
    await pilot.press("g")  # move away: undo must bring the cursor back
    await pilot.press("u")
    await pilot.pause()
    assert territory == before
    assert "Undid: delete Kandahar" in said.text()
    assert table(app, "territory").cursor_index == index
    await pilot.press("U")
    await pilot.pause()
    assert "kandahar" not in [p.id for p in territory]
    assert "Redid: delete Kandahar" in said.text()
    await pilot.press("ctrl+z")
    await pilot.press("ctrl+y")
    await pilot.press("ctrl+z")
    await pilot.pause()
    assert territory == before
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
    assert isinstance(evacuations[2], Evacuation) and evacuations[2].country == "Canada"
    await pilot.press("u")
    await pilot.pause()
    assert "Nothing to undo" in said.text()


async def test_holder_change_updates_the_key_figures(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    assert "Taliban 18/34" in figures_text(app)
    assert "Government 16/34" in figures_text(app)
    index = row_of(app, "territory", lambda p: p.id == "balkh")
    table(app, "territory").move_to_index(index)
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(app.screen, HolderScreen)
    await pilot.press("1", "enter")  # the first party: the Taliban
    await pilot.pause()
    place = app.document.situation.territory[index]  # type: ignore[union-attr]
    assert isinstance(place, Place)
    assert (place.holder, place.since) == ("taliban", AS_OF)
    assert "Taliban 19/34" in figures_text(app)
    assert "Government 15/34" in figures_text(app)
    await pilot.press("u")
    await pilot.pause()
    assert "Taliban 18/34" in figures_text(app)


async def test_nearest_front_follows_the_edits(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    assert "Pul-e Alam (Logar)" in figures_text(app)
    assert "61 km" in figures_text(app)
    index = row_of(app, "territory", lambda p: p.id == "logar")
    table(app, "territory").move_to_index(index)
    await pilot.press("h", "2", "enter")  # Logar back to the government
    await pilot.pause()
    assert "Pul-e Alam" not in figures_text(app)


async def test_confidence_quick_action(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    index = row_of(app, "territory", lambda p: p.id == "ghazni")
    table(app, "territory").move_to_index(index)
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, HolderScreen)
    focused = app.focused
    assert focused is not None and "confidence" in str([a.id for a in focused.ancestors_with_self])
    await pilot.press("right", "right", "enter")
    await pilot.pause()
    place = app.document.situation.territory[index]  # type: ignore[union-attr]
    assert place.confidence == "claimed"  # type: ignore[union-attr]
    assert "○ claimed" in "\n".join(table(app, "territory").render_line(y).text for y in range(35))


async def test_holder_keys_only_work_in_territory(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("2", "h")
    await pilot.pause()
    assert not isinstance(app.screen, HolderScreen)


async def test_a_refused_edit_changes_nothing(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("4", "tab", "tab")  # Outlook & sources: parties
    assert main_screen(app).current_view.section == "parties"  # type: ignore[union-attr]
    await pilot.press("d")  # the Taliban hold places: the document refuses
    await pilot.pause()
    assert len(app.document.situation.parties) == 2  # type: ignore[union-attr]
    assert "still holds" in said.text("error")
    assert not app.document.can_undo  # type: ignore[union-attr]


async def test_add_a_place_with_a_new_party_is_one_undo_step(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    screen = main_screen(app)
    screen.edits.apply_form(
        "territory",
        None,
        _form_result(),
    )
    await pilot.pause()
    situation = app.document.situation  # type: ignore[union-attr]
    assert situation.party("militia") is not None
    assert situation.territory[-1].id == "new-place"
    await pilot.press("u")
    await pilot.pause()
    assert situation.party("militia") is None
    assert "new-place" not in [p.id for p in situation.territory]
    assert "Undid: add New Place" in said.text()


def _form_result():  # type: ignore[no-untyped-def]
    from sitrep.app.forms.base import FormResult
    from sitrep.model.entries import Party

    party = Party(id="militia", name="A militia")
    place = Place(id="new-place", name="New Place", holder="militia")
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
    assert "at least 3,600 troops" in figures_text(app)
    await pilot.press("2", "a")
    await pilot.pause()
    await type_into(pilot, "country", "Italy")
    await type_into(pilot, "troops", "about 100")
    form(app).fields["embassy"].query_one(Select).value = "open"
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert "7 countries" in figures_text(app)
    assert "at least 3,700 troops" in figures_text(app)
