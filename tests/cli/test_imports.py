"""`sitrep check` and `sitrep export` never import Textual (it costs ~0.3 s at start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from sitrep.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("TEXTUAL:" + ",".join(heavy))
sys.exit(code)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["export", "--no-timestamp", "-o", "{out}"],
        ["fmt", "--check"],
    ],
)
def test_command_never_imports_textual(sample_file: Path, tmp_path: Path, args: list[str]) -> None:
    argv = [a.replace("{out}", str(tmp_path / "brief.md")) for a in args] + [str(sample_file)]
    if args[0] == "export":
        argv = ["export", str(sample_file), *argv[1:-1]]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "TEXTUAL:\n" in done.stdout, done.stdout  # no textual module at all
