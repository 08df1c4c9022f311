"""Atomic saves: whatever fails, and whenever, the old file is found whole."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from sitrep.errors import SitrepIOError
from sitrep.model.situation import Situation
from sitrep.storage import store, tempfiles
from sitrep.storage.diskstate import DiskState, FileChangedError
from sitrep.storage.store import backup_path, save_situation, write_atomic
from sitrep.yaml.io import dump_situation, load_situation

OLD = "old content\n" * 100
NEW = "new content, longer than the old one\n" * 300


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "sit.yaml"
    path.write_text(OLD, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Files a failed save might have left behind (temporary files)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_content_and_keeps_mode(old_file: Path) -> None:
    os.chmod(old_file, 0o640)
    saved = write_atomic(old_file, NEW)
    assert old_file.read_text(encoding="utf-8") == NEW
    assert stat.S_IMODE(os.stat(old_file).st_mode) == 0o640
    assert saved.path == old_file
    assert saved.disk == DiskState.capture(old_file)
    assert leftovers(old_file.parent) == []


def test_new_file_gets_default_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.yaml", NEW)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(os.stat(tmp_path / "new.yaml").st_mode) == 0o644


def test_symlink_is_written_through(tmp_path: Path, old_file: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(old_file.name)
    saved = write_atomic(link, NEW)
    assert link.is_symlink(), "the link itself must stay a link"
    assert old_file.read_text(encoding="utf-8") == NEW
    assert saved.path == old_file.resolve()


def test_symlink_into_another_folder(tmp_path: Path, old_file: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "sit.yaml"
    link.symlink_to(old_file)
    write_atomic(link, NEW)
    assert link.is_symlink()
    assert old_file.read_text(encoding="utf-8") == NEW
    assert leftovers(other) == [] and leftovers(old_file.parent) == []


def test_backup_keeps_the_previous_version_one_save_back(old_file: Path) -> None:
    first = write_atomic(old_file, NEW, backup=True)
    assert first.backup == backup_path(old_file)
    assert first.backup is not None and first.backup.read_text(encoding="utf-8") == OLD
    assert str(first.backup).startswith(os.environ["SITREP_STATE_DIR"])
    assert stat.S_IMODE(os.stat(first.backup).st_mode) == 0o600
    write_atomic(old_file, "third\n", backup=True)
    assert first.backup.read_text(encoding="utf-8") == NEW


def test_a_backup_failure_does_not_stop_the_save(
    old_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("SITREP_STATE_DIR", str(blocker))  # state folder cannot be made
    saved = write_atomic(old_file, NEW, backup=True)
    assert old_file.read_text(encoding="utf-8") == NEW
    assert saved.backup is None
    assert saved.backup_error is not None and "previous version" in saved.backup_error


def fail_after(limit: int, error: int) -> object:
    """An os.write that writes up to limit bytes in total, then fails with error."""
    real_write = os.write
    written = 0

    def fake(fd: int, data: bytes | memoryview) -> int:
        nonlocal written
        room = limit - written
        if room <= 0:
            raise OSError(error, os.strerror(error))
        n = real_write(fd, bytes(data[:room]))
        written += n
        return n

    return fake


@pytest.mark.parametrize("limit", [0, 1, 4096, len(NEW) - 1])
def test_disk_full_halfway_leaves_the_old_file_whole(
    old_file: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(store.os, "write", fail_after(limit, errno.ENOSPC))
    with pytest.raises(SitrepIOError, match="disk is full"):
        write_atomic(old_file, NEW, backup=True)
    monkeypatch.undo()
    assert old_file.read_text(encoding="utf-8") == OLD
    assert leftovers(old_file.parent) == []


@pytest.mark.parametrize("step", ["fsync", "replace", "fchmod"])
def test_failure_at_each_later_step_leaves_the_old_file_whole(
    old_file: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(store.os, step, boom)
    with pytest.raises(SitrepIOError, match="Input/output error"):
        write_atomic(old_file, NEW)
    monkeypatch.undo()
    assert old_file.read_text(encoding="utf-8") == OLD
    assert leftovers(old_file.parent) == []


def test_permission_denied_in_a_read_only_folder(
    tmp_path: Path, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = old_file.parent
    os.chmod(folder, 0o500)
    try:
        probe_allowed = True
        try:
            (folder / "probe").write_text("x")
            (folder / "probe").unlink()
        except PermissionError:
            probe_allowed = False
        if probe_allowed:  # root ignores folder modes: simulate what a user would meet

            def denied(*args: object, **kwargs: object) -> tuple[int, str]:
                raise PermissionError(errno.EACCES, "Permission denied")

            monkeypatch.setattr(tempfiles.tempfile, "mkstemp", denied)
        with pytest.raises(SitrepIOError, match="permission denied"):
            write_atomic(old_file, NEW)
    finally:
        os.chmod(folder, 0o700)
    assert old_file.read_text(encoding="utf-8") == OLD
    assert leftovers(folder) == []


def test_a_read_only_file_is_not_replaced(old_file: Path) -> None:
    os.chmod(old_file, 0o444)
    with pytest.raises(SitrepIOError, match="read-only"):
        write_atomic(old_file, NEW)
    assert old_file.read_text(encoding="utf-8") == OLD


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SitrepIOError, match="folder does not exist"):
        write_atomic(tmp_path / "nowhere" / "sit.yaml", NEW)
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_as_target(tmp_path: Path) -> None:
    (tmp_path / "dir.yaml").mkdir()
    with pytest.raises(SitrepIOError, match="folder"):
        write_atomic(tmp_path / "dir.yaml", NEW)
    assert (tmp_path / "dir.yaml").is_dir()


def test_text_utf8_cannot_store_is_an_error_not_a_crash(old_file: Path) -> None:
    with pytest.raises(SitrepIOError, match="U\\+D800"):
        write_atomic(old_file, "bad \ud800 surrogate")
    assert old_file.read_text(encoding="utf-8") == OLD


def test_special_files_are_written_in_place(tmp_path: Path) -> None:
    saved = write_atomic("/dev/null", NEW)
    assert saved.path == Path("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null must not be replaced"


def test_save_refuses_to_overwrite_a_file_changed_on_disk(
    tmp_path: Path, sample: Situation
) -> None:
    path = tmp_path / "sit.yaml"
    path.write_text(dump_situation(sample), encoding="utf-8")
    loaded = DiskState.capture(path)
    # Someone else saves the file meanwhile (same size, to defeat a size-only check).
    theirs = path.read_text(encoding="utf-8").replace("Kandahar", "KANDAHAR")
    path.write_text(theirs, encoding="utf-8")
    with pytest.raises(FileChangedError) as info:
        save_situation(sample, path, expected=loaded)
    assert info.value.status == "modified"
    assert path.read_text(encoding="utf-8") == theirs
    assert leftovers(tmp_path) == []


def test_save_with_the_right_expected_state_succeeds_and_chains(
    tmp_path: Path, sample: Situation
) -> None:
    path = tmp_path / "sit.yaml"
    path.write_text("sitrep: 1\n", encoding="utf-8")
    first = save_situation(sample, path, expected=DiskState.capture(path))
    assert load_situation(path) == sample
    assert first.backup is not None and first.backup.read_text() == "sitrep: 1\n"
    first_text = path.read_text(encoding="utf-8")
    sample.header.title = "Changed"
    second = save_situation(sample, path, expected=first.disk)  # the state the save left
    assert second.disk.sha256 != first.disk.sha256
    assert second.backup == first.backup and second.backup.read_text() == first_text


def test_save_refuses_when_the_file_was_deleted_or_created(
    tmp_path: Path, sample: Situation
) -> None:
    path = tmp_path / "sit.yaml"
    never_saved = DiskState.absent(path)
    path.write_text("someone else's\n", encoding="utf-8")
    with pytest.raises(FileChangedError, match="created"):
        save_situation(sample, path, expected=never_saved)
    loaded = DiskState.capture(path)
    path.unlink()
    with pytest.raises(FileChangedError, match="deleted"):
        save_situation(sample, path, expected=loaded)
    assert not path.exists()


def test_a_save_near_the_load_limits_warns(
    tmp_path: Path, sample: Situation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.yaml import nodes as yamlnodes
    from sitrep.yaml.block import fast as yamlfast

    path = tmp_path / "sit.yaml"
    assert save_situation(sample, path).warning is None
    monkeypatch.setattr(yamlnodes, "MAX_NODES", 1000)  # the sample holds about 1,400 values
    assert save_situation(sample, path).warning is None  # the fast reader reads it
    monkeypatch.setattr(yamlfast, "MAX_FAST_VALUES", 1000)
    saved = save_situation(sample, path)
    assert saved.warning is not None and "near the 1,000 values" in saved.warning
    monkeypatch.setattr(yamlfast, "MAX_FAST_VALUES", 10_000)
    assert load_situation(path) == sample  # saved all the same


def test_fmt_keeps_the_previous_version(tmp_path: Path, sample: Situation) -> None:
    from sitrep.cli import main

    path = tmp_path / "sit.yaml"
    messy = dump_situation(sample).replace("\n\n", "\n")
    path.write_text(messy, encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == dump_situation(sample)
    assert backup_path(path).read_text(encoding="utf-8") == messy
