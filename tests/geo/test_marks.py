"""What the map shows: marks, colours and legend counts (the key figures' counts)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo.labels import Box, Occupancy, around
from sitrep.geo.marks import (
    GLYPHS,
    KIND_NAMES,
    MARK_KINDS,
    NO_COLOR,
    legend_rows,
    map_data,
    mark_kind,
    place_label,
)
from sitrep.geo.palette import PARTY_PALETTE, UNKNOWN_HOLDER_COLOR, holder_color, party_colors
from sitrep.model.derived.control import control_summary, headline_places
from sitrep.model.derived.derive import seat_statuses
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation
from sitrep.yaml.io import load_situation
from tests.paths import TESTS

SITUATIONS = TESTS / "brief" / "situations"


def load(name: str) -> Situation:
    return load_situation(SITUATIONS / f"{name}.yaml")


def test_legend_counts_are_the_key_figures_counts(sample: Situation) -> None:
    rows = legend_rows(sample)
    summary = control_summary(sample, places=headline_places(sample)[1])
    assert [(r.party_id, r.held) for r in rows] == [(c.party_id, c.held) for c in summary.holding]
    assert {r.party_id: r.held for r in rows} == {"taliban": 18, "government": 16}
    assert [r.name for r in rows] == ["Taliban", "Government"]  # short names
    data = map_data(sample, None)
    assert data.summary is not None and data.summary.contested == 0


def test_legend_follows_a_change_of_holder(sample: Situation) -> None:
    balkh = next(p for p in sample.places if p.id == "balkh")
    balkh.control.append(ControlChange(date=dt.date(2021, 8, 13), holder="taliban"))
    assert {r.party_id: r.held for r in legend_rows(sample)} == {"taliban": 19, "government": 15}


def test_every_party_on_the_map_is_in_the_legend_most_places_first() -> None:
    s = load("front-line")
    rows = legend_rows(s)
    assert [(r.party_id, r.held, r.other) for r in rows] == [
        ("gov", 3, 1),
        ("east", 2, 1),
        ("corps", 1, 0),
    ]
    war = legend_rows(load("capital-war"))
    assert [(r.party_id, r.held, r.other) for r in war] == [
        ("army", 1, 2),
        ("brigades", 1, 2),
    ]  # the council holds nothing and is in no place's control


def test_every_sample_place_is_a_mark_with_its_holders_colour(sample: Situation) -> None:
    data = map_data(sample, None)
    assert len(data.marks) == 37 and data.unplaced == 0 and data.total == 37
    colors = party_colors(sample)
    assert colors["taliban"] != colors["government"]
    for mark in data.marks:
        place = sample.places[mark.index]
        assert mark.place_id == place.id
        current = place.current
        assert current is not None
        first = current.holder or current.parties[0]
        assert mark.color == colors[first]
    assert {k: n for k, n in data.kind_counts.items() if n} == {
        "confirmed": 33,
        "reported": 3,
        "seat": 1,
    }


def test_each_state_of_control_has_its_own_mark_and_colours() -> None:
    s = load("front-line")
    data = map_data(s, None)
    colors = party_colors(s)
    kinds = {m.place_id: (m.kind, m.color, m.others) for m in data.marks}
    assert kinds["brent"] == ("contested", colors["east"], (colors["gov"],))
    assert kinds["dunham"] == ("besieged", colors["corps"], (colors["east"],))
    assert kinds["carrow"] == ("partial", colors["gov"], (colors["east"],))
    assert kinds["eston"] == ("unclear", UNKNOWN_HOLDER_COLOR, ())
    assert kinds["fenwick"] == ("reported", colors["east"], ())
    assert kinds["kapital"][0] == kinds["donburg"][0] == "seat"
    labels = {m.place_id: m.label for m in data.marks}
    assert labels["donburg"] == "Donburg (besieged)" and labels["kapital"] == "Kapital"
    assert len(set(GLYPHS.values())) == len(GLYPHS) == len(KIND_NAMES) == len(MARK_KINDS)


def test_a_contested_seat_is_drawn_held_by_no_one() -> None:
    data = map_data(load("capital-war"), None)
    marn = next(m for m in data.marks if m.place_id == "marn")
    assert (marn.kind, marn.color, marn.label) == ("seat", UNKNOWN_HOLDER_COLOR, "Marn (contested)")


def test_a_dissolved_governments_seat_is_no_longer_a_seat_mark() -> None:
    s = load("government-falls")
    data = map_data(s, None)
    vell = next(m for m in data.marks if m.place_id == "vell")
    assert vell.kind == "seat" and vell.label == "Vell City"  # the Movement's seat now
    s.parties = [p for p in s.parties if p.id != "movement"] + [
        p.model_copy(update={"seat": None}) for p in s.parties if p.id == "movement"
    ]
    vell = next(m for m in map_data(s, None).marks if m.place_id == "vell")
    assert vell.kind == "confirmed"


def test_kinds_and_labels() -> None:
    def place(**change: object) -> Place:
        return Place.model_validate(
            {
                "id": "x",
                "name": "Kabul",
                "capital": "Kabul City",
                "control": [change] if change else [],
            }
        )

    assert mark_kind(place(holder="g")) == "confirmed"
    assert mark_kind(place(holder="g", confidence="reported")) == "reported"
    assert mark_kind(place(holder="g", confidence="claimed")) == "claimed"
    assert mark_kind(place(state="contested", parties=["g", "t"])) == "contested"
    assert mark_kind(place(state="encircled", holder="g", by=["t"])) == "besieged"
    assert mark_kind(place(state="unclear")) == "unclear"
    assert mark_kind(place()) == "none"
    assert mark_kind(place(holder="g"), seat=True) == "seat"
    assert place_label(place(holder="g")) == "Kabul City"


def test_the_seat_label_says_when_the_seat_is_not_firmly_held() -> None:
    s = load("government-falls")
    s.parties[0] = s.parties[0].model_copy(update={"status": "active", "status_since": None})
    republic = seat_statuses(s)[0]
    assert republic.state == "fallen"
    assert place_label(republic.seat, republic) == "Vell City (fallen)"


def test_places_without_control_are_plain_marks_and_no_counts() -> None:
    data = map_data(load("flood"), None)
    assert {m.kind for m in data.marks} == {"none"}
    assert data.summary is None and data.legend == [] and data.total == 4
    assert all(m.color == UNKNOWN_HOLDER_COLOR and m.others == () for m in data.marks)


def test_places_without_coordinates_are_counted_not_drawn(sample: Situation) -> None:
    sample.places[0] = sample.places[0].model_copy(update={"lat": None, "lon": None})
    data = map_data(sample, None)
    assert len(data.marks) == 36 and data.unplaced == 1
    assert sum(r.held for r in data.legend) == 34  # the legend counts provinces, drawn or not


def test_no_places_no_outline_means_no_bounds(sample: Situation) -> None:
    sample.places.clear()
    data = map_data(sample, None)
    assert data.bounds is None and data.marks == [] and data.summary is None


def test_palette_is_stable_and_unknown_holders_are_grey(sample: Situation) -> None:
    assert holder_color(sample, "taliban") == PARTY_PALETTE[0]
    assert holder_color(sample, "government") == PARTY_PALETTE[1]
    assert holder_color(sample, "nobody") == UNKNOWN_HOLDER_COLOR
    assert all(c.startswith("#") and len(c) == 7 for c in (*PARTY_PALETTE, NO_COLOR))


def test_occupancy_places_labels_without_overlap() -> None:
    occupancy = Occupancy(Box(0, 0, 100, 100), 10)
    occupancy.take(Box(48, 48, 4, 4))  # a mark at (50, 50)
    first = occupancy.place(around(50, 50, 20, 6, 2, 1))
    assert first == Box(53, 47, 20, 6)  # right of the mark
    second = occupancy.place(around(50, 50, 20, 6, 2, 1))
    assert second is not None and second.x + second.w <= 48  # then left
    assert not second.overlaps(first)


def test_forced_label_takes_the_least_crowded_spot() -> None:
    occupancy = Occupancy(Box(0, 0, 30, 30), 5)
    spots = around(15, 15, 4, 2, 1, 0)
    occupancy.take(Box(0, 0, 30, 30))  # everything is taken once
    occupancy.take(spots[0])  # and the spot to the right twice
    assert occupancy.place(spots) is None
    assert occupancy.place(spots, force=True) == spots[1]  # so the label goes left


@pytest.mark.parametrize("margin", [0.0, 2.0])
def test_labels_stay_on_the_canvas(margin: float) -> None:
    occupancy = Occupancy(Box(0, 0, 50, 50), 10)
    box = occupancy.place(around(48, 25, 10, 4, 1, 1), margin=margin)
    assert box is not None and box.inside(Box(0, 0, 50, 50)) and box.x < 48
