"""The Map pane inside the app: key m, selection kept in step with the Places table,
enter opens the place's form, an edit recolours the map. Runs once the shell mounts it."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TabbedContent

from sitrep.app.panes import PANES
from sitrep.app.widgets.map.pane import MapPane
from sitrep.model.entries import ControlChange, Place
from tests.app.conftest import SampleApp
from tests.app.host import main_screen, row_of, table

pytestmark = pytest.mark.skipif(
    "map" not in [pane.id for pane in PANES], reason="the shell does not mount the Map pane yet"
)


async def test_m_shows_the_map_and_selection_follows_the_table(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    kabul = row_of(app, "places", lambda p: p.id == "kabul")
    table(app, "places").move_to_index(kabul)
    await pilot.press("m")
    await pilot.pause()
    screen = main_screen(app)
    assert screen.query_one(TabbedContent).active == "pane-map"
    the_map = screen.query_one(MapPane)
    assert app.focused is the_map
    assert said.text("error") == ""  # the bundled outline was found for the copy
    assert the_map.selected_place_id == "kabul"  # the table's row
    await pilot.press("up")  # from Kabul to Charikar (Parwan)
    await pilot.pause()
    assert the_map.selected_place_id == "parwan"
    assert table(app, "places").cursor_index == row_of(app, "places", lambda p: p.id == "parwan")
    table(app, "places").move_to_index(row_of(app, "places", lambda p: p.id == "kandahar"))
    await pilot.pause()
    assert the_map.selected_place_id == "kandahar"


async def test_enter_on_the_map_edits_the_place_and_the_map_follows(sample_app: SampleApp) -> None:
    from sitrep.app.forms.entry import EditEntryScreen

    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("m", "enter")
    await pilot.pause()
    assert isinstance(app.screen, EditEntryScreen)
    await pilot.press("escape")
    await pilot.pause()
    document = app.document
    assert document is not None
    index = row_of(app, "places", lambda p: p.id == "balkh")
    place = document.situation.places[index]
    assert isinstance(place, Place)
    taken = ControlChange(date=document.situation.header.as_of, holder="taliban")
    document.replace("places", index, place.model_copy(update={"control": [*place.control, taken]}))
    await pilot.pause()
    screen = main_screen(app)
    legend = str(screen.query_one("#map-legend", Static).render())
    assert "19" in legend and "15" in legend
    assert screen.query_one(TabbedContent).active == "pane-map"
