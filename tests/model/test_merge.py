"""Three-way merge of situations: entries, fields, additions, deletions, conflicts, repairs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sitrep.model.comments import Comments, comments_of
from sitrep.model.merging.merge import MergeResult, Stamp, merge
from sitrep.model.situation import Situation
from sitrep.model.validation.problems import cross_entry_problems
from sitrep.yaml.io import dump_situation, parse_situation
from tests.model.desk import BASE, base, edit, entry, setting


def merged(ours: Situation, theirs: Situation, start: Situation | None = None) -> MergeResult:
    result = merge(start or base(), ours, theirs)
    text = dump_situation(result.situation)
    assert parse_situation(text) == result.situation  # valid and canonical, every time
    assert cross_entry_problems(result.situation) == []
    return result


def place(s: Situation, place_id: str) -> Any:
    found = s.place(place_id)
    assert found is not None
    return found


def test_edits_to_different_entries_merge_cleanly() -> None:
    ours = edit(base(), setting("places", "north", name="North"))
    theirs = edit(base(), setting("places", "east", name="East"))
    result = merged(ours, theirs)
    assert result.clean
    assert place(result.situation, "north").name == "North"
    assert place(result.situation, "east").name == "East"


def test_edits_to_different_fields_of_one_entry_merge_cleanly() -> None:
    ours = edit(base(), setting("places", "south", name="South"))
    theirs = edit(base(), setting("places", "south", lat=10.5, lon=20.5, note="Checked."))
    result = merged(ours, theirs)
    assert result.clean
    south = place(result.situation, "south")
    assert (south.name, south.lat, south.lon, south.note) == ("South", 10.5, 20.5, "Checked.")


def test_the_same_change_on_both_sides_is_made_once() -> None:
    ours = edit(base(), setting("places", "south", name="South"))
    result = merged(ours, ours)
    assert result.clean and result.situation == ours


def test_the_same_field_changed_differently_is_a_conflict_that_keeps_ours() -> None:
    ours = edit(base(), setting("places", "north", name="Ours"))
    theirs = edit(base(), setting("places", "north", name="Theirs"))
    result = merged(ours, theirs)
    assert place(result.situation, "north").name == "Ours"
    (conflict,) = result.conflicts
    assert conflict.path == ["places", "north", "name"]
    assert (conflict.base, conflict.ours, conflict.theirs) == ("North City", "Ours", "Theirs")
    assert result.situation.conflicts == [conflict]


def test_a_field_cleared_on_one_side_and_changed_on_the_other_is_absent_in_the_conflict() -> None:
    ours = edit(base(), setting("places", "south", lat=None, lon=None))
    theirs = edit(base(), setting("places", "south", lat=11.0))
    result = merged(ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.path == ["places", "south", "lat"]
    assert (conflict.base, conflict.ours, conflict.theirs) == (10.0, None, 11.0)
    assert place(result.situation, "south").lat is None


def test_entries_added_on_both_sides_are_kept_in_the_order_each_side_put_them() -> None:
    def adding(place_id: str, after: str) -> Any:
        def change(data: dict[str, Any]) -> None:
            at = [p["id"] for p in data["places"]].index(after) + 1
            data["places"].insert(at, {"id": place_id, "name": place_id.title()})

        return change

    ours = edit(base(), adding("west", "north"))
    theirs = edit(base(), adding("centre", "south"))
    result = merged(ours, theirs)
    assert result.clean
    assert [p.id for p in result.situation.places] == ["north", "west", "south", "centre", "east"]


def test_the_same_entry_added_on_both_sides_is_kept_once_or_merged_field_by_field() -> None:
    new = {"id": "west", "name": "West", "kind": "town"}
    ours = edit(base(), lambda d: d["places"].append(dict(new)))
    same = merged(ours, edit(base(), lambda d: d["places"].append(dict(new))))
    assert same.clean and [p.id for p in same.situation.places].count("west") == 1
    theirs = edit(base(), lambda d: d["places"].append({**new, "kind": "city", "note": "New."}))
    result = merged(ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.path == ["places", "west", "kind"]
    assert (conflict.base, conflict.ours, conflict.theirs) == (None, "town", "city")
    assert place(result.situation, "west").note == "New."  # only one side said it: kept


def test_a_deletion_the_other_side_did_not_touch_is_kept() -> None:
    ours = edit(base(), lambda d: d["places"].remove(entry(d, "places", "east")))
    theirs = edit(base(), setting("places", "north", name="North"))
    result = merged(ours, theirs)
    assert result.clean and place(result.situation, "north").name == "North"
    assert result.situation.place("east") is None


@pytest.mark.parametrize("deleted_by", ["ours", "theirs"])
def test_deleting_an_entry_the_other_side_edited_is_a_conflict(deleted_by: str) -> None:
    deleted = edit(base(), lambda d: d["places"].remove(entry(d, "places", "east")))
    edited = edit(base(), setting("places", "east", name="East"))
    ours, theirs = (deleted, edited) if deleted_by == "ours" else (edited, deleted)
    result = merged(ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.path == ["places", "east"]
    assert conflict.base == {"id": "east", "name": "East Port", "kind": "city", "sources": ["s1"]}
    kept = result.situation.place("east")
    if deleted_by == "ours":
        assert kept is None and conflict.ours is None and conflict.theirs["name"] == "East"  # type: ignore[index]
    else:
        assert kept is not None and kept.name == "East" and conflict.theirs is None


def test_evacuations_are_matched_by_actor_without_case() -> None:
    ours = edit(base(), setting("evacuations", "Utopia", actor="UTOPIA"))
    theirs = edit(base(), setting("evacuations", "Utopia", status="under_way"))
    result = merged(ours, theirs)
    assert result.clean
    (evacuation,) = result.situation.evacuations
    assert (evacuation.actor, evacuation.status) == ("UTOPIA", "under_way")


def test_lists_of_text_merge_as_sets() -> None:
    ours = edit(base(), setting("places", "east", sources=["s1", "s2"], aliases=["Port"]))
    theirs = edit(base(), setting("places", "east", sources=["s3"]))
    result = merged(ours, theirs)
    assert result.clean
    east = place(result.situation, "east")
    assert (east.sources, east.aliases) == (["s2", "s3"], ["Port"])


def test_the_header_merges_field_by_field() -> None:
    ours = edit(base(), lambda d: d["header"].update(title="Ours"))
    theirs = edit(base(), lambda d: d["header"].update(produced_by="Night desk"))
    result = merged(ours, theirs)
    assert result.clean
    assert (result.situation.header.title, result.situation.header.produced_by) == (
        "Ours",
        "Night desk",
    )


def test_header_fields_that_do_not_fit_together_keep_ours_with_a_reason() -> None:
    ours = edit(base(), lambda d: d["header"].update(period_start=dt.date(2021, 8, 12)))
    theirs = edit(base(), lambda d: d["header"].update(period_end=dt.date(2021, 8, 10)))
    result = merged(ours, theirs)
    assert [c.path for c in result.conflicts] == [
        ["header", "period_start"],
        ["header", "period_end"],
    ]
    for conflict in result.conflicts:
        assert conflict.reason and "period_start is after period_end" in conflict.reason
    assert result.situation.header == ours.header


def test_a_party_deleted_on_one_side_but_named_on_the_other_is_kept_as_a_conflict() -> None:
    def drop_third(data: dict[str, Any]) -> None:
        data["parties"].remove(entry(data, "parties", "third"))

    def third_takes_east(data: dict[str, Any]) -> None:
        entry(data, "places", "east")["control"] = [{"holder": "third", "sources": ["s3"]}]

    for ours, theirs in ((drop_third, third_takes_east), (third_takes_east, drop_third)):
        result = merged(edit(base(), ours), edit(base(), theirs))
        assert result.situation.party("third") is not None
        (conflict,) = result.conflicts
        assert conflict.path == ["parties", "third"]
        assert (
            conflict.reason and "places[east].control[0].holder still names it" in conflict.reason
        )


def test_places_made_within_each_other_keep_ours_and_both_are_conflicts() -> None:
    ours = edit(base(), setting("places", "north", within="east"))
    theirs = edit(base(), setting("places", "east", within="north"))
    result = merged(ours, theirs)
    assert place(result.situation, "north").within == "east"
    assert place(result.situation, "east").within is None
    assert sorted((c.path, c.ours, c.theirs) for c in result.conflicts) == [
        (["places", "east", "within"], None, "north"),
        (["places", "north", "within"], "east", None),
    ]
    assert all(c.reason and "circle" in c.reason for c in result.conflicts)
    mirrored = merged(theirs, ours)
    assert sorted(c.mirrored().model_dump_json() for c in mirrored.conflicts) == sorted(
        c.model_dump_json() for c in result.conflicts
    )


def test_conflicts_already_in_a_file_are_kept_and_stamps_are_recorded() -> None:
    ours = edit(base(), setting("places", "north", name="Ours"))
    theirs = edit(base(), setting("places", "north", name="Theirs"))
    stamp = Stamp("Ana (main, 1a2b3c4)", "Bo (night, 5d6e7f8)", "2021-08-13T20:00:00+00:00")
    first = merge(base(), ours, theirs, stamp).situation
    (conflict,) = first.conflicts
    assert (conflict.ours_by, conflict.theirs_by, conflict.when) == (
        stamp.ours_by,
        stamp.theirs_by,
        stamp.when,
    )
    later = edit(first, setting("places", "east", name="East"))
    again = merged(later, first, first)
    assert again.clean and again.situation.conflicts == [conflict]


def test_comments_survive_from_the_side_that_changed_them() -> None:
    text = BASE.replace("- id: east\n", "# east comment\n- id: east\n").replace(
        "- id: north\n", "- id: north # north comment\n"
    )
    start = parse_situation(text)
    ours = parse_situation(text.replace("# east comment", "# ours rewrote it"))
    theirs = parse_situation(
        text.replace("name: North City", "name: North")
        + "\n- statement: A new one.\n  by: Them # theirs added\n"
    )
    result = merged(ours, theirs, start)
    assert result.clean
    comments = {p.id: list((comments_of(p) or Comments()).texts()) for p in result.situation.places}
    assert comments == {
        "north": ["# north comment"],
        "south": [],
        "east": ["# ours rewrote it"],
    }
    assert "# theirs added" in dump_situation(result.situation)
    assert place(result.situation, "north").name == "North"
