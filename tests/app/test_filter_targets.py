"""After a filter the cursor is on a row that matches, and says why it matched (issue 13, item 2)."""

from __future__ import annotations

from textual.widgets import Static

from sitrep.app.forms.holder import HolderScreen
from tests.app.conftest import SampleApp
from tests.app.keys import burst, letters


def title(sample_app: SampleApp) -> str:
    view = sample_app.main.view("places")
    return str(view.query_one(".section-title", Static).render())


async def filter_from(sample_app: SampleApp, place: str, query: str) -> int:
    """Filter the places with the cursor on a place; the document index of that place."""
    sample_app.main.go_to("places")
    places = sample_app.document.situation.places
    start = next(i for i, p in enumerate(places) if p.name == place)
    sample_app.main.view("places").table.move_to_index(start)
    await burst(sample_app.pilot, "slash", *letters(query), "enter")
    return start


async def test_a_filter_moves_the_cursor_off_a_row_that_no_longer_matches(
    sample_app: SampleApp,
) -> None:
    await filter_from(sample_app, "Takhar", "Kandahar")
    table = sample_app.main.view("places").table
    places = sample_app.document.situation.places
    shown = table.visible_indexes()
    assert table.cursor_index == shown[0], "the first match, not a row left from before"
    assert places[shown[0]].name == "Kandahar"
    await burst(sample_app.pilot, "h")
    screen = sample_app.app.screen
    assert isinstance(screen, HolderScreen) and screen.place.name == "Kandahar"


async def test_the_selected_entry_stays_selected_when_it_still_matches(
    sample_app: SampleApp,
) -> None:
    airport = await filter_from(sample_app, "Kandahar airport", "Kandahar")
    assert sample_app.main.view("places").table.cursor_index == airport


async def test_a_match_in_a_column_not_shown_says_where(sample_app: SampleApp) -> None:
    spin_boldak = await filter_from(sample_app, "Spin Boldak", "Kandahar")
    table = sample_app.main.view("places").table
    assert table.cursor_index == spin_boldak  # it is within Kandahar
    assert "matched in Within" in title(sample_app)
    await burst(sample_app.pilot, "g")  # Kandahar itself: its name shows the match
    assert "matched in" not in title(sample_app)


async def test_an_empty_result_says_no_match_not_no_places_yet(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "slash", *letters("zzqx"), "enter")
    table = sample_app.main.view("places").table
    assert table.row_count == 0 and table.cursor_index is None
    lines = [table.render_line(y).text for y in range(4)]
    assert any("No match for “zzqx”" in line for line in lines), lines
    assert not any("yet" in line for line in lines)
    await burst(sample_app.pilot, "d")  # nothing selected: nothing deleted
    assert len(sample_app.document.situation.places) == 37
    assert "Nothing selected" in sample_app.said.text("warning")
