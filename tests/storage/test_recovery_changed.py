"""Recovery when the file changed in between: offered, said, applied entry by entry, kept.

The first test is the CI's kill-edit-change-restart flow at the storage level: a
real process journals edits and is SIGKILLed, the file is changed on disk (a
``git pull``), and the next start still offers the edits, says the file changed
since, and applies them onto the new file.
"""

from __future__ import annotations

import datetime as dt
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitrep.editing.document import Document
from sitrep.model.entries import Note
from sitrep.storage.crash.journal import Journal, journals, recoveries
from sitrep.storage.diskstate import DiskState, load_with_state
from sitrep.storage.guard import Guard
from sitrep.yaml.io import dump_situation, load_situation

CHILD = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from sitrep.editing.document import Document
    from sitrep.model.entries import Note
    from sitrep.storage.diskstate import load_with_state
    from sitrep.storage.guard import Guard

    path = Path(sys.argv[1])
    situation, disk = load_with_state(path)
    doc = Document(situation, path)
    guard = Guard(doc, disk, print)
    assert guard.pending() is None
    guard.start()
    herat = next(i for i, p in enumerate(situation.places) if p.id == "herat")
    doc.replace("places", herat, situation.places[herat].model_copy(
        update={"note": "checked with the desk at 17:00"}))
    doc.add("notes", Note(date=dt.date(2021, 8, 14), text="Airport road closed"))
    doc.set_header(situation.header.model_copy(update={"produced_by": "Night desk"}))
    print("JOURNALED", flush=True)
    time.sleep(600)
    """
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


@pytest.fixture
def file(tmp_path: Path, sample_file: Path) -> Path:
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    return path


def edit_and_die(path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "JOURNALED"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


def git_pull(path: Path, old: str, new: str) -> None:
    """Someone else's change arrives: the file on disk is no longer the journal's base."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def start(path: Path) -> tuple[Guard, list[str]]:
    said: list[str] = []
    situation, disk = load_with_state(path)
    return Guard(Document(situation, path), disk, said.append), said


def test_kill_edit_change_restart_offers_and_applies_the_edits(file: Path) -> None:
    edit_and_die(file)
    git_pull(file, "title: 'Afghanistan:", "title: 'Pulled:")
    with file.open("a", encoding="utf-8") as handle:
        handle.write("# a comment appended by a merge\n")
    guard, said = start(file)
    recovery = guard.pending()
    assert recovery is not None, "the edits are offered although the file changed"
    assert recovery.file_changed and recovery.count == 3 and not recovery.damaged
    replayed = guard.replay(recovery)
    assert replayed.applied == [1, 2, 3] and replayed.complete
    s = guard.document.situation
    assert s.header.title.startswith("Pulled:"), "their change stays"
    assert s.header.produced_by == "Night desk", "our edit is back"
    assert next(p for p in s.places if p.id == "herat").note == "checked with the desk at 17:00"
    assert s.notes[-1].text == "Airport road closed"
    guard.document.undo()  # the recovery is one undo step
    assert dump_situation(guard.document.situation) == dump_situation(load_situation(file))
    guard.document.redo()
    assert not recovery.journal_file.exists(), "applied whole: the old journal is done with"
    guard.close()
    assert said == []


def test_conflicts_are_reported_entry_by_entry(file: Path) -> None:
    edit_and_die(file)
    # Their version: Herat's note changed too, and the header's producer.
    situation = load_situation(file)
    herat = next(p for p in situation.places if p.id == "herat")
    herat.note = "their note"
    situation.header = situation.header.model_copy(update={"produced_by": "Day desk"})
    file.write_text(dump_situation(situation), encoding="utf-8")
    guard, _ = start(file)
    recovery = guard.pending()
    assert recovery is not None and recovery.file_changed
    replayed = guard.replay(recovery)
    assert replayed.applied == [2]
    assert [n for n, _ in replayed.skipped] == [1, 3]
    reasons = dict(replayed.skipped)
    assert "note was changed in the file since" in reasons[1]
    assert "produced_by was changed in the file since" in reasons[3]
    assert "place 'herat' edited" in recovery.describe(1)
    # Not everything applied: the journal is kept aside, offered again next time.
    assert recovery.journal_file.exists() and ".kept." in recovery.journal_file.name
    guard.close()
    again, _ = start(file)
    offered = again.recoveries()
    assert [r.journal_file for r in offered] == [recovery.journal_file]
    offered[0].discard()  # the user's word: drop them
    assert again.pending() is None


def test_a_second_crash_never_overwrites_a_kept_journal(file: Path) -> None:
    edit_and_die(file)
    git_pull(file, "title: 'Afghanistan:", "title: 'Pulled:")
    guard, _ = start(file)
    first = guard.pending()
    assert first is not None
    first.keep()  # "keep them for later"
    guard.start()
    guard.document.add("notes", Note(date=dt.date(2021, 8, 15), text="second session"))
    assert guard.journal is not None
    guard.journal.handle.close()  # a second crash
    third, _ = start(file)
    found = third.recoveries()
    assert sorted(r.count for r in found) == [1, 3]
    assert first.journal_file in [r.journal_file for r in found]
    third.start()  # a new session takes the slot: both are still there
    assert sorted(r.count for r in recoveries(file)) == [1, 3]
    assert len([p for p in journals(file) if ".kept." in p.name]) == 2


def test_an_exact_recovery_still_replays_as_before(file: Path) -> None:
    edit_and_die(file)
    guard, _ = start(file)
    recovery = guard.pending()
    assert recovery is not None and not recovery.file_changed
    assert guard.recover(recovery) == 3
    assert guard.document.situation.header.produced_by == "Night desk"
    assert not recovery.journal_file.exists()


def test_an_add_already_in_the_file_is_not_added_twice(file: Path) -> None:
    edit_and_die(file)
    situation = load_situation(file)
    situation.notes.append(Note(date=dt.date(2021, 8, 14), text="Airport road closed"))
    file.write_text(dump_situation(situation), encoding="utf-8")
    guard, _ = start(file)
    recovery = guard.pending()
    assert recovery is not None
    replayed = guard.replay(recovery)
    assert replayed.complete
    notes = [n.text for n in guard.document.situation.notes]
    assert notes.count("Airport road closed") == 1


def test_an_entry_deleted_in_the_file_is_reported(file: Path) -> None:
    edit_and_die(file)
    situation = load_situation(file)
    situation.places = [p for p in situation.places if p.id != "herat"]
    file.write_text(dump_situation(situation), encoding="utf-8")
    guard, _ = start(file)
    recovery = guard.pending()
    assert recovery is not None
    replayed = guard.replay(recovery)
    assert replayed.applied == [2, 3]
    assert replayed.skipped == [(1, "'herat' is no longer in the file")]


def test_a_journal_for_a_file_that_is_now_something_else_is_still_offered(file: Path) -> None:
    edit_and_die(file)
    state = DiskState.capture(file)
    file.write_text("not a situation any more\n", encoding="utf-8")
    offered = Journal.pending(file)
    assert offered is not None and offered.file_changed and offered.base_sha256 == state.sha256
