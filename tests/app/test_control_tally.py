"""The control card after edits, undo and redo: counts kept place by place equal a recount."""

from __future__ import annotations

import datetime as dt

from sitrep.app.widgets.figure_cards import control_data
from sitrep.app.widgets.figures import FigureCard
from sitrep.model.entries import ControlChange
from tests.app.conftest import SampleApp
from tests.app.host import main_screen


def shown_control(app: object) -> object:
    card = main_screen(app).query_one("#figure-control", FigureCard)
    assert card._shown is not None
    return card._shown[1]


async def test_the_control_card_follows_edits_undo_and_redo(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    document = app.document  # type: ignore[attr-defined]
    s = document.situation
    before = control_data(s)
    assert shown_control(app) == before
    taliban, government = s.parties[0].id, s.parties[1].id
    for at in (0, 3, 5):  # three provinces change hands, one edit each
        place = s.places[at]
        holder = government if place.holder == taliban else taliban
        change = ControlChange(date=dt.date(2021, 8, 13), holder=holder, confidence="reported")
        document.replace(
            "places", at, place.model_copy(update={"control": [*place.control, change]})
        )
        await pilot.pause()
        assert shown_control(app) == control_data(document.situation)
    changed = shown_control(app)
    assert changed != before, "the edits changed the counts"
    for _ in range(3):
        document.undo()
    await pilot.pause()
    assert shown_control(app) == before == control_data(document.situation)
    document.redo()
    await pilot.pause()
    assert shown_control(app) == control_data(document.situation)
