"""Comments follow their entries through edits, deletes, undo and redo."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.editing.document import Document
from sitrep.model.comments import Comments, comments_of, set_comments
from sitrep.model.entries import Place, Source
from sitrep.model.situation import Header, Situation
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import dump_situation, load_situation, parse_situation, to_data
from tests.commented import all_comments, annotate


def commented_doc(sample: Situation) -> Document:
    """A document on the annotated sample, read back from its text as a user's file is."""
    return Document(parse_situation(dump_situation(annotate(sample))), Path("x.yaml"))


def index_of(doc: Document, place_id: str) -> int:
    return next(i for i, p in enumerate(doc.situation.territory) if p.id == place_id)


def test_an_edit_from_a_form_keeps_the_entrys_comments(sample: Situation) -> None:
    doc = commented_doc(sample)
    index = index_of(doc, "kandahar")
    kept = comments_of(doc.situation.territory[index])
    # a form builds a fresh entry from its fields: it has no comments of its own
    fresh = Place.model_validate({**to_data(doc.situation)["territory"][index], "lat": 31.6})
    assert comments_of(fresh) is None
    change = doc.replace("territory", index, fresh)
    assert comments_of(doc.situation.territory[index]) == kept
    assert comments_of(fresh) is None, "the caller's object is not changed"
    assert change.after is doc.situation.territory[index]
    assert "  # kandahar: checked with the provincial desk at 17:00\n" in dump_situation(
        doc.situation
    )


def test_a_header_edit_keeps_the_headers_comments(sample: Situation) -> None:
    doc = commented_doc(sample)
    kept = comments_of(doc.situation.header)
    fresh = Header.model_validate({**to_data(doc.situation)["header"], "title": "New title"})
    doc.set_header(fresh)
    assert comments_of(doc.situation.header) == kept
    assert "  title: New title # agreed with the editor\n" in dump_situation(doc.situation)


def test_an_entry_that_brings_its_own_comments_keeps_them(sample: Situation) -> None:
    doc = commented_doc(sample)
    mine = Comments({}, {"name": "# mine"})
    entry = doc.situation.territory[0].model_copy()
    set_comments(entry, mine)
    doc.replace("territory", 0, entry)
    assert comments_of(doc.situation.territory[0]) == mine


def test_delete_drops_only_that_entrys_comments_and_undo_brings_them_back(
    sample: Situation,
) -> None:
    doc = commented_doc(sample)
    before = dump_situation(doc.situation)
    places = {p.id: comments_of(p) for p in doc.situation.territory}
    doc.delete("territory", index_of(doc, "kandahar"))
    after = dump_situation(doc.situation)
    assert "# kandahar" in before and "# kandahar" not in after
    loaded = parse_situation(after)
    del places["kandahar"]
    assert {p.id: comments_of(p) for p in loaded.territory} == places
    assert comments_of(loaded) == comments_of(doc.situation) is not None
    assert comments_of(loaded.header) == comments_of(doc.situation.header) is not None
    doc.undo()
    assert dump_situation(doc.situation) == before
    doc.redo()
    assert dump_situation(doc.situation) == after


def test_an_added_entry_has_no_comments_and_the_others_keep_theirs(sample: Situation) -> None:
    doc = commented_doc(sample)
    before = all_comments(doc.situation)
    doc.add("sources", Source(id="new", publisher="New"), 0)
    after = all_comments(doc.situation)
    assert after["sources[0]"] is None
    assert after["sources[1]"] == before["sources[0]"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["edit", "delete", "undo", "redo"]), st.integers(0, 40))))
def test_any_edit_sequence_keeps_each_entrys_comments_with_it(
    steps: list[tuple[str, int]],
) -> None:
    doc = commented_doc(load_situation(sample_path()))
    by_id = {p.id: comments_of(p) for p in doc.situation.territory}
    for action, n in steps:
        places = doc.situation.territory
        if action == "edit" and places:
            i = n % len(places)
            fresh = Place.model_validate(
                to_data(doc.situation)["territory"][i] | {"note": f"edit {n}"}
            )
            doc.replace("territory", i, fresh)
        elif action == "delete" and places:
            doc.delete("territory", n % len(places))
        elif action == "undo":
            doc.undo()
        else:
            doc.redo()
        loaded = parse_situation(dump_situation(doc.situation))
        assert {p.id: comments_of(p) for p in loaded.territory} == {
            p.id: by_id[p.id] for p in doc.situation.territory
        }
