"""What the map shows: marks, colours and legend counts (the key figures' counts)."""

from __future__ import annotations

import pytest

from sitrep.geo.labels import Box, Occupancy, around
from sitrep.geo.marks import GLYPHS, legend_rows, map_data, mark_kind, place_label
from sitrep.geo.palette import PARTY_PALETTE, UNKNOWN_HOLDER_COLOR, holder_color, party_colors
from sitrep.model.derive import control_summary
from sitrep.model.entries import Place
from sitrep.model.situation import Situation


def test_legend_counts_are_the_control_summary(sample: Situation) -> None:
    rows = legend_rows(sample)
    summary = control_summary(sample)
    assert [(r.party_id, r.held) for r in rows] == [(c.party_id, c.held) for c in summary.parties]
    assert {r.party_id: r.held for r in rows} == {"taliban": 18, "government": 16}
    assert [r.name for r in rows] == ["Taliban", "Government"]  # short names


def test_legend_follows_a_change_of_holder(sample: Situation) -> None:
    i = next(i for i, p in enumerate(sample.territory) if p.id == "balkh")
    sample.territory[i] = sample.territory[i].model_copy(update={"holder": "taliban"})
    assert {r.party_id: r.held for r in legend_rows(sample)} == {"taliban": 19, "government": 15}


def test_every_sample_place_is_a_mark_with_its_holders_colour(sample: Situation) -> None:
    data = map_data(sample, None)
    assert len(data.marks) == 34 and data.unplaced == 0 and data.total == 34
    colors = party_colors(sample)
    assert colors["taliban"] != colors["government"]
    for mark in data.marks:
        place = sample.territory[mark.index]
        assert mark.place_id == place.id
        assert mark.color == colors[place.holder]
    assert data.kind_counts == {
        "confirmed": 31,
        "reported": 0,
        "claimed": 1,
        "contested": 1,
        "seat": 1,
    }


def test_kinds_and_labels() -> None:
    base = {"id": "x", "name": "Kabul", "capital": "Kabul City", "holder": "g"}
    assert mark_kind(Place(**base)) == "confirmed"
    assert mark_kind(Place(**base, confidence="reported")) == "reported"
    assert mark_kind(Place(**base, confidence="claimed")) == "claimed"
    assert mark_kind(Place(**base, control="contested", confidence="claimed")) == "contested"
    seat = Place(**base, seat_of_government=True, control="contested")
    assert mark_kind(seat) == "seat"
    assert place_label(seat) == "Kabul City (contested)"
    assert place_label(Place(**base)) == "Kabul City"
    assert len(set(GLYPHS.values())) == len(GLYPHS)


def test_places_without_coordinates_are_counted_not_drawn(sample: Situation) -> None:
    sample.territory[0] = sample.territory[0].model_copy(update={"lat": None, "lon": None})
    data = map_data(sample, None)
    assert len(data.marks) == 33 and data.unplaced == 1
    assert sum(r.held for r in data.legend) == 34


def test_no_places_no_outline_means_no_bounds(sample: Situation) -> None:
    sample.territory.clear()
    data = map_data(sample, None)
    assert data.bounds is None and data.marks == []


def test_palette_is_stable_and_unknown_holders_are_grey(sample: Situation) -> None:
    assert holder_color(sample, "taliban") == PARTY_PALETTE[0]
    assert holder_color(sample, "government") == PARTY_PALETTE[1]
    assert holder_color(sample, "nobody") == UNKNOWN_HOLDER_COLOR
    assert all(c.startswith("#") and len(c) == 7 for c in PARTY_PALETTE)


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
