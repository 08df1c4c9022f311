"""The entry forms: adding every kind of entry, editing with bad values, cancelling."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import OptionList, Select

from sitrep.app.forms.base import FormResult
from sitrep.app.forms.entry import EditEntryScreen
from sitrep.model.entries import (
    Assessment,
    Displacement,
    Evacuation,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.figure import Figure
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost, error_of, form, type_into

SIZE = (120, 40)
AS_OF = dt.date(2021, 8, 13)


def place(s: Situation, place_id: str) -> Place:
    return next(p for p in s.territory if p.id == place_id)


async def test_add_party_suggests_id_from_name(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("parties", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "name", "Northern Alliance", keys=True)
        await type_into(pilot, "short", "NA")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert isinstance(result, FormResult)
    assert result.entry == Party(id="northern-alliance", name="Northern Alliance", short="NA")
    assert result.new_sources == [] and result.new_parties == []


async def test_add_source_with_kind_in_words(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("sources", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "publisher", "CNN")
        await type_into(pilot, "title", "Herat falls")
        kind = form(app).fields["kind"].query_one(Select)
        options = kind.query_one(OptionList).options  # what the Select drops down
        assert [str(option.prompt) for option in options][:4] == [
            "official",
            "party statement",
            "media",
            "UN/NGO",
        ]
        kind.value = "un_ngo"
        await pilot.press("f2")
        await pilot.pause()
    [result] = app.results
    entry = result.entry
    assert isinstance(entry, Source)
    # 'cnn' is free in the sample but a second CNN source must not reuse an id.
    assert entry.id not in {s.id for s in sample.sources}
    assert entry.id.startswith("cnn")
    assert (entry.publisher, entry.title, entry.kind) == ("CNN", "Herat falls", "un_ngo")
    assert entry.published == AS_OF


async def test_add_place(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("territory", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "name", "Test Province")
        await type_into(pilot, "aliases", "Testia,  Province T ,")
        await type_into(pilot, "lat", "31.5")
        await type_into(pilot, "lon", "65.25")
        await pilot.press("ctrl+s")  # no holder yet: refused
        await pilot.pause()
        assert app.results == []
        assert error_of(app, "holder") == "required"
        form(app).fields["holder"].query_one(Select).value = "government"
        await pilot.pause()
        assert error_of(app, "holder") is None
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert isinstance(entry, Place)
    assert entry.id == "test-province"
    assert entry.aliases == ["Testia", "Province T"]
    assert (entry.lat, entry.lon, entry.holder, entry.since) == (31.5, 65.25, "government", AS_OF)


async def test_add_evacuation_reads_figure(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("evacuations", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "country", "Iceland")
        await type_into(pilot, "troops", "at least 389,645", keys=True)
        reading = form(app).fields["troops"].query_one(".figure-reading")
        assert str(reading.content) == "→ at least 389,645"  # type: ignore[attr-defined]
        form(app).fields["embassy"].query_one(Select).value = "temporarily_closed"
        await type_into(pilot, "wording", "We are leaving.\nAll of us.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert isinstance(entry, Evacuation)
    assert entry.troops == Figure("at_least", 389_645, None)
    assert entry.embassy == "temporarily_closed"
    assert entry.wording == "We are leaving.\nAll of us."
    assert entry.announced == AS_OF


async def test_add_displacement(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("displacement", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "counted", "IDPs")
        await type_into(pilot, "area", "Kandahar")
        await type_into(pilot, "figure", "100k-200k")
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert isinstance(entry, Displacement)
    assert entry.id == "idps-kandahar"
    assert entry.figure == Figure("range", 100_000, 200_000)
    assert (entry.as_of, entry.since, entry.measure) == (AS_OF, None, "stock")


async def test_add_note_and_assessment(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("notes", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "text", "Clinics closed in Herat.")
        await type_into(pilot, "tags", "health, herat")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].entry == Note(
        date=AS_OF, text="Clinics closed in Herat.", tags=["health", "herat"]
    )
    app = FormHost(lambda: EditEntryScreen("outlook", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "statement", "Kabul could be isolated within 30 days.")
        await type_into(pilot, "by", "US intelligence")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].entry == Assessment(
        statement="Kabul could be isolated within 30 days.", by="US intelligence", made_on=AS_OF
    )


async def test_defaults_fill_a_new_entry(sample: Situation) -> None:
    app = FormHost(
        lambda: EditEntryScreen("territory", sample, defaults={"holder": "taliban", "id": "x1"})
    )
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "name", "Somewhere")
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert (entry.id, entry.holder) == ("x1", "taliban")  # a given id is not replaced


@pytest.mark.parametrize(
    ("name", "bad", "message", "good", "stored"),
    [
        ("since", "2021-02-30", "no such date", "2021-08-10", dt.date(2021, 8, 10)),
        ("since", "13/08/2021", "YYYY-MM-DD", "", None),
        ("lat", "95", "less than or equal to 90", "31.6", 31.6),
        ("lat", "north", "a number", "31.6", 31.6),
        ("id", "kabul", "already used", "kandahar-city", "kandahar-city"),
        ("id", "Kabul", "already used", "kandahar-2", "kandahar-2"),
        ("id", "kan dahar", "letters, digits", "kandahar", "kandahar"),
        ("name", "   ", "required", "Qandahar", "Qandahar"),
    ],
)
async def test_edit_place_refuses_invalid_values(
    sample: Situation, name: str, bad: str, message: str, good: str, stored: object
) -> None:
    kandahar = place(sample, "kandahar")
    app = FormHost(lambda: EditEntryScreen("territory", sample, kandahar))
    async with app.run_test(size=SIZE) as pilot:
        assert error_of(app, name) is None
        await type_into(pilot, name, bad)
        shown = error_of(app, name)
        assert shown is not None and message in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [] and isinstance(app.screen, EditEntryScreen)
        assert app.focused is not None and form(app).fields[name] in app.focused.ancestors
        await type_into(pilot, name, good)
        assert error_of(app, name) is None
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert getattr(result.entry, name) == stored
    assert result.entry.model_copy(update={name: getattr(kandahar, name)}) == kandahar


async def test_bad_figure_shows_error_and_blocks_saving(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("evacuations", sample, sample.evacuations[0]))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "troops", "lots")
        reading = form(app).fields["troops"].query_one(".figure-reading")
        assert "cannot read 'lots'" in str(reading.content)  # type: ignore[attr-defined]
        assert reading.has_class("-error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        await type_into(pilot, "troops", "undisclosed")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].entry.troops == Figure("undisclosed")


async def test_latitude_needs_longitude(sample: Situation) -> None:
    kandahar = place(sample, "kandahar")
    app = FormHost(lambda: EditEntryScreen("territory", sample, kandahar))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "lon", "")
        assert "both latitude and longitude" in (error_of(app, "lon") or "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []


async def test_second_seat_of_government_is_refused(sample: Situation) -> None:
    kandahar = place(sample, "kandahar")
    app = FormHost(lambda: EditEntryScreen("territory", sample, kandahar))
    async with app.run_test(size=SIZE) as pilot:
        form(app).fields["seat_of_government"].focus_control()
        await pilot.press("space")
        await pilot.pause()
        assert "already the seat of government" in (error_of(app, "seat_of_government") or "")


async def test_editing_an_unchanged_copy_saves(sample: Situation) -> None:
    # The shell may pass a copy of the entry: its own id is not a duplicate.
    copy = place(sample, "kandahar").model_copy()
    app = FormHost(lambda: EditEntryScreen("territory", sample, copy))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].entry == copy


@pytest.mark.parametrize("section", ["territory", "evacuations", "notes"])
async def test_escape_returns_none(sample: Situation, section: str) -> None:
    entry = getattr(sample, section)[0]
    app = FormHost(lambda: EditEntryScreen(section, sample, entry))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        first = next(iter(form(app).fields))
        await type_into(pilot, first, "changed")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert getattr(sample, section)[0] is entry


async def test_new_form_is_not_red_until_saved(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("territory", sample))
    async with app.run_test(size=SIZE) as pilot:
        status = form(app).query_one("#form-status")
        assert error_of(app, "name") is None and not status.has_class("-invalid")
        assert "to fill in: Name, Id, Holder" in str(status.content)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(app, "name") == "required" and status.has_class("-invalid")
        assert app.focused is not None and form(app).fields["name"] in app.focused.ancestors
