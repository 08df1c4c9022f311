"""First paint in a real terminal: tmux at 120x40, polling the pane until text appears."""

from __future__ import annotations

import itertools
import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Mapping

POLL = 0.01
"""Seconds between two looks at the pane (each look is a tmux process: ~3 ms of CPU)."""

_sessions = itertools.count(1)


def have_tmux() -> bool:
    """Whether tmux is installed."""
    return shutil.which("tmux") is not None


def _capture(name: str) -> str:
    done = subprocess.run(
        ["tmux", "capture-pane", "-t", name, "-p"], capture_output=True, text=True, check=False
    )
    return done.stdout


def _start_session(name: str, shell_command: str) -> float:
    """Start a detached 120x40 session; returns when it started (perf_counter).

    Retried a few times: when the last session was just killed, the tmux server
    may still be exiting and refuse the new one ("server exited unexpectedly").
    """
    command = ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", shell_command]
    for _ in range(5):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return start
        time.sleep(0.3)
    raise RuntimeError(f"tmux could not start a session: {done.stderr.strip()}")


def first_paint(
    command: list[str], markers: list[str], env: Mapping[str, str], timeout: float = 300
) -> float:
    """Seconds from starting command in a new 120x40 tmux session until every marker shows."""
    name = f"sitrep-bench-{os.getpid()}-{next(_sessions)}"
    prefix = ["env", *(f"{k}={v}" for k, v in env.items())]
    start = _start_session(name, shlex.join(prefix + command))
    try:
        while True:
            screen = _capture(name)
            if all(marker in screen for marker in markers):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{markers} never appeared in tmux; the pane shows:\n{screen}")
            time.sleep(POLL)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)
