"""A save target that is no longer a regular file is a conflict, never a "Saved", never a hang.

Replace the open file by a symlink to /dev/null and a save "succeeded" into
nothing; by a FIFO and the save blocked for ever. The disk guard now runs
whatever the target is: NotRegularFileError (status "not_regular"), nothing
written, nothing opened that could block.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from sitrep.errors import SitrepIOError
from sitrep.storage.diskstate import DiskState, FileChangedError, NotRegularFileError
from sitrep.storage.guard import Guard
from sitrep.storage.store import save_situation, write_atomic
from sitrep.yaml.io import load_situation
from tests.nohang import no_hang

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")

KINDS = {
    "symlink to /dev/null": "a character device",
    "symlink to /dev/zero": "a character device",
    "fifo": "a named pipe",
    "symlink to a fifo": "a named pipe",
    "folder": "a folder",
    "symlink to a folder": "a folder",
}


def replace_by(path: Path, kind: str) -> None:
    """What someone (or a prank) put where the situation file was."""
    path.unlink()
    if kind.startswith("symlink to /dev/"):
        path.symlink_to(kind.removeprefix("symlink to "))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink to a fifo":
        os.mkfifo(path.parent / "pipe")
        path.symlink_to(path.parent / "pipe")
    elif kind == "folder":
        path.mkdir()
    else:
        (path.parent / "dir").mkdir()
        path.symlink_to(path.parent / "dir")


@pytest.fixture
def file(tmp_path: Path, sample_file: Path) -> Path:
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_saving_onto_a_non_regular_file_is_a_conflict(file: Path, kind: str) -> None:
    situation = load_situation(file)
    loaded = DiskState.capture(file)
    replace_by(file, kind)
    with pytest.raises(NotRegularFileError) as info:
        no_hang(lambda: save_situation(situation, file, expected=loaded))
    assert info.value.status == "not_regular" and info.value.what == KINDS[kind]
    assert isinstance(info.value, SitrepIOError) and not isinstance(info.value, FileChangedError)
    assert "not saved" in str(info.value) and KINDS[kind] in str(info.value)
    assert [p.name for p in file.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_disk_state_says_not_regular_without_opening_it(file: Path, kind: str) -> None:
    loaded = DiskState.capture(file)
    replace_by(file, kind)
    assert no_hang(loaded.status) == "not_regular"
    assert no_hang(loaded.changed) and loaded.maybe_changed()
    now = no_hang(lambda: DiskState.capture(file))
    assert now.special == KINDS[kind] and not now.exists


@pytest.mark.parametrize("kind", KINDS)
def test_the_guard_warns_while_polling(file: Path, kind: str) -> None:
    from sitrep.editing.document import Document
    from sitrep.storage.diskstate import load_with_state

    situation, disk = load_with_state(file)
    guard = Guard(Document(situation, file), disk, lambda message: None)
    replace_by(file, kind)
    assert no_hang(guard.changed_on_disk)
    assert guard.expected(file) is disk


def test_a_fifo_nobody_reads_is_an_error_not_a_hang_without_a_guard(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(SitrepIOError, match="nobody reads"):
        no_hang(lambda: write_atomic(pipe, "text\n"))


def test_dev_null_without_a_guard_is_still_written_in_place(tmp_path: Path) -> None:
    saved = write_atomic("/dev/null", "text\n")
    assert saved.path == Path("/dev/null")
