"""The model and the brief import without Textual (the layer contract)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "sitrep.model",
        "sitrep.yaml.io",
        "sitrep.editing.document",
        "sitrep.brief",
        "sitrep.cli",
        "sitrep.settings",
    ],
)
def test_imports_without_textual(module: str) -> None:
    code = f"import sys, {module}; bad = [m for m in sys.modules if m.startswith(('textual', 'sitrep.app'))]; print(bad)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
