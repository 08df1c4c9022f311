"""Control derived from histories: counts, changes of hands, the state at any date."""

from __future__ import annotations

import datetime as dt

from sitrep.model.derived.control import changed_hands, control_summary, headline_places
from tests.model.build import PARTIES, place, situation

D = dt.date


def test_counts_by_holder_with_contested_apart() -> None:
    s = situation(
        parties=PARTIES,
        places=[
            place("a", {"holder": "gov"}),
            place(
                "b",
                {"holder": "gov"},
                {"date": "2024-05-05", "holder": "rebels", "confidence": "claimed"},
            ),
            place(
                "c",
                {"holder": "gov"},
                {"date": "2024-05-06", "state": "contested", "parties": ["gov", "rebels"]},
            ),
            place(
                "d",
                {"holder": "militia"},
                {"date": "2024-05-07", "state": "besieged", "holder": "militia", "by": ["rebels"]},
            ),
            place("e"),
            place("f", {"state": "unclear"}),
        ],
    )
    summary = control_summary(s)
    gov, militia, rebels = summary.of("gov"), summary.of("militia"), summary.of("rebels")
    assert summary.total == 6 and summary.contested == 1 and summary.unclear == 1
    assert summary.unstated == 1
    assert gov is not None and (gov.held, gov.contested) == (1, 1)
    assert rebels is not None and (rebels.held, rebels.claimed, rebels.contested) == (1, 1, 1)
    assert militia is not None and (militia.held, militia.under_pressure) == (1, 1)
    assert [c.party_id for c in summary.holding] == ["gov", "militia", "rebels"]


def test_counts_at_a_date_use_the_history() -> None:
    s = situation(
        parties=PARTIES,
        places=[
            place("a", {"holder": "gov"}, {"date": "2024-05-08", "holder": "rebels"}),
            place("b", {"holder": "gov"}, {"date": "2024-05-04", "holder": "rebels"}),
        ],
    )
    assert control_summary(s, day=D(2024, 5, 5)).of("rebels").held == 1  # type: ignore[union-attr]
    assert control_summary(s, day=D(2024, 5, 9)).of("rebels").held == 2  # type: ignore[union-attr]
    assert control_summary(s, day=D(2024, 5, 1)).of("gov").held == 2  # type: ignore[union-attr]


def test_a_retracted_claim_stops_counting_from_its_retraction() -> None:
    claim = {
        "date": "2024-05-05",
        "holder": "rebels",
        "confidence": "claimed",
        "retracted": "2024-05-07",
    }
    s = situation(parties=PARTIES, places=[place("a", {"holder": "gov"}, claim)])
    assert control_summary(s, day=D(2024, 5, 6)).of("rebels").held == 1  # type: ignore[union-attr]
    assert control_summary(s).of("gov").held == 1  # type: ignore[union-attr]
    assert s.places[0].holder == "gov"
    assert changed_hands(s, D(2024, 5, 1), D(2024, 5, 10)) == []


def test_only_real_changes_of_holder_are_changes_of_hands() -> None:
    s = situation(
        parties=PARTIES,
        places=[
            # fighting breaks out: not a change of hands
            place(
                "a",
                {"holder": "gov"},
                {"date": "2024-05-05", "state": "contested", "parties": ["gov", "rebels"]},
            ),
            # a claim, then its confirmation: one change
            place(
                "b",
                {"holder": "gov"},
                {"date": "2024-05-05", "holder": "rebels", "confidence": "claimed"},
                {"date": "2024-05-06", "holder": "rebels"},
            ),
            # held, contested, then taken: one change, dated when taken
            place(
                "c",
                {"holder": "gov"},
                {"date": "2024-05-04", "state": "contested", "parties": ["gov", "rebels"]},
                {"date": "2024-05-08", "holder": "rebels"},
            ),
            # a siege: not a change
            place(
                "d",
                {"holder": "gov"},
                {"date": "2024-05-06", "state": "besieged", "holder": "gov", "by": ["rebels"]},
            ),
            # before the period: not in it
            place("e", {"holder": "gov"}, {"date": "2024-04-01", "holder": "rebels"}),
        ],
    )
    found = changed_hands(s, D(2024, 5, 3), D(2024, 5, 10))
    assert [(h.place.id, h.before, h.after, h.change.date) for h in found] == [
        ("b", "gov", "rebels", D(2024, 5, 5)),
        ("c", "gov", "rebels", D(2024, 5, 8)),
    ]


def test_the_headline_kind_is_the_most_common_among_places_with_control() -> None:
    s = situation(
        parties=PARTIES,
        places=[
            place("p1", {"holder": "gov"}, kind="province"),
            place("p2", {"holder": "rebels"}, kind="province"),
            place("airport", {"holder": "gov"}, kind="airport", within="p1"),
            place("c1", kind="city"),
            place("c2", kind="city"),
            place("c3", kind="city"),
        ],
    )
    kind, places = headline_places(s)
    assert kind == "province" and [p.id for p in places] == ["p1", "p2"]
