"""DiskState: noticing that a file changed on disk since it was loaded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.errors import SitrepDataError, SitrepIOError
from sitrep.model.situation import Situation
from sitrep.storage.diskstate import DiskState, load_with_state
from sitrep.yaml.io import dump_situation


@pytest.fixture
def file(tmp_path: Path) -> Path:
    path = tmp_path / "sit.yaml"
    path.write_bytes(b"abc\n")
    return path


def test_capture_records_size_time_and_hash(file: Path) -> None:
    state = DiskState.capture(file)
    assert state.exists and state.size == 4
    assert state.sha256 == "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb"
    assert state.mtime_ns == os.stat(file).st_mtime_ns
    assert not state.changed() and state.status() == "unchanged"


def test_same_size_rewrite_within_the_same_timestamp_is_a_change(file: Path) -> None:
    state = DiskState.capture(file)
    file.write_bytes(b"xyz\n")
    os.utime(file, ns=(state.mtime_ns, state.mtime_ns))  # as if within one clock tick
    assert not state.maybe_changed(), "stat alone cannot see it..."
    assert state.changed() and state.status() == "modified"  # ...the hash does


def test_touch_or_same_bytes_is_not_a_change(file: Path) -> None:
    state = DiskState.capture(file)
    os.utime(file, ns=(1, 1))
    file.write_bytes(b"abc\n")
    assert state.maybe_changed()
    assert not state.changed()


def test_deleted_and_created(file: Path, tmp_path: Path) -> None:
    state = DiskState.capture(file)
    file.unlink()
    assert state.changed() and state.status() == "deleted"
    new = DiskState.capture(tmp_path / "new.yaml")
    assert not new.exists and not new.changed()
    (tmp_path / "new.yaml").write_text("x")
    assert new.changed() and new.status() == "created"


def test_changed_for_another_path(file: Path, tmp_path: Path) -> None:
    state = DiskState.capture(file)
    (tmp_path / "copy.yaml").write_bytes(b"abc\n")
    (tmp_path / "other.yaml").write_bytes(b"abd\n")
    assert not state.changed(tmp_path / "copy.yaml")
    assert state.changed(tmp_path / "other.yaml")


def test_load_with_state_hashes_the_bytes_parsed(tmp_path: Path, sample: Situation) -> None:
    path = tmp_path / "sit.yaml"
    path.write_text(dump_situation(sample), encoding="utf-8")
    situation, state = load_with_state(path)
    assert situation == sample
    assert state == DiskState.capture(path)


def test_load_with_state_errors(tmp_path: Path) -> None:
    with pytest.raises(SitrepIOError, match="no such file"):
        load_with_state(tmp_path / "missing.yaml")
    (tmp_path / "bad.yaml").write_text("[1, 2]\n")
    with pytest.raises(SitrepDataError, match=r"bad\.yaml:1:1"):
        load_with_state(tmp_path / "bad.yaml")


def test_capture_of_a_folder_says_what_stands_there(tmp_path: Path) -> None:
    state = DiskState.capture(tmp_path)
    assert state.special == "a folder" and not state.exists
