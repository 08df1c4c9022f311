"""The entry forms: adding every kind of entry, editing with bad values, cancelling."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import OptionList, Select

from sitrep.app.forms.base import FormResult
from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.item import ItemFormScreen
from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import (
    Assessment,
    ControlChange,
    Evacuation,
    FigureEntry,
    FigurePoint,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost, error_of, form, type_into

SIZE = (120, 40)
AS_OF = dt.date(2021, 8, 13)


def place(s: Situation, place_id: str) -> Place:
    return next(p for p in s.places if p.id == place_id)


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


async def test_add_place_with_its_first_change_of_control(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("places", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "name", "Test Province")
        await type_into(pilot, "aliases", "Testia,  Province T ,")
        form(app).fields["kind"].query_one(Select).value = "province"
        await type_into(pilot, "within", "kandahar")
        assert "→ Kandahar (province)" in str(form(app).fields["within"].hint())
        await type_into(pilot, "lat", "31.5")
        await type_into(pilot, "lon", "65.25")
        form(app).fields["control"].focus_control()
        await pilot.press("a")  # a change of control, in its own form
        await pilot.pause()
        item = app.screen
        assert isinstance(item, ItemFormScreen)
        assert item.fields["date"].read() == AS_OF
        item.fields["holder"].query_one(Select).value = "government"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditEntryScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert isinstance(entry, Place)
    assert (entry.id, entry.kind, entry.within) == ("test-province", "province", "kandahar")
    assert entry.aliases == ["Testia", "Province T"]
    assert (entry.lat, entry.lon) == (31.5, 65.25)
    assert entry.control == [ControlChange(date=AS_OF, holder="government")]


async def test_add_evacuation_reads_figures_and_ticks_means(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("evacuations", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "actor", "Iceland")
        form(app).fields["status"].query_one(Select).value = "under_way"
        await type_into(pilot, "evacuees", "about 40")
        await type_into(pilot, "troops", "at least 389,645", keys=True)
        reading = form(app).fields["troops"].query_one(".figure-reading")
        assert str(reading.content) == "→ at least 389,645"  # type: ignore[attr-defined]
        form(app).fields["means"].focus_control()
        await pilot.press("space", "down", "down", "space")  # air and land
        form(app).fields["embassy"].query_one(Select).value = "temporarily_closed"
        await type_into(pilot, "wording", "We are leaving.\nAll of us.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert isinstance(entry, Evacuation)
    assert (entry.actor, entry.status, entry.means) == ("Iceland", "under_way", ["air", "land"])
    assert entry.evacuees == Figure.parse("about 40")
    assert entry.troops == Figure.parse("at least 389,645")
    assert entry.embassy == "temporarily_closed"
    assert entry.wording == "We are leaving.\nAll of us."
    assert entry.announced == AS_OF


async def test_add_figure_needs_a_value(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("figures", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "counted", "IDPs")
        await type_into(pilot, "area", "Kandahar")
        form(app).fields["topic"].query_one(Select).value = "displacement"
        await pilot.press("ctrl+s")  # no value yet: refused, the values field says so
        await pilot.pause()
        assert app.results == [] and "add at least one" in (error_of(app, "series") or "")
        assert app.focused is not None and form(app).fields["series"] in app.focused.ancestors
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ItemFormScreen)
        await type_into(pilot, "value", "100k-200k")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert isinstance(entry, FigureEntry)
    assert (entry.id, entry.topic, entry.measure) == ("idps-kandahar", "displacement", "stock")
    assert entry.series == [
        FigurePoint(as_of=FuzzyDate(AS_OF, "day"), value=Figure.parse("100k-200k"))
    ]


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
    app = FormHost(lambda: EditEntryScreen("places", sample, defaults={"kind": "city", "id": "x1"}))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "name", "Somewhere")
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = app.results[0].entry
    assert (entry.id, entry.kind, entry.control) == ("x1", "city", [])  # the given id is kept


@pytest.mark.parametrize(
    ("name", "bad", "message", "good", "stored"),
    [
        ("checked", "2021-02-30", "no such date", "2021-08-10", dt.date(2021, 8, 10)),
        ("checked", "32/08/2021", "no such date", "", None),
        ("checked", "last week", "a date such as", "12 Aug 2021", dt.date(2021, 8, 12)),
        ("within", "nowhere", "no place has the id", "", None),
        ("within", "kandahar", "within itself", "", None),
        ("lat", "95", "less than or equal to 90", "31.6", 31.6),
        ("lat", "north", "a number", "31.6", 31.6),
        ("id", "kabul", "already used", "kandahar", "kandahar"),
        ("id", "Kabul", "already used", "kandahar", "kandahar"),
        ("id", "qandahar", "its id cannot change", "kandahar", "kandahar"),  # within it
        ("id", "kan dahar", "letters, digits", "kandahar", "kandahar"),
        ("name", "   ", "required", "Qandahar", "Qandahar"),
    ],
)
async def test_edit_place_refuses_invalid_values(
    sample: Situation, name: str, bad: str, message: str, good: str, stored: object
) -> None:
    kandahar = place(sample, "kandahar")
    app = FormHost(lambda: EditEntryScreen("places", sample, kandahar))
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
    app = FormHost(lambda: EditEntryScreen("places", sample, kandahar))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "lon", "")
        assert "both latitude and longitude" in (error_of(app, "lon") or "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []


async def test_editing_an_unchanged_copy_saves(sample: Situation) -> None:
    # The shell may pass a copy of the entry: its own id is not a duplicate.
    copy = place(sample, "kandahar").model_copy()
    app = FormHost(lambda: EditEntryScreen("places", sample, copy))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].entry == copy


@pytest.mark.parametrize("section", ["places", "evacuations", "notes"])
async def test_escape_returns_none(sample: Situation, section: str) -> None:
    entry = getattr(sample, section)[0]
    app = FormHost(lambda: EditEntryScreen(section, sample, entry))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        first = next(iter(form(app).fields))
        await type_into(pilot, first, "changed")
        await pilot.press("escape")  # asks first: what was typed would be lost
        await pilot.pause()
        assert app.results == []
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [None]
    assert getattr(sample, section)[0] is entry


async def test_new_form_is_not_red_until_saved(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("places", sample))
    async with app.run_test(size=SIZE) as pilot:
        status = form(app).query_one("#form-status")
        assert error_of(app, "name") is None and not status.has_class("-invalid")
        assert "to fill in: Name, Id" in str(status.content)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(app, "name") == "required" and status.has_class("-invalid")
        assert app.focused is not None and form(app).fields["name"] in app.focused.ancestors
