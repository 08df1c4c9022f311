"""Text from the file is data: markup and escape sequences show literally in the forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.widgets import SelectionList

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.holder import HolderScreen
from sitrep.model.entries import ControlChange, Party, Place, Source
from sitrep.model.situation import Header, Situation
from tests.app.forms.host import FormHost, error_of, form, screen_text, type_into

SIZE = (120, 40)
HOSTILE = "[bold]x[/] [@click=app.quit]y[/] \x1b[31mred"


@pytest.fixture
def hostile() -> Situation:
    """A situation whose names and titles are all attempts at markup or escapes."""
    return Situation(
        header=Header(title="t", region="r", as_of=dt.date(2021, 8, 13)),
        parties=[Party(id="p1", name=f"Party {HOSTILE}"), Party(id="p2", name="[/]")],
        sources=[Source(id="s1", publisher=f"Pub {HOSTILE}", title=f"Title {HOSTILE}")],
        places=[
            Place(
                id="a",
                name=f"Place {HOSTILE}",
                control=[
                    ControlChange(holder="p1", according_to=HOSTILE, note=HOSTILE, sources=["s1"])
                ],
                sources=["s1"],
                note=HOSTILE,
            )
        ],
    )


def assert_literal(text: str) -> None:
    assert "[@click=app.quit]y[/]" in text
    assert "[bold]x[/]" in text
    assert "\x1b" not in text and "␛[31mred" in text


@pytest.mark.parametrize(
    "make",
    [
        lambda s: EditEntryScreen("places", s, s.places[0]),
        lambda s: EditEntryScreen("sources", s, s.sources[0]),
        lambda s: HolderScreen(s, s.places[0]),
    ],
    ids=["place form", "source form", "holder"],
)
async def test_hostile_text_shows_literally(hostile: Situation, make: Any) -> None:
    app = FormHost(lambda: make(hostile))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Shown as typed: had it been parsed, the brackets would be gone.
        assert_literal(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_hostile_source_titles_in_the_picker(hostile: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("places", hostile, hostile.places[0]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listed = form(app).fields["sources"].query_one(SelectionList)
        prompt = listed.get_option_at_index(0).prompt
        assert "Title [bold]x[/] [@click=app.quit]y[/] ␛[31mred" in str(prompt)
        assert form(app).form_title.plain.startswith("Edit place — Place [bold]x[/]")


async def test_untouched_fields_keep_their_stored_text(hostile: Situation) -> None:
    # Control characters show as pictures, but saving without touching a field
    # must not rewrite what the file holds.
    place = hostile.places[0].model_copy(update={"aliases": ["Kandahar, old city"]})
    hostile.places[0] = place
    app = FormHost(lambda: EditEntryScreen("places", hostile, place))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].entry == place
    assert "\x1b" in app.results[0].entry.name


async def test_hostile_names_in_error_messages(hostile: Situation) -> None:
    other = Place(id="b", name="Other", control=[ControlChange(holder="p2")])
    hostile.places.append(other)
    app = FormHost(lambda: EditEntryScreen("places", hostile, other))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "id", "a")  # the hostile place's id: the error names it
        await pilot.pause()
        assert "'a' is already used" in (error_of(app, "id") or "")
        await type_into(pilot, "within", "[bold]x[/] [@click=app.quit]y[/]")
        await pilot.pause()
        shown = error_of(app, "within") or ""
        assert "no place has the id '[bold]x[/] [@click=app.quit]y[/]'" in shown
        assert "no place has the id '[bold]x[/] [@click=app.quit]y[/]'" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []


async def test_hostile_text_in_a_change_of_control_form(hostile: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("places", hostile, hostile.places[0]))
    async with app.run_test(size=SIZE) as pilot:
        form(app).fields["control"].focus_control()
        await pilot.press("e")
        await pilot.pause()
        assert_literal(screen_text(app))  # according to and note, as typed
