"""The territory quick action: pick a holder, confidence and since from the keyboard."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList

from sitrep.app.forms.choice import ChoiceBar
from sitrep.app.forms.holder import HolderScreen
from sitrep.model.entries import Place
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost, error_of, type_into

SIZE = (120, 40)


def kandahar(s: Situation) -> Place:
    return next(p for p in s.territory if p.id == "kandahar")


async def test_number_key_picks_holder_and_since_follows_as_of(sample: Situation) -> None:
    place = kandahar(sample)
    assert place.holder == "taliban" and place.since != sample.header.as_of
    app = FormHost(lambda: HolderScreen(sample, place))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, OptionList)
        await pilot.press("2")
        await pilot.pause()
        since = app.screen.query_one("#field-since Input", Input)
        assert since.value == sample.header.as_of.isoformat()
        await pilot.press("1")  # back to the holder it had: since comes back too
        await pilot.pause()
        assert since.value == place.since.isoformat()  # type: ignore[union-attr]
        await pilot.press("2", "enter")
        await pilot.pause()
    [result] = app.results
    assert isinstance(result, Place)
    assert (result.holder, result.since, result.how) == (
        "government",
        sample.header.as_of,
        "unknown",
    )
    unchanged = {"holder": "taliban", "since": place.since, "how": place.how}
    assert result.model_copy(update=unchanged) == place


async def test_arrows_and_enter(sample: Situation) -> None:
    app = FormHost(lambda: HolderScreen(sample, kandahar(sample)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results[0].holder == "government"


async def test_since_typed_by_hand_is_kept(sample: Situation) -> None:
    app = FormHost(lambda: HolderScreen(sample, kandahar(sample)))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "since", "2021-08-10", keys=True)
        app.screen.fields["holder"].focus_control()  # type: ignore[attr-defined]
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    [result] = app.results
    assert result.holder == "government" and result.since == dt.date(2021, 8, 10)


async def test_focus_confidence_and_change_it(sample: Situation) -> None:
    place = kandahar(sample)
    app = FormHost(lambda: HolderScreen(sample, place, focus="confidence"))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, ChoiceBar) and app.focused.value == "confirmed"
        await pilot.press("right", "right")
        await pilot.pause()
        await type_into(pilot, "according_to", "Taliban spokesman")
        await pilot.press("enter")
        await pilot.pause()
    [result] = app.results
    assert (result.holder, result.confidence, result.according_to) == (
        "taliban",
        "claimed",
        "Taliban spokesman",
    )
    assert result.since == place.since  # the holder did not change


async def test_bad_since_refuses_enter(sample: Situation) -> None:
    app = FormHost(lambda: HolderScreen(sample, kandahar(sample)))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "since", "2021-13-01")
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [] and "no such date" in (error_of(app, "since") or "")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_number_keys_type_into_inputs(sample: Situation) -> None:
    app = FormHost(lambda: HolderScreen(sample, kandahar(sample)))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "according_to", "2 sources", keys=True)
        holder = app.screen.fields["holder"]  # type: ignore[attr-defined]
        assert holder.read() == "taliban"
        await pilot.press("enter")
        await pilot.pause()
    assert app.results[0].according_to == "2 sources"
