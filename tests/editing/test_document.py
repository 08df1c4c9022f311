"""Edits through the Document: undo, redo, grouping, dirty marker, refused edits."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.editing.document import Document, EditRejected
from sitrep.model.entries import Note, Source
from sitrep.model.situation import Situation
from sitrep.model.validation.problems import cross_entry_problems
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import dump_situation, parse_situation


@pytest.fixture
def doc(sample: Situation) -> Document:
    return Document(sample, Path("x.yaml"))


def test_delete_undo_redo_restores_exactly(doc: Document) -> None:
    before = dump_situation(doc.situation)
    count = len(doc.situation.places)
    herat = next(i for i, p in enumerate(doc.situation.places) if p.id == "herat")
    doc.delete("places", herat)
    assert doc.dirty and len(doc.situation.places) == count - 1
    [change] = doc.undo()
    assert change.index == herat and change.after is not None
    assert dump_situation(doc.situation) == before and not doc.dirty
    doc.redo()
    assert len(doc.situation.places) == count - 1 and doc.dirty


def test_group_is_one_undo_step(doc: Document, sample: Situation) -> None:
    with doc.group():
        doc.add("sources", Source(id="new-src", publisher="Reuters"))
        doc.add("notes", Note(date=sample.header.as_of, text="x", sources=["new-src"]))
    assert len(doc.undo()) == 2
    assert doc.situation.source("new-src") is None and not doc.can_undo


def test_saved_state_is_clean_again_after_undo_redo_but_not_after_new_branch(doc: Document) -> None:
    doc.delete("notes", 0)
    doc.mark_saved(Path("x.yaml"))
    assert not doc.dirty
    doc.undo()
    assert doc.dirty
    doc.redo()
    assert not doc.dirty
    doc.undo()
    doc.delete("notes", 1)  # a new branch: the saved state is gone from history
    assert doc.dirty


def test_refused_edits_change_nothing(doc: Document) -> None:
    before = dump_situation(doc.situation)
    with pytest.raises(EditRejected, match="already used"):
        doc.add("places", doc.situation.places[0].model_copy())
    with pytest.raises(EditRejected, match="still named by the place"):
        doc.delete("parties", 0)
    with pytest.raises(EditRejected, match="unknown source"):
        doc.add("notes", Note(date=doc.situation.header.as_of, text="x", sources=["nope"]))
    assert dump_situation(doc.situation) == before and not doc.can_undo


def test_a_never_saved_document_is_dirty_only_once_edited(sample: Situation) -> None:
    doc = Document(sample, None)
    assert not doc.dirty, "the untouched sample has nothing to lose"
    doc.delete("places", 0)
    assert doc.dirty
    doc.undo()
    assert not doc.dirty


operations = st.lists(
    st.tuples(st.sampled_from(["add", "replace", "delete", "undo", "redo"]), st.integers(0, 40)),
    max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(operations)
def test_random_edit_sequences_keep_the_file_valid(ops) -> None:
    sample_file = sample_path()
    doc = Document(parse_situation(sample_file.read_text()), sample_file)
    for op, n in ops:
        notes = doc.situation.notes
        if op == "add":
            doc.add(
                "notes",
                Note(date=doc.situation.header.as_of, text=f"note {n}"),
                n % (len(notes) + 1),
            )
        elif op == "replace" and notes:
            doc.replace(
                "notes", n % len(notes), notes[n % len(notes)].model_copy(update={"text": f"r{n}"})
            )
        elif op == "delete" and doc.situation.places:
            with contextlib.suppress(EditRejected):  # a party's seat cannot go
                doc.delete("places", n % len(doc.situation.places))
        elif op == "undo":
            doc.undo()
        elif op == "redo":
            doc.redo()
        assert cross_entry_problems(doc.situation) == []
    text = dump_situation(doc.situation)
    assert dump_situation(parse_situation(text)) == text
    while doc.can_undo:
        doc.undo()
    assert dump_situation(doc.situation) == sample_file.read_text()


def test_a_rejected_change_rolls_back_its_whole_group(doc: Document) -> None:
    before = dump_situation(doc.situation)
    with pytest.raises(EditRejected), doc.group():
        doc.add("sources", Source(id="fresh", publisher="Reuters"))
        doc.add("places", doc.situation.places[0].model_copy())  # duplicate id
    assert dump_situation(doc.situation) == before
    assert not doc.can_undo and not doc.can_redo
