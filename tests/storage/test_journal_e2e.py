"""End to end: a real `sitrep FILE` is killed with SIGKILL mid-edit and gets its edit back.

The app runs as a user starts it, in a terminal (a bare pseudo-terminal, and
tmux when it is installed, whose screen can be read back exactly). A holder is
changed by keys (h, 2, Enter), the process is killed with SIGKILL, started
again, the recovery is accepted, and the edit must be there: on screen, in the
journal, and in the file once saved. Every wait polls (the screen, the journal,
the file) with a generous deadline: nothing here depends on how fast the
machine is. State and settings live in the test's own folders.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import pytest

from sitrep.storage.crash.journal import Journal
from sitrep.yaml.io import load_situation

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty and SIGKILL")

DEADLINE = 60.0
"""Seconds any one step may take before the test gives up (a hang, not slowness)."""
COLUMNS, LINES = 120, 40


class Terminal(Protocol):
    """A running sitrep and what it shows."""

    def type(self, keys: str) -> None: ...
    def screen(self) -> str: ...
    def alive(self) -> bool: ...
    def kill9(self) -> int: ...
    def close(self) -> None: ...


class PtyTerminal:
    """sitrep in a 120x40 pseudo-terminal; screen() is everything printed since the last type()."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._since = 0
        self._lock = threading.Lock()
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
            with self._lock:
                self.output += data

    def type(self, keys: str) -> None:
        with self._lock:
            self._since = len(self.output)
        os.write(self.master, keys.encode())

    def screen(self) -> str:
        with self._lock:
            return self.output[self._since :].decode(errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill9(self) -> int:
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
        return self.process.wait(timeout=DEADLINE)

    def close(self) -> None:
        self.kill9()
        os.close(self.master)
        self._reader.join(timeout=5)


class TmuxTerminal:
    """sitrep in a 120x40 tmux window on a private tmux server; screen() is the pane's text."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        # A private server (its socket in a folder of our own): never another tmux's sessions.
        self.folder = Path(tempfile.mkdtemp(prefix="sitrep-e2e-"))
        self.socket = self.folder / "tmux"
        self.session = f"e2e-{uuid.uuid4().hex[:8]}"
        variables = [f"{k}={v}" for k, v in env.items() if k.startswith("SITREP_")]
        shell = "exec env " + shlex.join([*variables, *command])
        pid = self._tmux(
            "new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", self.session,
            "-x", str(COLUMNS), "-y", str(LINES), shell,
        )  # fmt: skip
        self.pid = int(pid.strip())

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", "/dev/null", *args],
            capture_output=True, text=True, timeout=DEADLINE, check=False,
        )  # fmt: skip
        if result.returncode != 0 and args[0] != "kill-server":
            raise AssertionError(f"tmux {args[0]} failed: {result.stderr}")
        return result.stdout

    def type(self, keys: str) -> None:
        self._tmux("send-keys", "-t", self.session, "-l", keys)

    def screen(self) -> str:
        try:
            return self._tmux("capture-pane", "-t", self.session, "-p")
        except AssertionError:
            return ""  # the pane is gone: the process ended

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def kill9(self) -> int:
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
        deadline = time.monotonic() + DEADLINE
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        return -signal.SIGKILL

    def close(self) -> None:
        self.kill9()
        self._tmux("kill-server")
        shutil.rmtree(self.folder, ignore_errors=True)


DRIVERS: dict[str, Callable[[list[str], dict[str, str]], Terminal]] = {
    "pty": PtyTerminal,
    "tmux": TmuxTerminal,
}


def wait_for(what: str, condition: Callable[[], bool], term: Terminal) -> None:
    """Poll until condition holds; a guard against a hang, not a measure of speed."""
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if not term.alive():
            raise AssertionError(f"sitrep exited while waiting for {what}:\n{term.screen()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; the screen:\n{term.screen()}")
        time.sleep(0.05)


def journal_lines(path: Path) -> int:
    """Lines in the file's journal: its header, then one per change."""
    slot = Journal.slots(path)[0]
    return len(slot.read_text(encoding="utf-8").splitlines()) if slot.exists() else 0


def holder_of(path: Path, place_id: str) -> str:
    """Who holds a place in the file on disk."""
    return next(p.holder for p in load_situation(path).places if p.id == place_id)


@pytest.fixture(params=list(DRIVERS))
def terminals(request: pytest.FixtureRequest) -> Iterator[Callable[..., Terminal]]:
    """Starts sitrep in a terminal of one kind; every one is killed at the end, whatever happens."""
    if request.param == "tmux" and shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    started: list[Terminal] = []

    def start(command: list[str], env: dict[str, str]) -> Terminal:
        term = DRIVERS[request.param](command, env)
        started.append(term)
        return term

    try:
        yield start
    finally:
        for term in started:
            term.close()


@pytest.fixture
def killed(
    tmp_path: Path,
    sample_file: Path,
    terminals: Callable[..., Terminal],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, Callable[[], Terminal]]:
    """Start sitrep on a copy of the sample, record a holder change by keys, SIGKILL it.

    Returns the file and what starts sitrep on it again.
    """
    # The test reads the journal where the app writes it: one state folder for both.
    monkeypatch.setenv("SITREP_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SITREP_CONFIG", str(tmp_path / "settings.toml"))
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    shutil.copy(sample_file.with_name("afghanistan-outline.geojson"), tmp_path)
    assert holder_of(path, "badakhshan") == "taliban"  # the first row of the places table
    env = {**os.environ, "TERM": "xterm-256color"}
    command = [sys.executable, "-m", "sitrep", str(path)]

    first = terminals(command, env)
    wait_for("the table", lambda: "Badakhshan" in first.screen(), first)
    wait_for("the journal to start", lambda: journal_lines(path) == 1, first)
    first.type("h")
    wait_for("the control dialog", lambda: "record a change" in first.screen(), first)
    first.type("2")  # the second party: the government
    first.type("\r")
    wait_for("the holder change to be journaled", lambda: journal_lines(path) == 2, first)
    assert first.kill9() == -signal.SIGKILL
    assert holder_of(path, "badakhshan") == "taliban", "the file itself is untouched"
    return path, lambda: terminals(command, env)


def save_and_quit(second: Terminal, path: Path) -> None:
    """ctrl+s, wait for the edit in the file and the journal cleared, then q."""
    second.type("\x13")  # ctrl+s
    wait_for("the save", lambda: holder_of(path, "badakhshan") == "government", second)
    wait_for("the journal to be cleared", lambda: journal_lines(path) == 1, second)
    second.type("q")
    wait_for("a clean quit", lambda: not second.alive(), second)
    assert Journal.pending(path) is None


def test_kill_9_mid_edit_then_restart_recovers_the_edit(
    killed: tuple[Path, Callable[[], Terminal]],
) -> None:
    path, restart = killed
    second = restart()
    wait_for("the recovery question", lambda: "Recover" in second.screen(), second)
    second.type("r")
    # The recovered step is journaled again in a fresh journal: header + 1 change.
    wait_for("the recovered edit", lambda: journal_lines(path) == 2, second)
    if isinstance(second, TmuxTerminal):  # the screen can be read back exactly
        row = lambda: next(  # noqa: E731
            (line for line in second.screen().splitlines() if line.startswith(" Badakhshan")), ""
        )
        wait_for("the edit on screen", lambda: "Government" in row(), second)
    save_and_quit(second, path)


def test_kill_edit_change_restart_applies_the_edit_onto_the_changed_file(
    killed: tuple[Path, Callable[[], Terminal]],
) -> None:
    """Killed mid-edit, then a `git pull` changes the file: the edit is offered and applied."""
    path, restart = killed
    text = path.read_text(encoding="utf-8")
    pulled = text.replace("title: 'Afghanistan:", "title: 'Pulled:", 1) + "# merged\n"
    assert pulled != text + "# merged\n"
    path.write_text(pulled, encoding="utf-8")

    second = restart()
    wait_for("the offer onto the changed file", lambda: "Apply them" in second.screen(), second)
    if isinstance(second, TmuxTerminal):
        wait_for("the file named as changed", lambda: "changed since" in second.screen(), second)
    second.type("r")
    wait_for("the applied edit", lambda: journal_lines(path) == 2, second)
    save_and_quit(second, path)
    situation = load_situation(path)
    assert situation.header.title.startswith("Pulled:"), "their change is kept"
