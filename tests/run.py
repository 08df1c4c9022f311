"""Run the real `sitrep` command line in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m sitrep ARGS` in cwd, with this test's environment (its state folder)."""
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        env=os.environ,
    )
