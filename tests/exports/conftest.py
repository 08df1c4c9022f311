"""Helpers for the export tests: golden files and a CLI run in-process."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from sitrep.cli import main
from tests.paths import GOLDEN

UPDATE = os.environ.get("SITREP_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME (SITREP_UPDATE_GOLDEN=1 rewrites it; read the diff)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), text.splitlines(True), "golden", "now", n=1
            )
        )
        pytest.fail(f"{name} differs from its golden file:\n{diff[:4000]}")


def sitrep(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Run the CLI in this process; returns (exit code, stdout, stderr)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def copy_sample(sample_file: Path, folder: Path) -> Path:
    """A copy of the sample and its outline in folder; returns the situation's path."""
    target = folder / "sit.yaml"
    target.write_bytes(sample_file.read_bytes())
    outline = sample_file.parent / "afghanistan-outline.geojson"
    (folder / outline.name).write_bytes(outline.read_bytes())
    return target
