"""The journal fsyncs once per step: a group of 500 changes is one fsync, made when it is whole."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from sitrep.editing.document import Document, EditRejected
from sitrep.model.entries import Note
from sitrep.storage.crash.journal import Journal
from sitrep.storage.diskstate import load_with_state
from sitrep.yaml.io import dump_situation


@pytest.fixture
def opened(tmp_path: Path, sample_file: Path) -> tuple[Document, Journal, str]:
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    situation, disk = load_with_state(path)
    doc = Document(situation, path)
    journal = Journal.open(path, disk.sha256)
    journal.attach(doc)
    return doc, journal, disk.sha256


class Fsyncs:
    """Counts os.fsync calls on the journal's file, and the lines on disk at each."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.lines_at_each: list[int] = []

    def __call__(self, fd: int) -> None:
        if fd == self.journal.handle.fileno():
            self.lines_at_each.append(len(self.journal.file.read_text().splitlines()))


def note(i: int) -> Note:
    return Note(date=dt.date(2021, 8, 14), text=f"Note number {i}")


def test_a_group_is_fsynced_once_when_whole_and_single_edits_at_once(
    opened: tuple[Document, Journal, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc, journal, _ = opened
    counted = Fsyncs(journal)
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (counted(fd), real(fd))[1])
    with doc.group():
        for i in range(500):
            doc.add("notes", note(i))
        assert counted.lines_at_each == [], "nothing fsynced while the step is open"
    assert counted.lines_at_each == [1 + 500], "one fsync, with the header and every change"
    doc.add("notes", note(500))
    assert counted.lines_at_each[-1] == 1 + 501 and len(counted.lines_at_each) == 2
    doc.undo()
    assert len(counted.lines_at_each) == 3
    doc.undo()  # the group: 500 changes, one fsync
    assert len(counted.lines_at_each) == 4 and counted.lines_at_each[-1] == 1 + 501 + 1 + 500
    doc.redo()
    assert len(counted.lines_at_each) == 5


def test_a_step_recovers_whole_and_a_rejected_group_leaves_nothing_unsynced(
    opened: tuple[Document, Journal, str],
) -> None:
    doc, journal, _ = opened
    with doc.group():
        for i in range(50):
            doc.add("notes", note(i))
    with pytest.raises(EditRejected), doc.group():
        doc.add("notes", note(99))
        doc.delete("sources", 0)  # cited: rejected, the group rolled back
    assert not journal._unsynced, "the rollback was made durable too"
    expected = dump_situation(doc.situation)
    journal.handle.close()  # what a SIGKILL leaves
    assert doc.path is not None
    again, disk = load_with_state(doc.path)
    recovered = Document(again, doc.path)
    recovery = Journal.pending(doc.path, disk)
    assert recovery is not None and not recovery.damaged
    recovery.apply(recovered)
    assert dump_situation(recovered.situation) == expected
