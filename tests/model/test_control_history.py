"""Control histories: what changed hands, what came under control, since when it is held."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitrep.model.derived.control import (
    changed_hands,
    current_hold,
    gained_control,
    held_since,
)
from sitrep.model.derived.derive import seat_statuses
from sitrep.model.situation import Situation

D = dt.date
START, END = D(2024, 3, 4), D(2024, 3, 10)


def situation(*control: list[dict[str, Any]], seat: bool = False) -> Situation:
    """Parties a (seat 'p0' when asked), b (a's ally) and c; one place per history."""
    return Situation.model_validate(
        {
            "header": {"title": "t", "region": "r", "as_of": END},
            "parties": [
                {"id": "a", "name": "A", **({"seat": "p0"} if seat else {})},
                {"id": "b", "name": "B", "side": "a"},
                {"id": "c", "name": "C"},
            ],
            "places": [
                {"id": f"p{i}", "name": f"P{i}", "lat": 10 + i, "lon": 10, "control": history}
                for i, history in enumerate(control)
            ],
        }
    )


def test_only_a_new_holder_is_a_change_of_hands() -> None:
    s = situation(
        [{"holder": "a"}, {"date": D(2024, 3, 5), "holder": "c"}],
        [{"holder": "a"}, {"date": D(2024, 3, 5), "state": "contested", "parties": ["a", "c"]}],
        [{"holder": "a"}, {"date": D(2024, 3, 6), "state": "besieged", "holder": "a", "by": ["c"]}],
        [
            {"holder": "c", "confidence": "claimed", "date": D(2024, 3, 1)},
            {"holder": "c", "date": D(2024, 3, 6)},
        ],
        [
            {"holder": "a"},
            {"date": D(2024, 3, 6), "holder": "c", "confidence": "claimed", "retracted": END},
        ],
    )
    assert [(h.place.id, h.before, h.after) for h in changed_hands(s, START, END)] == [
        ("p0", "a", "c")
    ]


def test_a_holder_after_a_contested_spell_is_a_change_of_hands() -> None:
    s = situation(
        [
            {"holder": "a"},
            {"date": D(2024, 3, 5), "state": "contested", "parties": ["a", "c"]},
            {"date": D(2024, 3, 7), "holder": "c"},
        ]
    )
    (hand,) = changed_hands(s, START, END)
    assert (hand.before, hand.after, hand.change.date) == ("a", "c", D(2024, 3, 7))
    assert gained_control(s, START, END) == []


def test_control_with_no_earlier_holder_is_a_gain_not_a_change_of_hands() -> None:
    s = situation(
        [{"date": D(2024, 3, 6), "holder": "c", "confidence": "claimed"}],
        [
            {"date": D(2024, 3, 5), "state": "contested", "parties": ["a", "c"]},
            {"date": D(2024, 3, 8), "holder": "a"},
        ],
        [{"date": D(2024, 3, 2), "holder": "c"}],  # before the period
        [{"date": D(2024, 3, 6), "state": "besieged", "holder": "a", "by": ["c"]}],
    )
    assert changed_hands(s, START, END) == []
    assert [(g.place.id, g.holder) for g in gained_control(s, START, END)] == [
        ("p0", "c"),
        ("p1", "a"),
    ]


def test_held_since_skips_confirmations_and_sieges_of_the_same_holder() -> None:
    s = situation(
        [
            {"holder": "a"},
            {"date": D(2024, 3, 5), "holder": "c", "confidence": "claimed"},
            {"date": D(2024, 3, 6), "holder": "c"},
            {"date": D(2024, 3, 8), "state": "besieged", "holder": "c", "by": ["a"]},
        ],
        [{"holder": "a"}, {"date": D(2024, 3, 5), "state": "contested", "parties": ["a", "c"]}],
        [{"holder": "a"}],
    )
    first, contested, undated = s.places
    assert held_since(first) == D(2024, 3, 5)
    assert [c.date for c in current_hold(first)] == [D(2024, 3, 5), D(2024, 3, 6), D(2024, 3, 8)]
    assert held_since(first, D(2024, 3, 4)) is None  # held before records begin
    assert current_hold(contested) == [] and held_since(contested) is None
    assert held_since(undated) is None and len(current_hold(undated)) == 1


def test_a_fallen_seat_fell_when_it_was_taken_not_when_that_was_confirmed() -> None:
    s = situation(
        [
            {"holder": "a"},
            {"date": D(2024, 3, 5), "holder": "c", "confidence": "claimed"},
            {"date": D(2024, 3, 6), "holder": "c"},
        ],
        seat=True,
    )
    (status,) = seat_statuses(s)
    assert (status.state, status.holder, status.since) == ("fallen", "c", D(2024, 3, 5))


def test_the_nearest_hostile_place_skips_allies_and_the_partys_own() -> None:
    s = situation(
        [{"holder": "a"}],  # the seat, at latitude 10
        [{"holder": "a"}],  # 11: its own
        [{"holder": "b"}],  # 12: an ally
        [{"state": "contested", "parties": ["a", "c"]}],  # 13: nobody holds it
        [{"holder": "c"}],  # 14: hostile
        seat=True,
    )
    (status,) = seat_statuses(s)
    assert status.state == "held" and status.nearest is not None
    assert status.nearest.id == "p4"
