"""Forms that close, or an app that quits, while a form is still being built.

A form's widgets are composed one after another; if the app quits (a signal, the
end of a test) or the form is dismissed before a field's own control is mounted,
Textual still sends that field its Mount event, with no control inside. Nothing
may crash then: the fields, the form and the figure input check first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from sitrep.app.forms.base import FormScreen
from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.header import EditHeaderScreen
from sitrep.model.sections import SECTIONS
from sitrep.model.situation import Situation
from tests.app.forms.host import FormHost

SIZE = (120, 40)


def _forms(sample: Situation) -> dict[str, Callable[[], Screen[Any]]]:
    forms: dict[str, Callable[[], Screen[Any]]] = {
        section: (lambda s=section: EditEntryScreen(s, sample)) for section in SECTIONS
    }
    forms["edit-evacuation"] = lambda: EditEntryScreen("evacuations", sample, sample.evacuations[0])
    forms["header"] = lambda: EditHeaderScreen(sample.header)
    return forms


def _in_a_form(widget: Widget) -> bool:
    return any(isinstance(node, FormScreen) for node in widget.ancestors_with_self)


class QuitWhileBuilding:
    """Counts the widgets a form composes; quits the app while composing the n-th."""

    def __init__(self, quit_at: int | None = None) -> None:
        self.quit_at = quit_at
        self.kinds: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        original = Widget.on_event

        async def on_event(widget: Widget, event: events.Event) -> None:
            if isinstance(event, events.Compose) and _in_a_form(widget):  # before it composes
                self.kinds.append(type(widget).__name__)
                if len(self.kinds) == self.quit_at:
                    widget.app.exit()  # as a signal or the end of a pilot test would
            await original(widget, event)

        monkeypatch.setattr(Widget, "on_event", on_event)


def _first_of_each_kind(kinds: list[str]) -> Iterator[int]:
    seen: set[str] = set()
    for number, kind in enumerate(kinds, start=1):
        if kind not in seen:
            seen.add(kind)
            yield number


@pytest.mark.parametrize("which", [*SECTIONS, "edit-evacuation", "header"])
async def test_quitting_while_a_form_is_built_does_not_crash(
    sample: Situation, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    make = _forms(sample)[which]
    survey = QuitWhileBuilding()
    with monkeypatch.context() as patch:
        survey.install(patch)
        app = FormHost(make)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
    quit_points = list(_first_of_each_kind(survey.kinds))
    assert len(quit_points) > 5, survey.kinds
    for quit_at in quit_points:  # the first widget of each kind: a field, a Select, a figure...
        quitter = QuitWhileBuilding(quit_at)
        with monkeypatch.context() as patch:
            quitter.install(patch)
            app = FormHost(make)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
        kind = quitter.kinds[quit_at - 1]
        assert app.return_code == 0, f"{which}: crashed quitting while building a {kind}"
