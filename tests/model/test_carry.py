"""carry and pair: which old part a new part stands for, and the comments it gets."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model.carry import carry, pair
from sitrep.model.comments import SELF, Comments, comments_of, set_comments
from sitrep.model.entries import ControlChange, Place
from sitrep.model.parts import commented_within, part_at, parts_from_json, parts_to_json
from sitrep.model.situation import Situation


def change(day: int | None, holder: str = "a", **more: object) -> ControlChange:
    date = dt.date(2024, 5, day) if day is not None else None
    return ControlChange.model_validate({"date": date, "holder": holder, **more})


A, B, C = change(None), change(1, "b", sources=["s"]), change(3, "a", how="fighting")


def copies(*changes: ControlChange) -> list[ControlChange]:
    """The same changes as new objects, as a form builds them."""
    return [ControlChange.model_validate(c.model_dump()) for c in changes]


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (copies(A, B, C), {0: 0, 1: 1, 2: 2}),  # rebuilt, nothing changed
        ([*copies(A, B, C), change(4)], {0: 0, 1: 1, 2: 2}),  # one appended
        (copies(B, C), {0: 1, 1: 2}),  # the first deleted
        (copies(A, C), {0: 0, 1: 2}),  # the middle one deleted
        ([*copies(A), change(1, "c", sources=["s"]), *copies(C)], {0: 0, 1: 1, 2: 2}),  # edited
        ([*copies(A, C), change(4, "b", sources=["s"])], {0: 0, 1: 2, 2: 1}),  # moved by date
        ([*copies(A), change(2, "z", how="surrender"), *copies(C)], {0: 0, 1: 1, 2: 2}),
        ([*copies(A), change(2, "z", how="surrender"), change(2, "y"), *copies(C)], {0: 0, 3: 2}),
        ([], {}),
    ],
    ids=[
        "same",
        "appended",
        "first-cut",
        "middle-cut",
        "edited",
        "moved",
        "rewritten",
        "unlike",
        "none",
    ],
)
def test_pair(new: list[ControlChange], expected: dict[int, int]) -> None:
    assert pair([A, B, C], new) == expected


def test_the_same_object_pairs_with_itself_wherever_it_is() -> None:
    assert pair([A, B, C], [C, A]) == {0: 2, 1: 0}


def _place(control: list[ControlChange]) -> Place:
    return Place(id="p", name="P", control=control)


def test_carry_gives_each_part_its_comments_and_leaves_its_arguments_alone() -> None:
    old = _place([change(None), change(1, "b")])
    set_comments(old, Comments({SELF: ("# the place",)}))
    set_comments(old.control[1], Comments({}, {"date": "# the fall"}))
    new = Place.model_validate({**old.model_dump(), "note": "edited"})
    carried = carry(old, new)
    assert carried == new and carried is not new
    assert comments_of(carried) == comments_of(old)
    assert [comments_of(c) for c in carried.control] == [None, comments_of(old.control[1])]
    assert comments_of(new) is None and all(comments_of(c) is None for c in new.control)
    assert carried.control[0] is new.control[0], "a part with nothing to carry is not copied"


def test_carry_keeps_what_the_new_object_brings() -> None:
    old = _place([change(1)])
    set_comments(old.control[0], Comments({}, {"date": "# old"}))
    new = _place([change(1)])
    set_comments(new.control[0], Comments({}, {"date": "# new"}))
    carried = carry(old, new)
    assert carried is new and comments_of(carried.control[0]) == Comments({}, {"date": "# new"})
    assert carry(None, new) is new


def test_parts_are_found_and_reached_by_path(sample: Situation) -> None:
    place = sample.places[0]
    set_comments(place.control[1], Comments({}, {"date": "# here"}))
    assert part_at(sample, ("places", 0, "control", 1)) is place.control[1]
    assert part_at(sample, ("places", 0, "control", 9)) is None
    assert part_at(sample, ("places", 0, "name")) is None
    assert part_at(sample, ("header",)) is sample.header
    assert commented_within(sample) == [(("places", 0, "control", 1), place.control[1])]


def test_part_comments_survive_json_and_damage_is_skipped() -> None:
    old = _place([change(None), change(1, "b")])
    set_comments(old.control[1], Comments({SELF: ("# the fall",)}))
    data = parts_to_json(old)
    assert data == [[["control", 1], {"before": [["", ["# the fall"]]], "beside": []}]]
    new = _place([change(None), change(1, "b")])
    damaged = [*data, [["control", 7], data[0][1]], [["nope"], data[0][1]], ["x"], [[1.5], {}]]
    parts_from_json(new, damaged)
    assert [comments_of(c) for c in new.control] == [None, Comments({SELF: ("# the fall",)})]
    parts_from_json(new, "not a list")
