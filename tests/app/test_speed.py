"""What the speed work changed in the app: less redrawn, less rebuilt, same behaviour.

The footer keeps its keys unless they change, the holder dialog is built once and
reused, the detail follows the cursor in the same frame, the filter box and the
brief are made when first needed.
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList, SelectionList

from sitrep.app.forms.holder import HolderScreen
from sitrep.app.widgets.detail import EntryDetail
from sitrep.app.widgets.footer import SitrepFooter
from sitrep.app.widgets.table.section import FilterInput
from sitrep.model.entries import Place
from tests.app.conftest import SampleApp
from tests.app.host import main_screen, row_of, table

AS_OF = dt.date(2021, 8, 13)


def footer_keys(app: object) -> list[object]:
    return list(main_screen(app).query_one(SitrepFooter).children)  # type: ignore[arg-type]


async def test_footer_keeps_its_keys_until_they_change(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    before = footer_keys(app)
    assert before, "the footer shows keys"
    await pilot.press("h")  # a dialog opens and closes: the same keys come back
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    assert footer_keys(app) == before, "no key was rebuilt"
    await pilot.press("5")  # the brief: no add, edit or delete there
    await pilot.pause()
    shown = " ".join(str(key.render()) for key in footer_keys(app))
    assert footer_keys(app) != before and "Add" not in shown and "Save" in shown


async def test_the_holder_dialog_is_built_once_and_shows_each_place(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    places = app.document.situation.places  # type: ignore[union-attr]
    kandahar = row_of(app, "places", lambda p: p.id == "kandahar")
    balkh = row_of(app, "places", lambda p: p.id == "balkh")
    table(app, "places").move_to_index(kandahar)
    await pilot.press("h")
    await pilot.pause()
    first = app.screen
    assert isinstance(first, HolderScreen)
    date = first.query_one("#field-date Input", Input)
    date.value = "2021-08-01"  # typed, then cancelled: must not come back
    first.fields["sources"].query_one(".sources-filter", Input).value = "cnn"
    first.fields["sources"].focus_control()
    await pilot.press("space")  # a source ticked, then cancelled: not ticked next time
    assert first.fields["sources"].read() != []
    await pilot.press("escape", "y")  # changed: Escape asks before throwing it away
    await pilot.pause()
    table(app, "places").move_to_index(balkh)
    await pilot.press("h")
    await pilot.pause()
    assert app.screen is first, "the same dialog, not a new one"
    place = places[balkh]
    assert isinstance(place, Place)
    assert str(first.form_title.plain) == f"Control of {place.name} — record a change"
    assert date.value == AS_OF.isoformat(), "a new change starts at the as-of date"
    assert first.fields["sources"].query_one(".sources-filter", Input).value == ""
    ticked = first.fields["sources"].query_one(SelectionList).selected
    assert first.fields["sources"].read() == [] and ticked == []
    holder = first.query_one("#field-holder OptionList", OptionList)
    assert holder.get_option_at_index(holder.highlighted or 0).id == place.holder
    prompts = [str(holder.get_option_at_index(i).prompt) for i in range(holder.option_count)]
    assert sum("(holds it now)" in p for p in prompts) == 1
    assert first.errors == {}
    await pilot.press("1", "enter")  # the Taliban take Balkh
    await pilot.pause()
    changed = places[balkh]
    assert isinstance(changed, Place)
    assert (changed.holder, changed.since, changed.control[-1].how) == (
        "taliban",
        AS_OF,
        "unknown",
    )
    assert places[kandahar] == app.document.situation.places[kandahar]  # type: ignore[union-attr]


async def test_the_detail_follows_the_cursor_at_once(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    detail = main_screen(app).query_one("#detail-places", EntryDetail)
    places = app.document.situation.places  # type: ignore[union-attr]
    table(app, "places").move_cursor(3)  # no message round trip: already drawn
    assert detail.content.plain.startswith(places[3].name)
    await pilot.press("down")
    assert detail.content.plain.startswith(places[4].name)


async def test_the_filter_box_is_made_on_the_first_slash(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    screen = main_screen(app)
    assert not screen.query(FilterInput), "no filter box before it is needed"
    await pilot.press("slash", "k", "a", "n")
    await pilot.pause()
    box = screen.view("places").filter_input
    assert box is not None and box.display and box.value == "kan"
    assert [p.id for p in screen.document.situation.places if "kan" in p.name.lower()]
    assert table(app, "places").row_count < len(screen.document.situation.places)
    await pilot.press("escape")
    await pilot.pause()
    assert not box.display
    assert table(app, "places").row_count == len(screen.document.situation.places)
    await pilot.press("slash")  # the same box again
    await pilot.pause()
    assert screen.view("places").filter_input is box and box.display


async def test_the_brief_is_made_when_first_shown(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    assert not main_screen(app).query("#brief")
    await pilot.press("5")
    await pilot.pause()
    await pilot.pause(0.2)
    brief = main_screen(app).query_one("#brief")
    assert "Kandahar" in brief.text  # type: ignore[attr-defined]
