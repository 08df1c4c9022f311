"""End to end: a real `sitrep FILE` in a terminal is killed with SIGKILL and recovers its edit.

The app runs in a pseudo-terminal as a user would start it; keys are typed into
it; the journal and the file on disk tell when each step has happened.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep.model.journal import Journal
from sitrep.model.yamlio import load_situation

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty and SIGKILL")


class Terminal:
    """sitrep running in a 120x40 pseudo-terminal; what it prints is kept."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def wait_for(what: str, condition: Callable[[], bool], term: Terminal) -> None:
    """Poll until condition holds; a guard against a hang, not a measure of speed."""
    deadline = time.monotonic() + 30
    while not condition():
        if term.process.poll() is not None:
            tail = term.output[-2000:].decode(errors="replace")
            raise AssertionError(f"sitrep exited while waiting for {what}: {tail}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def journal_lines(path: Path) -> int:
    slot = Journal.slots(path)[0]
    return len(slot.read_text().splitlines()) if slot.exists() else 0


def test_kill_9_then_restart_recovers_the_edit(tmp_path: Path, sample_file: Path) -> None:
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    shutil.copy(sample_file.with_name("afghanistan-outline.geojson"), tmp_path)
    places = len(load_situation(path).territory)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    command = [sys.executable, "-m", "sitrep", str(path)]

    first = Terminal(command, env)
    try:
        wait_for("the journal to start", lambda: journal_lines(path) == 1, first)
        first.type("d")  # delete the first place
        wait_for("the deletion to be journaled", lambda: journal_lines(path) == 2, first)
    finally:
        first.kill()
    assert first.process.returncode == -signal.SIGKILL
    assert len(load_situation(path).territory) == places, "the file itself is untouched"

    second = Terminal(command, env)
    try:
        wait_for("the recovery question", lambda: b"Recover" in second.output, second)
        second.type("y")
        # The recovered step is journaled again in a fresh journal: header + 1 change.
        wait_for("the recovered edit", lambda: journal_lines(path) == 2, second)
        second.type("\x13")  # ctrl+s
        wait_for("the save", lambda: len(load_situation(path).territory) == places - 1, second)
        wait_for("the journal to be cleared", lambda: journal_lines(path) == 1, second)
    finally:
        second.kill()
    assert Journal.pending(path) is None
