"""A multi-line paste into a one-line field keeps every line, joined, and says so (issue 13)."""

from __future__ import annotations

from textual import events

from sitrep.app.forms.entry import EditEntryScreen
from tests.app.conftest import SampleApp
from tests.app.keys import burst, settle


async def paste_into(sample_app: SampleApp, field: str, text: str) -> object:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "a")
    form = sample_app.app.screen
    assert isinstance(form, EditEntryScreen)
    form.fields[field].focus_control()
    await settle(sample_app.pilot)
    sample_app.app.post_message(events.Paste(text))
    await settle(sample_app.pilot)
    return form.fields[field].read()


async def test_lines_pasted_into_a_name_are_joined_with_spaces(sample_app: SampleApp) -> None:
    assert await paste_into(sample_app, "name", "Spin\nBoldak\n") == "Spin Boldak"
    assert "Pasted 2 lines into a one-line field: joined with spaces" in sample_app.said.text(
        "warning"
    )


async def test_lines_pasted_into_a_list_become_items(sample_app: SampleApp) -> None:
    assert await paste_into(sample_app, "aliases", "Qandahar\nKandahar City") == [
        "Qandahar",
        "Kandahar City",
    ]
    assert "joined with commas" in sample_app.said.text("warning")


async def test_one_line_pasted_says_nothing(sample_app: SampleApp) -> None:
    assert await paste_into(sample_app, "name", "Spin Boldak") == "Spin Boldak"
    assert "Pasted" not in sample_app.said.text()
