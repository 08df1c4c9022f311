"""A save killed with SIGKILL at any moment leaves either the old or the new file, whole."""

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

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

OLD = "old\n" * 50_000
NEW = "new\n" * 60_000

# Saves NEW over the file; with PAUSE set, stops between fsync and rename and says so.
CHILD = textwrap.dedent(
    """
    import os, sys, time
    from sitrep.storage import store
    path, pause = sys.argv[1], sys.argv[2] == "pause"
    real_replace = os.replace
    def slow_replace(src, dst):
        print("READY", flush=True)
        time.sleep(60)
        real_replace(src, dst)
    if pause:
        store.os.replace = slow_replace
    print("START", flush=True)
    while True:
        for text in ("new\\n" * 60_000, "old\\n" * 50_000):
            store.write_atomic(path, text, backup=True)
    """
)


def run_child(path: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), mode],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )


def test_killed_between_write_and_rename_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "sit.yaml"
    path.write_text(OLD, encoding="utf-8")
    child = run_child(path, "pause")
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "START"
        assert child.stdout.readline().strip() == "READY"
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) == 1 and temps[0].read_text() == NEW, "the new text was written"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert path.read_text(encoding="utf-8") == OLD


def test_killed_at_random_moments_the_file_is_always_whole(tmp_path: Path) -> None:
    path = tmp_path / "sit.yaml"
    path.write_text(OLD, encoding="utf-8")
    rng = random.Random(20210813)
    for _ in range(6):
        child = run_child(path, "loop")
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "START"
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=rng.uniform(0.0, 0.15))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        text = path.read_text(encoding="utf-8")
        assert text in (OLD, NEW), f"torn file of {len(text)} characters"
    assert child.returncode == -signal.SIGKILL
