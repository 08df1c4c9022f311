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
    return next(i for i, p in enumerate(doc.situation.places) if p.id == place_id)


def test_an_edit_from_a_form_keeps_the_entrys_comments(sample: Situation) -> None:
    doc = commented_doc(sample)
    index = index_of(doc, "kandahar")
    place = doc.situation.places[index]
    kept = comments_of(place), [comments_of(c) for c in place.control]
    # a form builds a fresh entry from its fields: it and its parts have no comments
    fresh = Place.model_validate({**to_data(doc.situation)["places"][index], "lat": 31.6})
    assert comments_of(fresh) is None and comments_of(fresh.control[1]) is None
    change = doc.replace("places", index, fresh)
    edited = doc.situation.places[index]
    assert (comments_of(edited), [comments_of(c) for c in edited.control]) == kept
    assert comments_of(fresh) is None and comments_of(fresh.control[1]) is None, "not changed"
    assert change.after is edited
    assert "    # kandahar: checked with the provincial desk at 17:00\n" in dump_situation(
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
    entry = doc.situation.places[0].model_copy()
    set_comments(entry, mine)
    doc.replace("places", 0, entry)
    assert comments_of(doc.situation.places[0]) == mine
    assert comments_of(doc.situation.places[0].control[0]) is not None, "its parts keep theirs"


def test_delete_drops_only_that_entrys_comments_and_undo_brings_them_back(
    sample: Situation,
) -> None:
    doc = commented_doc(sample)
    before = dump_situation(doc.situation)
    places = {p.id: comments_of(p) for p in doc.situation.places}
    doc.delete("places", index_of(doc, "herat"))  # no place or party refers to it
    after = dump_situation(doc.situation)
    assert "# herat" in before and "# herat" not in after
    loaded = parse_situation(after)
    del places["herat"]
    assert {p.id: comments_of(p) for p in loaded.places} == places
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


def _change_comments(doc: Document) -> dict[str, list[Comments | None]]:
    """Each place's control changes' comments as a file written now reads them back."""
    loaded = parse_situation(dump_situation(doc.situation))
    return {p.id: [comments_of(c) for c in p.control] for p in loaded.places}


def _edit_place(doc: Document, place_id: str, control: list[dict[str, object]]) -> None:
    """What a form does: a fresh place with this control history replaces the old one."""
    index = index_of(doc, place_id)
    data = to_data(doc.situation)["places"][index]
    doc.replace("places", index, Place.model_validate({**data, "control": control}))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["edit", "delete", "undo", "redo", "append", "edit change", "cut"]),
            st.integers(0, 40),
        )
    )
)
def test_any_edit_sequence_keeps_each_entrys_comments_with_it(
    steps: list[tuple[str, int]],
) -> None:
    """Edits of places and of their control changes (append one, edit one, delete one)."""
    doc = commented_doc(load_situation(sample_path()))
    by_id = {p.id: comments_of(p) for p in doc.situation.places}
    changes = _change_comments(doc)  # what each change must carry, as the steps go
    done: list[dict[str, list[Comments | None]]] = []
    undone: list[dict[str, list[Comments | None]]] = []
    # places nothing refers to (no seat, no "within", no figure), so any can be deleted
    referred = {p.seat for p in doc.situation.parties} | {p.within for p in doc.situation.places}
    referred |= {f.place for f in doc.situation.figures}
    for action, n in steps:
        places = [p for p in doc.situation.places if p.id not in referred]
        if action in ("undo", "redo"):
            stack, other = (done, undone) if action == "undo" else (undone, done)
            if (doc.undo() if action == "undo" else doc.redo()) and stack:
                other.append(changes)
                changes = stack.pop()
            continue
        if not places:
            continue
        place = places[n % len(places)]
        control = to_data(doc.situation)["places"][index_of(doc, place.id)].get("control", [])
        expected = {**changes, place.id: list(changes[place.id])}
        if action == "edit":
            fresh = Place.model_validate(
                to_data(doc.situation)["places"][index_of(doc, place.id)] | {"note": f"edit {n}"}
            )
            doc.replace("places", index_of(doc, place.id), fresh)
        elif action == "delete":
            doc.delete("places", index_of(doc, place.id))
            del expected[place.id]
        elif action == "append":
            last = max((c.date for c in place.control if c.date), default=None)
            new = {"date": str(last or "2021-08-13"), "holder": "taliban", "note": f"n{n}"}
            _edit_place(doc, place.id, [*control, new])
            expected[place.id].append(None)
        elif action == "edit change" and control:
            k = n % len(control)
            edited = {**control[k], "according_to": f"desk {n}"}
            _edit_place(doc, place.id, [*control[:k], edited, *control[k + 1 :]])
        elif action == "cut" and control:
            k = n % len(control)
            _edit_place(doc, place.id, [*control[:k], *control[k + 1 :]])
            del expected[place.id][k]
        else:
            continue
        done.append(changes)
        undone.clear()
        changes = expected
        loaded = parse_situation(dump_situation(doc.situation))
        assert {p.id: comments_of(p) for p in loaded.places} == {
            p.id: by_id.get(p.id) for p in doc.situation.places
        }
        assert _change_comments(doc) == changes
    assert _change_comments(doc) == changes
