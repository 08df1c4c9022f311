"""The unsaved-edits journal: every change survives a crash and replays as one undo step."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from sitrep.editing.document import Document, EditRejected
from sitrep.model.entries import Note, Party, Source
from sitrep.model.situation import Header, Situation
from sitrep.storage.crash.journal import (
    Journal,
    JournalError,
    Recovery,
    journals,
    read_journal,
    recoveries,
)
from sitrep.storage.diskstate import DiskState, load_with_state
from sitrep.storage.sample import sample_path
from sitrep.storage.store import save_situation
from sitrep.yaml.io import dump_situation


@pytest.fixture
def file(tmp_path: Path, sample_file: Path) -> Path:
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    return path


def open_doc(path: Path) -> tuple[Document, DiskState]:
    situation, disk = load_with_state(path)
    return Document(situation, path), disk


def edit(doc: Document) -> None:
    """A bit of everything: add, replace, delete, header, a group, undo and redo."""
    s = doc.situation
    doc.add("notes", Note(date=dt.date(2021, 8, 14), text="Kabul airport crowded"))
    doc.replace("places", 3, s.places[3].model_copy(update={"note": "checked"}))
    doc.delete("notes", 0)
    doc.set_header(s.header.model_copy(update={"title": "Afghanistan, 14 August"}))
    with doc.group():
        doc.add("sources", Source(id="bbc-1", publisher="BBC"))
        doc.add("notes", Note(date=dt.date(2021, 8, 14), text="cited", sources=["bbc-1"]))
    doc.add("parties", Party(id="isis-k", name="ISIS-K"))
    doc.undo()
    doc.undo()
    doc.redo()
    doc.delete("evacuations", 1)


def crash(journal: Journal) -> None:
    """What a SIGKILL leaves: the journal file, unlocked, never cleaned up."""
    journal.handle.close()


def test_a_crash_is_recovered_exactly_and_undone_in_one_step(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    edit(doc)
    expected = dump_situation(doc.situation)
    crash(journal)

    again, disk = open_doc(file)
    recovery = Journal.pending(file, disk)
    assert recovery is not None and not recovery.damaged
    assert recovery.count == 13  # 7 changes, 2 of them grouped; undo 1 + 2, redo 2; 1 more
    assert dt.datetime.now(dt.UTC) - recovery.last_change < dt.timedelta(minutes=1)
    assert recovery.apply(again) == 13
    assert dump_situation(again.situation) == expected
    assert again.dirty
    again.undo()
    assert dump_situation(again.situation) == file.read_text(encoding="utf-8")
    again.redo()
    assert dump_situation(again.situation) == expected


def test_pending_reads_the_file_when_no_state_is_given(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.delete("notes", 0)
    crash(journal)
    recovery = Journal.pending(file)
    assert recovery is not None and recovery.count == 1


def test_recovery_is_offered_when_the_file_changed_since(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.delete("notes", 0)
    crash(journal)
    file.write_text(file.read_text(encoding="utf-8").replace("Kandahar", "Qandahar"))
    recovery = Journal.pending(file)
    assert recovery is not None and recovery.count == 1 and recovery.file_changed
    fresh, _ = open_doc(file)
    replayed = recovery.apply_each(fresh)
    assert replayed.applied == [1] and replayed.complete
    assert "Qandahar" in dump_situation(fresh.situation)
    assert len(fresh.situation.notes) == len(doc.situation.notes)


def test_nothing_pending_without_changes_or_after_a_clean_quit(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    crash(journal)
    assert Journal.pending(file) is None  # header only

    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.delete("notes", 0)
    journal.close()
    assert not journal.file.exists()
    assert Journal.pending(file) is None
    doc.delete("notes", 0)  # detached: recording after close must not fail
    assert not journal.file.exists()


def test_save_clears_the_journal_and_later_edits_replay_on_the_saved_file(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.delete("notes", 0)
    saved = save_situation(doc.situation, file, expected=disk)
    doc.mark_saved(file)
    journal.clear(saved.disk.sha256)
    assert Journal.pending(file) is None  # the saved file holds everything

    doc.delete("notes", 0)
    expected = dump_situation(doc.situation)
    crash(journal)
    again, disk = open_doc(file)
    recovery = Journal.pending(file, disk)
    assert recovery is not None and recovery.count == 1
    recovery.apply(again)
    assert dump_situation(again.situation) == expected


def test_a_torn_last_line_is_ignored_and_the_rest_recovered(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.delete("notes", 0)
    expected = dump_situation(doc.situation)
    doc.delete("notes", 0)
    crash(journal)
    text = journal.file.read_text()
    journal.file.write_text(text[: text.rindex("\n", 0, len(text) - 1) + 1] + '{"at": "20')

    recovery = Journal.pending(file)
    assert recovery is not None and recovery.damaged and recovery.count == 1
    again, _ = open_doc(file)
    recovery.apply(again)
    assert dump_situation(again.situation) == expected


@pytest.mark.parametrize(
    "content",
    ["", "garbage\n", "[1, 2]\n", '{"sitrep_journal": 99}\n', "\x00\xff binary"],
)
def test_broken_journal_files_are_never_a_crash(file: Path, content: str) -> None:
    slot = Journal.slots(file)[0]
    slot.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert Journal.pending(file) is None
    assert read_journal(slot, file) is None or read_journal(slot, file).count == 0  # type: ignore[union-attr]


def test_a_journal_that_does_not_fit_is_refused_and_nothing_applied(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.add("notes", Note(date=dt.date(2021, 8, 14), text="one"), 0)
    doc.replace("notes", 2, Note(date=dt.date(2021, 8, 14), text="two"))
    crash(journal)
    recovery = Journal.pending(file)
    assert recovery is not None

    again, _ = open_doc(file)
    again.delete("notes", 1)  # the user already did something else
    before = dump_situation(again.situation)
    with pytest.raises(JournalError, match="change 2 expects another entry"):
        recovery.apply(again)
    assert dump_situation(again.situation) == before
    assert again.undo() and not again.can_undo, "only the user's own step is left to undo"


def test_rejected_edits_are_not_journaled(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    with pytest.raises(EditRejected):
        doc.add("parties", Party(id="taliban", name="Again"))
    crash(journal)
    assert Journal.pending(file) is None


def test_a_running_instance_is_never_recovered_and_two_instances_use_two_slots(
    file: Path,
) -> None:
    first_doc, disk = open_doc(file)
    first = Journal.open(file, disk.sha256)
    first.attach(first_doc)
    first_doc.delete("notes", 0)
    assert Journal.pending(file) is None, "the first sitrep is alive: its journal is locked"

    second_doc, _ = open_doc(file)
    second = Journal.open(file, disk.sha256)
    second.attach(second_doc)
    second_doc.delete("notes", 1)
    assert second.file != first.file
    assert Journal.pending(file) is None

    crash(second)
    recovery = Journal.pending(file)
    assert recovery is not None and recovery.journal_file == second.file
    recovery.discard()
    assert not second.file.exists()
    first.close()


def test_opening_sets_an_old_journal_aside_and_a_second_crash_keeps_it(file: Path) -> None:
    doc, disk = open_doc(file)
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.delete("notes", 0)
    crash(journal)
    assert Journal.pending(file) is not None

    fresh = Journal.open(file, disk.sha256)  # the user was not asked (the app forgot)
    aside = [p for p in journals(file) if ".kept." in p.name]
    assert len(aside) == 1 and read_journal(aside[0], file).changes  # type: ignore[union-attr]
    fresh.attach(doc)
    doc.delete("notes", 0)
    crash(fresh)  # a second crash

    third = Journal.open(file, disk.sha256)
    kept = [p for p in journals(file) if ".kept." in p.name]
    assert len(kept) == 2 and aside[0] in kept  # nothing replaced: both sets of edits kept
    assert sorted(r.count for r in recoveries(file)) == [1, 1]
    third.close()


def test_the_sample_has_its_own_journal() -> None:
    situation, disk = load_with_state(sample_path())
    doc = Document(situation, None)
    journal = Journal.open(None, disk.sha256)
    journal.attach(doc)
    doc.delete("notes", 0)
    crash(journal)
    assert journal.file.name == "sample.jsonl"
    recovery = Journal.pending(None)
    assert isinstance(recovery, Recovery) and recovery.count == 1
    again = Document(load_with_state(sample_path())[0], None)
    recovery.apply(again)
    assert len(again.situation.notes) == len(situation.notes)


def test_a_new_file_never_saved_is_recovered(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    doc = Document(
        Situation(header=Header(title="New", region="Somewhere", as_of=dt.date(2021, 8, 13))),
        path,
    )
    journal = Journal.open(path, DiskState.absent(path).sha256)
    journal.attach(doc)
    doc.add("parties", Party(id="a", name="A"))
    crash(journal)
    recovery = Journal.pending(path)
    assert recovery is not None and recovery.count == 1


def test_a_failing_journal_reports_once_and_edits_go_on(file: Path) -> None:
    doc, disk = open_doc(file)
    errors: list[str] = []
    journal = Journal.open(file, disk.sha256, on_error=errors.append)
    journal.attach(doc)
    journal.handle.close()  # as if the state folder's disk failed
    doc.delete("notes", 0)
    doc.delete("notes", 0)
    assert len(errors) == 1 and "no longer journaled" in errors[0]
    assert journal.error == errors[0]


def test_each_change_is_one_small_line_whatever_the_document_size(file: Path) -> None:
    doc, disk = open_doc(file)
    first = len(doc.situation.notes)
    for i in range(10_000):
        doc.situation.notes.append(Note(date=dt.date(2021, 8, 1), text=f"note {i}"))
    journal = Journal.open(file, disk.sha256)
    journal.attach(doc)
    doc.replace("notes", 5000, Note(date=dt.date(2021, 8, 2), text="edited"))
    lines = journal.file.read_text().splitlines()
    assert len(lines) == 2
    change = json.loads(lines[1])
    assert (
        change["before"]["text"] == f"note {5000 - first}" and change["after"]["text"] == "edited"
    )
    assert len(lines[1]) < 400
    journal.close()
