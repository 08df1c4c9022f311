"""Properties of the merge over random situations and random edit sequences.

- non-overlapping edits (one side edits places, the other notes and the title;
  or each side different fields of the same places) merge to both applied;
- merging is symmetric: with ours and theirs swapped, the conflicts are the
  same ones mirrored, and taking their side everywhere on one gives what
  taking our side everywhere gives on the other;
- whatever the edits, the result is a valid situation that loads back as is.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sitrep.editing.document import Document, EditRejected
from sitrep.model.merging.merge import MergeResult, merge
from sitrep.model.merging.resolve import resolve_all
from sitrep.model.situation import Situation
from sitrep.model.validation.checks import EditRejected as Refused
from sitrep.model.validation.problems import cross_entry_problems
from sitrep.yaml.io import dump_situation, parse_situation
from tests.strategies import situations, text
from tests.yaml.test_fuzz import FUZZ, _apply

Ops = list[tuple[str, str, int, st.DataObject]]


def edits(sections: list[str], ops: list[str]) -> st.SearchStrategy[Ops]:
    return st.lists(
        st.tuples(st.sampled_from(ops), st.sampled_from(sections), st.integers(0, 50), st.data()),
        max_size=12,
    )


PLACE_EDITS = edits(["places"], ["add", "replace", "delete", "undo", "redo"])
NOTE_EDITS = edits(["notes"], ["add", "replace", "delete", "undo", "redo", "header", "group"])
ANY_EDITS = edits(
    ["parties", "sources", "places", "notes"],
    ["add", "replace", "delete", "undo", "redo", "header", "group"],
)


def edited(base: Situation, ops: Ops) -> Situation:
    """base after ops made through the document, as the TUI makes them (refusals skipped)."""
    doc = Document(parse_situation(dump_situation(base)), Path("sit.yaml"))
    for op, section, n, data in ops:
        with contextlib.suppress(EditRejected):
            _apply(doc, op, section, n, data)
    return doc.situation


def valid(result: MergeResult) -> Situation:
    s = result.situation
    assert cross_entry_problems(s) == []
    assert parse_situation(dump_situation(s)) == s
    return s


@FUZZ
@given(situations(max_entries=3), PLACE_EDITS, NOTE_EDITS)
def test_edits_to_different_sections_merge_to_both_applied(
    base: Situation, ours_ops: Ops, theirs_ops: Ops
) -> None:
    ours, theirs = edited(base, ours_ops), edited(base, theirs_ops)
    result = merge(base, ours, theirs)
    assert result.clean
    both = base.model_copy(
        update={"places": ours.places, "notes": theirs.notes, "header": theirs.header}
    )
    assert valid(result) == both


@FUZZ
@given(situations(max_entries=4), st.data())
def test_edits_to_different_fields_of_the_same_entries_merge_to_both_applied(
    base: Situation, data: st.DataObject
) -> None:
    names = [data.draw(text) for _ in base.places]
    notes = [data.draw(st.none() | text) for _ in base.places]
    ours = base.model_copy(
        update={
            "places": [
                p.model_copy(update={"name": n}) for p, n in zip(base.places, names, strict=True)
            ]
        }
    )
    theirs = base.model_copy(
        update={
            "places": [
                p.model_copy(update={"note": n}) for p, n in zip(base.places, notes, strict=True)
            ]
        }
    )
    result = merge(base, ours, theirs)
    assert result.clean
    assert [(p.name, p.note) for p in valid(result).places] == list(zip(names, notes, strict=True))


@FUZZ
@given(situations(max_entries=3), ANY_EDITS, ANY_EDITS)
def test_merging_is_symmetric_up_to_the_side_labels(
    base: Situation, ours_ops: Ops, theirs_ops: Ops
) -> None:
    ours, theirs = edited(base, ours_ops), edited(base, theirs_ops)
    one, other = merge(base, ours, theirs), merge(base, theirs, ours)
    first, second = valid(one), valid(other)
    assert sorted(_json(c) for c in one.conflicts) == sorted(
        _json(c.mirrored()) for c in other.conflicts
    )
    if one.clean:
        assert first == second
        return
    try:
        theirs_everywhere = resolve_all(first, "theirs")
    except Refused:
        with contextlib.suppress(Refused):
            resolve_all(second, "ours")
            raise AssertionError("only one of the mirrored merges could be resolved") from None
        return
    assert theirs_everywhere == resolve_all(second, "ours")


def _json(conflict: object) -> str:
    return json.dumps(conflict.model_dump(mode="json"), sort_keys=True)  # type: ignore[attr-defined]
