"""Keys typed at speed go where they would have gone typed slowly (issue 13, item 1)."""

from __future__ import annotations

from textual.widgets import Input

from sitrep.app.forms.entry import EditEntryScreen
from tests.app.conftest import SampleApp
from tests.app.keys import burst, letters


def form_values(sample_app: SampleApp) -> dict[str, object]:
    screen = sample_app.app.screen
    assert isinstance(screen, EditEntryScreen)
    return {name: field.read() for name, field in screen.fields.items()}


async def test_a_name_typed_right_after_a_is_kept_whole(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "a", *letters("Kunar"))
    assert form_values(sample_app)["name"] == "Kunar"


async def test_tab_in_a_burst_moves_on_before_the_next_letters(sample_app: SampleApp) -> None:
    sample_app.main.go_to("parties")
    await burst(sample_app.pilot, "a", *letters("Blue Front"), "tab", *letters("blue"))
    screen = sample_app.app.screen
    assert isinstance(screen, EditEntryScreen)
    values = form_values(sample_app)
    assert values["name"] == "Blue Front"
    second = list(screen.fields)[1]
    assert second != "name" and screen.fields[second].control.has_focus
    assert "blue" in str(values[second]), values


async def test_tab_to_the_suggested_id_then_typing_adds_to_its_end(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "a", *letters("Spin"), "tab", *letters("-2"))
    assert form_values(sample_app)["id"] == "spin-2"


async def test_ctrl_u_then_text_keeps_the_text(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "e", "ctrl+u", *letters("Renamed"))
    assert form_values(sample_app)["name"] == "Renamed"


async def test_ctrl_a_ctrl_k_then_text_keeps_the_text(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "e", "ctrl+a", "ctrl+k", *letters("Other"))
    assert form_values(sample_app)["name"] == "Other"


async def test_slash_and_a_word_in_one_write_fill_the_filter(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "slash", *letters("Kandahar"))
    view = sample_app.main.view("places")
    box = view.filter_input
    assert box is not None and box.value == "Kandahar"
    assert isinstance(sample_app.app.focused, Input)
    assert view.table.model.query == "kandahar"


async def test_a_whole_entry_typed_as_one_burst_is_saved(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    count = len(sample_app.document.situation.places)
    await burst(sample_app.pilot, "a", *letters("Spin Boldak"), "ctrl+s")
    places = sample_app.document.situation.places
    assert len(places) == count + 1
    assert places[-1].name == "Spin Boldak"
