"""Recovered edits keep the file's comments: the journal records an entry's comments,
and those on its parts (control changes, series points), too."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.editing.document import Document
from sitrep.model.comments import comments_of
from sitrep.model.entries import Place
from sitrep.model.situation import Header, Situation
from sitrep.storage.crash.journal import Journal, read_journal
from sitrep.storage.diskstate import load_with_state
from sitrep.yaml.io import dump_situation, to_data
from tests.commented import annotate


def journaled(folder: Path, sample: Situation) -> tuple[Path, Document, Journal]:
    """The annotated sample in a file, open in a document whose edits are journaled."""
    path = folder / "sit.yaml"
    path.write_text(dump_situation(annotate(sample)), encoding="utf-8")
    situation, disk = load_with_state(path)
    doc = Document(situation, path)
    journal = Journal.open(path, disk.sha256)
    journal.attach(doc)
    return path, doc, journal


def unreferenced(doc: Document) -> list[int]:
    """The indexes of places no party's seat, place or figure refers to (deletable)."""
    situation = doc.situation
    used = {p.seat for p in situation.parties} | {p.within for p in situation.places}
    used |= {f.place for f in situation.figures}
    return [i for i, p in enumerate(situation.places) if p.id not in used]


def test_recovered_edits_keep_comments(tmp_path: Path, sample: Situation) -> None:
    path, doc, journal = journaled(tmp_path, sample)
    data = to_data(doc.situation)
    doc.replace("places", 3, Place.model_validate({**data["places"][3], "note": "checked"}))
    doc.set_header(Header.model_validate({**data["header"], "title": "Afghanistan, 14 August"}))
    first, second = unreferenced(doc)[:2]
    doc.delete("places", first)
    doc.undo()  # journaled as an add: the entry comes back with its comments
    doc.delete("places", second)
    # a form adds a change to a place's history: the old changes keep their comments
    control = data["places"][0]["control"]
    new = {"date": "2021-08-13", "holder": "government", "confidence": "claimed"}
    doc.replace(
        "places", 0, Place.model_validate({**data["places"][0], "control": [*control, new]})
    )
    expected = dump_situation(doc.situation)
    assert "# " + doc.situation.places[first].id + "\n" in expected
    assert "  # badakhshan change 1\n  - date: 2021-08-11 # badakhshan date\n" in expected
    journal.handle.close()  # a crash

    again, disk = load_with_state(path)
    recovered = Document(again, path)
    recovery = Journal.pending(path, disk)
    assert recovery is not None and recovery.apply(recovered) == 6
    assert dump_situation(recovered.situation) == expected
    assert [comments_of(c) for c in recovered.situation.places[0].control] == [
        comments_of(c) for c in doc.situation.places[0].control
    ]


def test_damaged_comments_in_a_journal_line_are_ignored_not_fatal(
    tmp_path: Path, sample: Situation
) -> None:
    path, doc, journal = journaled(tmp_path, sample)
    doc.delete("places", 0)
    doc.undo()
    journal.handle.close()
    lines = journal.file.read_text(encoding="utf-8").splitlines()
    added = json.loads(lines[-1])
    assert added["after_comments"]["before"][0] == ["", ["# badakhshan"]]
    assert added["after_part_comments"][0][0] == ["control", 0]
    added["after_comments"] = {"before": [["", ["not a comment\n"]]], "beside": 3}
    added["after_part_comments"][1][1] = {"before": [["", ["not a comment\n"]]]}
    added["after_part_comments"][0][0] = ["control", 99]
    journal.file.write_text("\n".join([*lines[:-1], json.dumps(added)]) + "\n", encoding="utf-8")
    recovery = read_journal(journal.file, path)
    assert recovery is not None and not recovery.damaged
    after = recovery.changes[-1].after
    assert isinstance(after, Place) and comments_of(after) is None
    assert [comments_of(c) for c in after.control] == [None, None]
