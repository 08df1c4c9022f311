"""The place quick action on its own: pick, choose, date, correct, from the keyboard.

The dialog returns the place with a change of control added (or its last change
corrected); the app applies it as one undo step (see tests/app/test_control.py).
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList

from sitrep.app.forms.base import FormResult
from sitrep.app.forms.fields.choice import ChoiceBar
from sitrep.app.forms.holder import HolderScreen
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost, error_of, form, type_into

SIZE = (120, 40)
AS_OF = dt.date(2021, 8, 13)


def get(s: Situation, place_id: str) -> Place:
    return next(p for p in s.places if p.id == place_id)


def added(result: object, before: Place) -> ControlChange:
    """The change the dialog added; everything else about the place is as it was."""
    assert isinstance(result, FormResult) and isinstance(result.entry, Place)
    place = result.entry
    assert place.model_copy(update={"control": before.control}) == before
    assert place.control[:-1] == before.control
    return place.control[-1]


async def test_number_key_picks_the_holder_of_a_change_dated_as_of(sample: Situation) -> None:
    balkh = get(sample, "balkh")
    app = FormHost(lambda: HolderScreen(sample, balkh))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, OptionList)
        assert form(app).query_one("#field-date Input", Input).value == AS_OF.isoformat()
        await pilot.press("1", "enter")
        await pilot.pause()
    [result] = app.results
    assert added(result, balkh) == ControlChange(date=AS_OF, holder="taliban")


async def test_arrows_pick_too(sample: Situation) -> None:
    kandahar = get(sample, "kandahar")
    app = FormHost(lambda: HolderScreen(sample, kandahar))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # from the Taliban (holding it) to the government
        await pilot.pause()
    assert added(app.results[0], kandahar).holder == "government"


async def test_every_field_of_a_change_by_keyboard(sample: Situation) -> None:
    balkh = get(sample, "balkh")
    app = FormHost(lambda: HolderScreen(sample, balkh))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab", "right", "right")  # the state: besieged
        await pilot.pause()
        fields = form(app).fields
        assert fields["holder"].display and fields["by"].display
        fields["holder"].focus_control()
        await pilot.press("2")  # the government is inside...
        fields["by"].focus_control()
        await pilot.press("space")  # ...besieged by the Taliban
        fields["confidence"].focus_control()
        await pilot.press("right", "right")  # claimed
        await type_into(pilot, "according_to", "Taliban spokesman")
        await type_into(pilot, "date", "2021-08-12")
        fields["how"].focus_control()
        await pilot.press("right")  # from 'not known' round to 'fighting'
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert added(app.results[0], balkh) == ControlChange(
        date=dt.date(2021, 8, 12),
        state="besieged",
        holder="government",
        by=["taliban"],
        confidence="claimed",
        according_to="Taliban spokesman",
        how="fighting",
    )


async def test_c_opens_on_the_confidence_with_the_control_as_it_stands(sample: Situation) -> None:
    jowzjan = get(sample, "jowzjan")  # held by the Taliban, reported
    app = FormHost(lambda: HolderScreen(sample, jowzjan, focus="confidence"))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, ChoiceBar) and app.focused.value == "reported"
        await pilot.press("left", "enter")
        await pilot.pause()
    change = added(app.results[0], jowzjan)
    assert (change.holder, change.confidence, change.date) == ("taliban", "confirmed", AS_OF)


async def test_a_bad_date_refuses_enter(sample: Situation) -> None:
    app = FormHost(lambda: HolderScreen(sample, get(sample, "balkh")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await type_into(pilot, "date", "2021-13-01")
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [] and "no such date" in (error_of(app, "date") or "")
        await type_into(pilot, "date", "")
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [] and "give the date" in (error_of(app, "date") or "")
        await pilot.press("escape", "y")  # the date was changed: Escape asks first
        await pilot.pause()
    assert app.results == [None]


async def test_number_keys_type_into_inputs(sample: Situation) -> None:
    balkh = get(sample, "balkh")
    app = FormHost(lambda: HolderScreen(sample, balkh))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await type_into(pilot, "according_to", "2 sources", keys=True)
        assert form(app).fields["holder"].read() == "taliban"
        await pilot.press("enter")
        await pilot.pause()
    assert added(app.results[0], balkh).according_to == "2 sources"


async def test_correcting_the_last_change_keeps_what_the_dialog_does_not_show(
    sample: Situation,
) -> None:
    logar = get(sample, "logar")
    last = logar.control[-1].model_copy(
        update={"time": "18:00", "event": "nsa_overtakes", "note": "Confirmed by the governor."}
    )
    logar = logar.model_copy(update={"control": [*logar.control[:-1], last]})
    sample.places[sample.places.index(get(sample, "logar"))] = logar
    app = FormHost(lambda: HolderScreen(sample, logar))
    async with app.run_test(size=SIZE) as pilot:
        form(app).fields["mode"].focus_control()
        await pilot.press("right")  # 'a correction of the last change'
        await pilot.pause()
        dialog = form(app)
        assert "correct the last change" in dialog.form_title.plain
        assert dialog.fields["date"].read() == last.date
        await type_into(pilot, "according_to", "Provincial council")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [result] = app.results
    assert result.entry.control == [
        *logar.control[:-1],
        last.model_copy(update={"according_to": "Provincial council"}),
    ]


async def test_a_place_without_control_gets_its_first_change(sample: Situation) -> None:
    port = Place(id="port", name="Port", kind="city")
    sample.places.append(port)
    app = FormHost(lambda: HolderScreen(sample, port))
    async with app.run_test(size=SIZE) as pilot:
        assert not form(app).fields["mode"].display, "nothing to correct yet"
        await pilot.press("ctrl+r")  # does nothing
        await pilot.press("2", "enter")
        await pilot.pause()
    assert app.results[0].entry.control == [ControlChange(date=AS_OF, holder="government")]
