"""Escape on a form with changes asks before throwing them away (issue 13)."""

from __future__ import annotations

from sitrep.app.dialogs.confirm import ConfirmScreen
from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.screens.main import MainScreen
from tests.app.conftest import SampleApp
from tests.app.keys import burst, letters


async def test_escape_on_an_untouched_form_closes_it_at_once(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "a", "escape")
    assert isinstance(sample_app.app.screen, MainScreen)


async def test_escape_on_a_typed_form_asks_and_keeps_it_by_default(
    sample_app: SampleApp,
) -> None:
    sample_app.main.go_to("places")
    count = len(sample_app.document.situation.places)
    await burst(sample_app.pilot, "a", *letters("Kunar"), "escape")
    assert isinstance(sample_app.app.screen, ConfirmScreen)
    await burst(sample_app.pilot, "escape")  # the safe answer: keep editing
    form = sample_app.app.screen
    assert isinstance(form, EditEntryScreen) and form.fields["name"].read() == "Kunar"
    await burst(sample_app.pilot, "escape", "y")
    assert isinstance(sample_app.app.screen, MainScreen)
    assert len(sample_app.document.situation.places) == count


async def test_a_duplicate_name_is_warned_about_before_saving(sample_app: SampleApp) -> None:
    sample_app.main.go_to("places")
    await burst(sample_app.pilot, "a", *letters("Kabul"))
    form = sample_app.app.screen
    assert isinstance(form, EditEntryScreen)
    status = str(form.query_one("#form-status").render())
    assert "a place named Kabul exists already (id kabul)" in status
    await burst(sample_app.pilot, "backspace")
    assert "exists already" not in str(form.query_one("#form-status").render())
