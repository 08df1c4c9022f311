"""Date fields read what people type and show the ISO date they read (issue 13)."""

from __future__ import annotations

from pathlib import Path

from sitrep.app.forms.entry import EditEntryScreen
from tests.app.conftest import write_settings
from tests.app.forms.host import type_into
from tests.app.host import SIZE, copy_sample, open_app
from tests.app.keys import burst


async def date_read(tmp_path: Path, typed: str) -> tuple[object, str]:
    app, _ = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await burst(pilot, "3")  # figures & notes: a note's date
        app.screen.query_one("#section-notes").query_one("EntryTable").focus()  # type: ignore[union-attr]
        await burst(pilot, "a")
        form = app.screen
        assert isinstance(form, EditEntryScreen) and form.section == "notes"
        await type_into(pilot, "date", typed)
        field = form.fields["date"]
        return field.read(), str(field.hint())


async def test_day_first_by_default_and_the_iso_date_is_shown(tmp_path: Path) -> None:
    value, hint = await date_read(tmp_path, "12/08/2021")
    assert str(value) == "2021-08-12" and "2021-08-12 · Thursday 12 August 2021" in hint


async def test_a_day_and_month_in_words_take_the_year_of_the_report(tmp_path: Path) -> None:
    value, hint = await date_read(tmp_path, "12 Aug")
    assert str(value) == "2021-08-12" and "2021-08-12" in hint


async def test_month_first_when_the_settings_say_so(tmp_path: Path) -> None:
    write_settings('date_order = "mdy"\n')
    value, _ = await date_read(tmp_path, "12/08/2021")
    assert str(value) == "2021-12-08"
