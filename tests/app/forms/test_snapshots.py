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
    return next(p for p in s.territory if p.id == "kandahar")


def test_place_form(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("territory", s, _kandahar(s)))
    assert snap_compare(app, terminal_size=SIZE)


def test_place_form_with_errors(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("territory", s, _kandahar(s)))
    # Id taken by another place, then an impossible date; save is refused.
    keys = ["tab", "ctrl+u", *"kabul", *["tab"] * 12, "ctrl+u", *"2021-02-30", "ctrl+s"]
    assert snap_compare(app, press=keys, terminal_size=SIZE)


def test_evacuation_form(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("evacuations", s, s.evacuations[0]))
    assert snap_compare(app, terminal_size=SIZE)


def test_holder_picker(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: HolderScreen(s, _kandahar(s)))
    assert snap_compare(app, press=["2"], terminal_size=SIZE)


def test_header_form(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditHeaderScreen(s.header))
    assert snap_compare(app, terminal_size=SIZE)


def test_place_form_small_terminal(snap_compare: Any) -> None:
    s = _sample()
    app = FormHost(lambda: EditEntryScreen("territory", s, _kandahar(s)))
    assert snap_compare(app, terminal_size=(80, 24))
