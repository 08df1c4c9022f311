"""Sources and parties made inline from an entry form, with ctrl+n or the New… button."""

from __future__ import annotations

from textual.widgets import Button, Input, SelectionList

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.fields.refs import PartyField, SourcesField
from sitrep.app.forms.item import ItemFormScreen
from sitrep.model.entries import Party, Source
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost, form, type_into

SIZE = (120, 40)


async def test_new_source_goes_into_new_sources_and_is_cited(sample: Situation) -> None:
    us = sample.evacuations[0]
    app = FormHost(lambda: EditEntryScreen("evacuations", sample, us))
    async with app.run_test(size=SIZE) as pilot:
        outer = form(app)
        form(app).fields["sources"].focus_control()
        await pilot.press("ctrl+n")
        await pilot.pause()
        nested = form(app)
        assert nested is not outer and isinstance(nested, EditEntryScreen)
        assert nested.section == "sources"
        await type_into(pilot, "publisher", "Reuters")
        await type_into(pilot, "title", "US troops land in Kabul")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(app) is outer
        field = outer.fields["sources"]
        assert isinstance(field, SourcesField)
        assert field.chosen[-1] == "reuters"
        ticked = field.query_one(SelectionList).selected
        assert "reuters" in ticked
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert result.new_sources == [
        Source(id="reuters", publisher="Reuters", title="US troops land in Kabul",
               published=sample.header.as_of)
    ]  # fmt: skip
    assert result.entry.sources == [*us.sources, "reuters"]
    assert result.new_parties == []


async def test_two_inline_sources_get_distinct_ids(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("notes", sample))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "text", "Two wires from the same agency.")
        for title in ("One", "Two"):
            form(app).fields["sources"].query_one(".picker-new", Button).press()
            await pilot.pause()
            await type_into(pilot, "publisher", "Reuters")
            await type_into(pilot, "title", title)
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert [s.id for s in result.new_sources] == ["reuters", "reuters-2"]
    assert result.entry.sources == ["reuters", "reuters-2"]


async def test_cancelled_inline_source_adds_nothing(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("notes", sample, sample.notes[0]))
    async with app.run_test(size=SIZE) as pilot:
        form(app).fields["sources"].focus_control()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_into(pilot, "publisher", "Reuters")
        await pilot.press("escape", "y")  # typed in: Escape asks before throwing it away
        await pilot.pause()
        assert isinstance(app.focused, SelectionList)  # back where the user was
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert result.new_sources == [] and result.entry == sample.notes[0]


async def test_sources_filter_and_toggle(sample: Situation) -> None:
    kandahar = next(p for p in sample.places if p.id == "kandahar")
    app = FormHost(lambda: EditEntryScreen("places", sample, kandahar))
    async with app.run_test(size=SIZE) as pilot:
        field = form(app).fields["sources"]
        field.query_one(".sources-filter", Input).focus()
        await pilot.press(*"pentagon", "enter")
        await pilot.pause()
        listed = field.query_one(SelectionList)
        assert listed.option_count == 1 and app.focused is listed
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].entry.sources == [*kandahar.sources, "pentagon"]


async def test_new_party_as_holder_in_a_change_of_control(sample: Situation) -> None:
    app = FormHost(lambda: EditEntryScreen("places", sample))
    async with app.run_test(size=SIZE) as pilot:
        place_form = form(app)
        await type_into(pilot, "name", "Panjshir")
        place_form.fields["control"].focus_control()
        await pilot.press("a")
        await pilot.pause()
        change_form = form(app)
        assert isinstance(change_form, ItemFormScreen)
        change_form.fields["holder"].focus_control()
        await pilot.press("ctrl+n")  # a party made on the spot, two forms deep
        await pilot.pause()
        await type_into(pilot, "name", "National Resistance Front")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(app) is change_form
        holder = change_form.fields["holder"]
        assert isinstance(holder, PartyField) and holder.read() == "national-resistance-front"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(app) is place_form
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert result.new_parties == [
        Party(id="national-resistance-front", name="National Resistance Front")
    ]
    assert result.entry.control[0].holder == "national-resistance-front"


async def test_after_an_inline_source_the_filter_is_cleared_and_focus_is_back(
    sample: Situation,
) -> None:
    from sitrep.app.forms.fields.refs import PICKER_HINT

    app = FormHost(lambda: EditEntryScreen("notes", sample))
    async with app.run_test(size=SIZE) as pilot:
        field = form(app).fields["sources"]
        assert isinstance(field, SourcesField)
        assert PICKER_HINT in str(field.hint()), "the picker says how to tick"
        filter_box = field.query_one(".sources-filter", Input)
        filter_box.focus()
        await pilot.press(*"zzz")  # matches no source: the user then makes one
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_into(pilot, "publisher", "Reuters")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert filter_box.value == ""
        shown = [o.value for o in field.query_one(SelectionList).options]  # type: ignore[attr-defined]
        assert "reuters" in shown
        assert isinstance(app.focused, SelectionList)
