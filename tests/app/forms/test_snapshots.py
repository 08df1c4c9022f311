"""Snapshots of the forms at 120x40, filled from the bundled sample."""

from __future__ import annotations

from typing import Any

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.header import EditHeaderScreen
from sitrep.app.forms.holder import HolderScreen
from sitrep.model.entries import Place
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import load_situation
from tests.app.forms.host import FormHost

SIZE = (120, 40)


def _sample() -> Situation:
    return load_situation(sample_path())


def _kandahar(s: Situation) -> Place:
    return next(p for p in s.places if p.id == "kandahar")


def test_place_form(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("places", s, _kandahar(s)))
    assert snap_compare(app, terminal_size=SIZE)


def test_place_form_with_errors(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("places", s, _kandahar(s)))
    # Id taken by another place, then a latitude past the pole; save is refused.
    keys = ["tab", "ctrl+u", *"kabul", *["tab"] * 7, "ctrl+u", *"95", "ctrl+s"]
    assert snap_compare(app, press=keys, terminal_size=SIZE)


def test_evacuation_form(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("evacuations", s, s.evacuations[0]))
    assert snap_compare(app, terminal_size=SIZE)


def test_control_dialog(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: HolderScreen(s, _kandahar(s)))
    assert snap_compare(app, press=["2"], terminal_size=SIZE)


def test_change_of_control_form(snap_compare: Any) -> None:
    # From Kandahar's form, 'a' on its control history: a change's own form.
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("places", s, _kandahar(s)))
    assert snap_compare(app, press=["tab"] * 10 + ["a", "wait:300"], terminal_size=SIZE)


def test_figure_form(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("figures", s, s.figures[0]))
    assert snap_compare(app, terminal_size=SIZE)


def test_header_form(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditHeaderScreen(s.header))
    assert snap_compare(app, terminal_size=SIZE)


def test_place_form_small_terminal(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("places", s, _kandahar(s)))
    assert snap_compare(app, terminal_size=(80, 24))
