"""Resolving merge conflicts: ours, theirs, base or an edited value; in the model and a document."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.editing.document import Document
from sitrep.editing.resolve import resolve_in
from sitrep.model.merging.merge import merge
from sitrep.model.merging.resolve import Edited, resolution, resolve, resolve_all
from sitrep.model.merging.unresolved import conflict_findings
from sitrep.model.situation import Situation
from sitrep.model.validation.checks import EditRejected
from sitrep.yaml.io import dump_situation, parse_situation
from tests.model.desk import base, edit, entry, setting


def conflicted() -> Situation:
    """Three conflicts: a name, a deleted place they edited, a control change we deleted."""

    def ours(data: dict[str, Any]) -> None:
        entry(data, "places", "north")["name"] = "Ours"
        data["places"].remove(entry(data, "places", "east"))
        del entry(data, "places", "south")["control"][0]

    def theirs(data: dict[str, Any]) -> None:
        entry(data, "places", "north")["name"] = "Theirs"
        entry(data, "places", "east")["note"] = "Busy port."
        entry(data, "places", "south")["control"][0]["note"] = "Before the offensive."
        entry(data, "places", "south")["control"][1]["note"] = "Taken."

    return merge(base(), edit(base(), ours), edit(base(), theirs)).situation


def test_the_three_conflicts_are_where_the_merge_put_them() -> None:
    s = conflicted()
    assert [c.path for c in s.conflicts] == [
        ["places", "north", "name"],
        ["places", "south", "control", 0],
        ["places", "east"],
    ]


def test_taking_theirs_sets_their_value_and_removes_only_that_conflict() -> None:
    s = conflicted()
    after = resolve(s, 0, "theirs")
    assert after.place("north").name == "Theirs"  # type: ignore[union-attr]
    assert [c.path for c in after.conflicts] == [c.path for c in s.conflicts[1:]]
    assert s.place("north").name == "Ours"  # type: ignore[union-attr]  # the input is untouched


def test_taking_ours_keeps_the_file_and_drops_the_conflict() -> None:
    s = conflicted()
    after = resolve(s, 0, "ours")
    assert after.place("north").name == "Ours"  # type: ignore[union-attr]
    assert len(after.conflicts) == 2


def test_an_edited_value_and_the_base() -> None:
    s = conflicted()
    assert resolve(s, 0, Edited("North Town")).place("north").name == "North Town"  # type: ignore[union-attr]
    assert resolve(s, 0, "base").place("north").name == "North City"  # type: ignore[union-attr]
    with pytest.raises(EditRejected, match="name cannot be left out"):
        resolve(s, 0, Edited(None))


def test_a_deleted_entry_comes_back_with_theirs_and_stays_gone_with_ours() -> None:
    s = conflicted()
    back = resolve(s, 2, "theirs")
    assert back.place("east").note == "Busy port."  # type: ignore[union-attr]
    assert resolve(s, 2, "ours").place("east") is None


def test_putting_back_a_part_moves_the_paths_of_conflicts_after_it() -> None:
    def both_edit_the_later_change(data: dict[str, Any], note: str) -> None:
        entry(data, "places", "south")["control"][1]["note"] = note

    def ours(data: dict[str, Any]) -> None:
        both_edit_the_later_change(data, "ours")
        del entry(data, "places", "south")["control"][0]

    def theirs(data: dict[str, Any]) -> None:
        entry(data, "places", "south")["control"][0]["note"] = "edited"
        both_edit_the_later_change(data, "theirs")

    s = merge(base(), edit(base(), ours), edit(base(), theirs)).situation
    assert [c.path for c in s.conflicts] == [
        ["places", "south", "control", 0],
        ["places", "south", "control", 0, "note"],
    ]
    back = resolve(s, 0, "theirs")
    (left,) = back.conflicts
    assert left.path == ["places", "south", "control", 1, "note"]
    place = back.place("south")
    assert place is not None and [c.note for c in place.control] == ["edited", "ours"]
    assert resolve(back, 0, "theirs").place("south").control[1].note == "theirs"  # type: ignore[union-attr]


def test_resolving_everything_with_one_side_gives_that_sides_values() -> None:
    s = conflicted()
    theirs = resolve_all(s, "theirs")
    assert theirs.conflicts == []
    assert theirs.place("north").name == "Theirs"  # type: ignore[union-attr]
    assert theirs.place("east") is not None
    assert [c.note for c in theirs.place("south").control] == ["Before the offensive.", "Taken."]  # type: ignore[union-attr]
    ours = resolve_all(s, "ours")
    assert ours.place("east") is None and ours.place("north").name == "Ours"  # type: ignore[union-attr]
    for resolved in (ours, theirs):
        assert parse_situation(dump_situation(resolved)) == resolved


def test_a_choice_that_would_break_the_file_is_refused_and_changes_nothing() -> None:
    def drop_third(data: dict[str, Any]) -> None:
        data["parties"].remove(entry(data, "parties", "third"))

    named = edit(base(), setting("places", "east", control=[{"holder": "third"}]))
    s = merge(base(), edit(base(), drop_third), named).situation
    (conflict,) = s.conflicts
    assert conflict.path == ["parties", "third"]
    with pytest.raises(EditRejected, match="unknown party 'third'"):
        resolve(s, 0, "ours")
    assert resolve(s, 0, "theirs").party("third") is not None


def test_a_conflict_whose_entry_is_gone_says_so() -> None:
    s = conflicted()
    gone = s.model_copy(update={"places": [p for p in s.places if p.id != "north"]})
    with pytest.raises(EditRejected, match="no longer in the file"):
        resolve(gone, 0, "theirs")


def test_resolving_in_a_document_is_one_undo_step() -> None:
    s = conflicted()
    doc = Document(s)
    before = dump_situation(s)
    resolve_in(doc, [(0, "theirs"), (2, "theirs")])
    assert doc.situation.place("north").name == "Theirs"  # type: ignore[union-attr]
    assert [c.path for c in doc.situation.conflicts] == [["places", "south", "control", 0]]
    doc.undo()
    assert dump_situation(doc.situation) == before


def test_steps_are_the_ones_a_document_makes() -> None:
    s = conflicted()
    steps = resolution(s, [(2, "theirs")])
    assert [(step.section, step.before is None, step.after is None) for step in steps] == [
        ("places", True, False),
        ("conflicts", False, True),
    ]


def test_check_names_each_conflict_at_its_value() -> None:
    s = conflicted()
    found = conflict_findings(s)
    # the place we deleted is not in the file: the error points at its conflict
    assert [f.path for f in found] == [
        ("places", 0, "name"),
        ("places", 1, "control", 0),
        ("conflicts", 2),
    ]
    assert found[0].message.startswith(
        "unresolved merge conflict at places[0].name (place north): ours 'Ours', theirs 'Theirs'; "
    )
    assert "this change was deleted on one side and edited on the other" in found[1].message
