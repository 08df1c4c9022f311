"""Each add form opens with the keyboard in the field the user must fill first."""

from __future__ import annotations

import pytest

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.model.sections import Section
from tests.app.conftest import SampleApp
from tests.app.host import main_screen

FIRST_TO_FILL: dict[Section, str] = {
    "parties": "name",
    "sources": "publisher",
    "places": "name",
    "evacuations": "actor",
    "figures": "counted",
    "notes": "text",  # not the date: it starts at the as-of date
    "outlook": "statement",
}


@pytest.mark.parametrize("section", list(FIRST_TO_FILL))
async def test_typing_right_after_a_goes_to_the_first_field_to_fill(
    sample_app: SampleApp,
    section: Section,
) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    main_screen(app).go_to(section)
    await pilot.pause()
    await pilot.press("a", "W", "o", "r", "d")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, EditEntryScreen) and form.section == section
    typed = {name: f.read() for name, f in form.fields.items() if f.read() == "Word"}
    assert list(typed) == [FIRST_TO_FILL[section]]
    assert form.fields[FIRST_TO_FILL[section]].control.has_focus


async def test_editing_an_entry_starts_at_its_first_field(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    main_screen(app).go_to("notes")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, EditEntryScreen) and form.section == "notes"
    assert form.fields["date"].control.has_focus, "every field is filled: the first one"
