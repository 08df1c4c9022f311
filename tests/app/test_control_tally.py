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


async def test_a_large_situation_hands_its_tally_over_with_the_edits_made_meanwhile(
    sample_app: SampleApp, monkeypatch: object
) -> None:
    """Above BACKGROUND_LIMIT the tally is made in the figures' thread from a snapshot; edits
    made before it is handed over are applied to it then. The thread is held until they are."""
    import threading

    import pytest

    from sitrep.app.widgets import figures as figures_module
    from sitrep.app.widgets.control_counts import ControlCounts
    from sitrep.model.derived.tally import ControlTally

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    edits_made = threading.Event()

    class HeldTally(ControlTally):
        def __init__(self, places: object = ()) -> None:
            assert edits_made.wait(30), "the edits were never made"
            super().__init__(places)  # type: ignore[arg-type]

    monkeypatch.setattr(figures_module, "BACKGROUND_LIMIT", 5)
    monkeypatch.setattr(figures_module, "ControlTally", HeldTally)
    app, pilot = sample_app.app, sample_app.pilot
    screen = main_screen(app)
    strip = screen.query_one(figures_module.KeyFigures)
    strip.counts = ControlCounts()  # as for a situation just opened
    document = app.document  # type: ignore[attr-defined]
    strip.update_figures(document.situation)  # every card: the tally is made in the thread, held
    s = document.situation
    taliban, government = s.parties[0].id, s.parties[1].id
    for at in (1, 2):
        place = s.places[at]
        holder = government if place.holder == taliban else taliban
        change = ControlChange(date=dt.date(2021, 8, 13), holder=holder, confidence="claimed")
        document.replace(
            "places", at, place.model_copy(update={"control": [*place.control, change]})
        )
    edits_made.set()
    for _ in range(200):
        await pilot.pause(0.02)
        if strip.counts.ready(document.situation) is not None:
            break
    assert strip.counts.ready(document.situation) == control_data(document.situation)
    for _ in range(200):  # the edits' own update, from the tally on the UI thread
        if shown_control(app) == control_data(document.situation):
            break
        await pilot.pause(0.02)
    assert shown_control(app) == control_data(document.situation)
