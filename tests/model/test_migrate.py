"""Version 1 situations become version 2 ones that say the same, losslessly."""

from __future__ import annotations

import datetime as dt

from sitrep.model.derived.control import control_summary
from sitrep.model.v1.migrate import migrate
from sitrep.model.v1.situation import Situation as V1Situation
from sitrep.model.validation.problems import cross_entry_problems

V1 = {
    "sitrep": 1,
    "header": {"title": "T", "region": "R", "as_of": dt.date(2021, 8, 13)},
    "parties": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "short": "Bee"}],
    "sources": [{"id": "s", "publisher": "P"}],
    "territory": [
        {"id": "x", "name": "X", "holder": "a", "seat_of_government": True, "lat": 1.0, "lon": 2.0},
        {
            "id": "y",
            "name": "Y",
            "capital": "Why",
            "holder": "b",
            "confidence": "claimed",
            "according_to": "B's spokesman",
            "since": dt.date(2021, 8, 12),
            "how": "fighting",
            "sources": ["s"],
        },
        {"id": "z", "name": "Z", "holder": "b", "control": "contested"},
    ],
    "evacuations": [
        {"country": "Somestate", "troops": "about 600", "embassy": "reduced", "sources": ["s"]}
    ],
    "displacement": [
        {
            "id": "d",
            "counted": "IDPs",
            "figure": "unknown",
            "area": "R",
            "as_of": dt.date(2021, 8, 8),
            "sources": ["s"],
        }
    ],
}


def test_a_v1_situation_migrates_field_by_field() -> None:
    new = migrate(V1Situation.model_validate(V1))
    assert new.sitrep == 2
    assert new.party("a").seat == "x"  # type: ignore[union-attr]
    y = new.place("y")
    assert y is not None and y.capital == "Why" and len(y.control) == 1
    change = y.control[0]
    assert (change.date, change.holder, change.confidence, change.how) == (
        dt.date(2021, 8, 12),
        "b",
        "claimed",
        "fighting",
    )
    assert change.according_to == "B's spokesman" and change.sources == ["s"]
    z = new.place("z")
    assert z is not None and z.state == "contested" and z.holder is None
    assert z.control[0].parties == ["b"]
    evacuation = new.evacuations[0]
    assert (evacuation.actor, evacuation.status, str(evacuation.troops)) == (
        "Somestate",
        "announced",
        "about 600",
    )
    figure = new.figures[0]
    assert figure.topic == "displacement" and figure.latest.value.kind == "unknown"
    assert cross_entry_problems(new) == []


def test_v1_control_counts_survive_migration() -> None:
    new = migrate(V1Situation.model_validate(V1))
    summary = control_summary(new)
    assert (summary.of("a").held, summary.of("b").held, summary.contested) == (1, 1, 1)  # type: ignore[union-attr]
