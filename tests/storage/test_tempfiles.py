"""Stale temporary files of killed saves are swept; a concurrent save's never are.

The loop at the end is the CI's kill-during-save run: a process saving over and
over (with a backup) is SIGKILLed at random moments many times; after each kill
the file is whole (the old text or the new), and after the next start
(Guard.pending) no stale temporary file remains beside it or in the backups.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitrep.editing.document import Document
from sitrep.storage.diskstate import load_with_state
from sitrep.storage.guard import Guard
from sitrep.storage.store import backup_path, sweep_temporary_files, write_atomic
from sitrep.storage.tempfiles import create_temp, sweep_stale, temp_name_pattern
from sitrep.yaml.io import dump_situation

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs flock and SIGKILL")

HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sitrep.storage.tempfiles import create_temp
    fd, name = create_temp(Path(sys.argv[1]), sys.argv[2])
    print(name, flush=True)
    time.sleep(600)
    """
)


def holder(folder: Path, name: str) -> tuple[subprocess.Popen[str], Path]:
    """A process holding (locked) a temporary file, as a save in progress does."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), name], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    return child, Path(child.stdout.readline().strip())


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait()


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_killed_saves_temporary_file_is_swept_by_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "sit.yaml"
    target.write_text("old\n")
    child, stale = holder(tmp_path, "sit.yaml")
    kill(child)  # the lock dies with it
    assert stale.exists() and temp_name_pattern("sit.yaml").match(stale.name)
    write_atomic(target, "new\n")
    assert temps(tmp_path) == []
    assert target.read_text() == "new\n"


def test_a_concurrent_saves_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "sit.yaml"
    target.write_text("old\n")
    child, live = holder(tmp_path, "sit.yaml")
    try:
        write_atomic(target, "new\n")
        assert sweep_stale(tmp_path, "sit.yaml") == []
        assert temps(tmp_path) == [live], "a save in progress keeps its file"
    finally:
        kill(child)
    assert sweep_stale(tmp_path, "sit.yaml") == [live]


@pytest.mark.parametrize(
    "name",
    [
        ".sit.yaml.abc.tmp",  # not tempfile's 8 characters
        ".sit.yaml.ABCDEFGH.tmp",  # upper case: not tempfile's alphabet
        "sit.yaml.tmp",
        ".other.yaml.abcdefgh.tmp",  # another file's
        ".sit.yaml.abcdefgh.tmp.keep",
    ],
)
def test_only_sitreps_own_names_are_swept(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("someone else's")
    assert sweep_stale(tmp_path, "sit.yaml") == []
    assert (tmp_path / name).exists()


def test_a_symlink_or_folder_of_the_pattern_is_not_removed(tmp_path: Path) -> None:
    (tmp_path / ".sit.yaml.abcdefgh.tmp").symlink_to(tmp_path / "elsewhere")
    (tmp_path / ".sit.yaml.bcdefghi.tmp").mkdir()
    assert sweep_stale(tmp_path, "sit.yaml") == []


def test_the_temporary_file_is_locked_while_written(tmp_path: Path) -> None:
    fd, name = create_temp(tmp_path, "sit.yaml")
    try:
        assert sweep_stale(tmp_path, "sit.yaml") == []
    finally:
        os.close(fd)
    assert sweep_stale(tmp_path, "sit.yaml") == [Path(name)]


def test_the_start_sweeps_beside_the_file_and_in_the_backups(
    tmp_path: Path, sample_file: Path
) -> None:
    target = tmp_path / "sit.yaml"
    target.write_bytes(sample_file.read_bytes())
    backups = backup_path(target)
    beside, stale_here = holder(tmp_path, target.name)
    kill(beside)
    there, stale_there = holder(backups.parent, backups.name)
    kill(there)
    situation, disk = load_with_state(target)
    Guard(Document(situation, target), disk, lambda message: None).pending()
    assert not stale_here.exists() and not stale_there.exists()


# -- the kill-during-save loop -----------------------------------------------------------

SAVER = textwrap.dedent(
    """
    import sys
    from sitrep.storage.store import write_atomic
    path, first, second = sys.argv[1], sys.argv[2], sys.argv[3]
    texts = [open(first, encoding="utf-8").read(), open(second, encoding="utf-8").read()]
    print("START", flush=True)
    while True:
        for text in texts:
            write_atomic(path, text, backup=True)
    """
)


KILLS = 12
"""Kills at random points of a save; each one checks the file is whole."""


def test_kill_during_save_many_times_then_start(tmp_path: Path, sample_file: Path) -> None:
    situation, _ = load_with_state(sample_file)
    old = dump_situation(situation)
    situation.notes = situation.notes * 150  # about 1.5 MB: a save takes a while
    new = dump_situation(situation)
    (tmp_path / "a.txt").write_text(old, encoding="utf-8")
    (tmp_path / "b.txt").write_text(new, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    target = work / "sit.yaml"
    target.write_text(old, encoding="utf-8")
    rng = random.Random(20210813)
    left_behind = 0
    kills = 0
    while kills < KILLS:  # a count, not a time window: a busy machine runs the same test
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SAVER,
                str(target),
                str(tmp_path / "a.txt"),
                str(tmp_path / "b.txt"),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "START"
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=rng.uniform(0.0, 0.2))
        finally:
            kill(child)
        kills += 1
        text = target.read_text(encoding="utf-8")
        assert text in (old, new), f"torn file of {len(text)} characters after kill {kills}"
        left_behind = max(left_behind, len(temps(work)) + len(temps(backup_path(target).parent)))
    # The next start sweeps what the kills left (each kill may leave one or two).
    situation, disk = load_with_state(target)
    Guard(Document(situation, target), disk, lambda message: None).pending()
    assert temps(work) == []
    assert temps(backup_path(target).parent) == []
    assert sweep_temporary_files(target) == []
    print(f"{kills} kills, at most {left_behind} temporary files left at once")
