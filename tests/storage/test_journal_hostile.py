"""Hostile journals and a state folder that cannot be made: never a crash, hang or blow-up.

A journal slot may hold anything: mixed naive and aware timestamps (once a crash
at every start), a torn or binary file, a FIFO or a link to /dev/zero (a hang, or
memory without end), a line of 100 MB. The state folder may be read-only or sit
below a file: editing goes on and the user is told edits are not journaled.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from sitrep.editing.document import Document
from sitrep.model.entries import Note
from sitrep.storage.crash import journalfile
from sitrep.storage.crash.journal import Journal, recoveries
from sitrep.storage.diskstate import load_with_state
from sitrep.storage.guard import Guard
from sitrep.storage.store import save_situation
from tests.nohang import no_hang


@pytest.fixture
def file(tmp_path: Path, sample_file: Path) -> Path:
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    return path


def header(path: Path, started: str = "2021-08-13T10:00:00+00:00") -> str:
    from sitrep.storage.diskstate import DiskState
    from sitrep.storage.statedir import real_path

    base = DiskState.capture(path).sha256
    return json.dumps(
        {"sitrep_journal": 1, "file": str(real_path(path)), "base_sha256": base, "started": started}
    )


def a_change(path: Path, at: str) -> str:
    note = Note(date=dt.date(2021, 8, 14), text=f"at {at}").model_dump(mode="json")
    return json.dumps({"at": at, "section": "notes", "index": 0, "before": None, "after": note})


def guard_for(path: Path) -> tuple[Guard, list[str]]:
    said: list[str] = []
    situation, disk = load_with_state(path)
    return Guard(Document(situation, path), disk, said.append), said


def test_mixed_naive_and_aware_timestamps_compare(file: Path) -> None:
    slots = Journal.slots(file)
    slots[0].write_text(header(file) + "\n" + a_change(file, "2021-08-13T11:00:00") + "\n")
    slots[1].write_text(header(file) + "\n" + a_change(file, "2021-08-13T12:00:00+04:30") + "\n")
    slots[2].write_text(header(file) + "\n" + a_change(file, "0001-01-01T00:00:00") + "\n")
    slots[3].write_text(header(file) + "\n" + a_change(file, "9999-12-31T23:59:59-12:00") + "\n")
    found = recoveries(file)
    assert len(found) == 4
    assert all(r.last_change.tzinfo is not None for r in found)
    for recovery in found:
        recovery.last_change.astimezone()  # what the app shows: no overflow
    assert found[0].last_change == dt.datetime(2021, 8, 13, 11, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02 binary \xff\xfe" * 1000,
        b'{"sitrep_journal": 1, "file": ',
        b"[1, 2, 3]\n",
        b'{"sitrep_journal": 1}\n' + b"[" * 100_000 + b"\n",
        b"\xef\xbb\xbf" + b"x" * 1000,
    ],
    ids=["empty", "binary", "truncated header", "not an object", "deep nesting", "bom junk"],
)
def test_broken_journals_are_never_offered_nor_a_crash(file: Path, content: bytes) -> None:
    Journal.slots(file)[0].write_bytes(content)
    guard, said = guard_for(file)
    assert no_hang(guard.pending) is None
    guard.start()
    assert guard.journal is not None and said == []
    guard.close()


def test_a_torn_journal_keeps_what_it_holds(file: Path) -> None:
    text = header(file) + "\n" + a_change(file, "2021-08-13T11:00:00+00:00") + "\n"
    Journal.slots(file)[0].write_text(text + a_change(file, "2021-08-13T11:01:00+00:00")[:50])
    recovery = Journal.pending(file)
    assert recovery is not None and recovery.count == 1 and recovery.damaged
    assert recovery.damage is not None and "torn" in recovery.damage


def test_a_huge_journal_is_read_only_so_far(file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journalfile, "MAX_JOURNAL_BYTES", 20_000)
    line = a_change(file, "2021-08-13T11:00:00+00:00")
    Journal.slots(file)[0].write_text(header(file) + "\n" + (line + "\n") * 200)
    recovery = Journal.pending(file)
    assert recovery is not None and 0 < recovery.count < 200
    assert recovery.damage is not None and "only its first changes" in recovery.damage


def test_a_line_longer_than_any_sitrep_writes_is_not_read_whole(
    file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journalfile, "MAX_LINE_BYTES", 10_000)
    Journal.slots(file)[0].write_text(header(file) + "\n" + "x" * 1_000_000 + "\n")
    recovery = Journal.pending(file)
    assert recovery is None  # no change could be read: nothing to offer


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-urandom", "folder", "dangling"])
def test_a_slot_that_is_not_a_regular_file_is_left_alone(file: Path, kind: str) -> None:
    slot = Journal.slots(file)[0]
    if kind == "fifo":
        os.mkfifo(slot)
    elif kind == "folder":
        slot.mkdir()
    elif kind == "dangling":
        slot.symlink_to(slot.parent / "nowhere")
    else:
        slot.symlink_to(f"/dev/{kind.removeprefix('dev-')}")
    guard, said = guard_for(file)
    assert no_hang(guard.pending) is None
    no_hang(guard.start)
    assert guard.journal is not None and guard.journal.file != slot, "another slot is used"
    guard.document.add("notes", Note(date=dt.date(2021, 8, 14), text="still journaled"))
    assert said == []
    assert os.path.lexists(slot), "what was there is not removed"
    guard.close()


@pytest.mark.parametrize("how", ["through a file", "read-only"])
def test_a_state_folder_that_cannot_be_made_is_reported_and_editing_goes_on(
    file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "through a file":
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        monkeypatch.setenv("SITREP_STATE_DIR", str(blocker / "state"))
    else:  # root ignores folder modes: make the file system say what a read-only one says
        monkeypatch.setenv("SITREP_STATE_DIR", str(tmp_path / "ro" / "state"))
        real_mkdir = Path.mkdir

        def read_only(self: Path, *args: Any, **kwargs: Any) -> None:
            if "ro" in self.parts:
                raise OSError(errno.EROFS, "Read-only file system")
            real_mkdir(self, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", read_only)
    guard, said = guard_for(file)
    assert guard.pending() is None
    guard.start()
    assert guard.journal is None and guard.unjournaled is not None
    assert len(said) == 1 and "edits are not journaled" in said[0]
    guard.document.add("notes", Note(date=dt.date(2021, 8, 14), text="kept in memory"))
    saved = save_situation(guard.document.situation, file, expected=guard.expected(file))
    assert saved.backup is None and saved.backup_error is not None  # saved all the same
    guard.saved(saved, file)
    assert len(said) == 1, "said once"
    guard.close()
