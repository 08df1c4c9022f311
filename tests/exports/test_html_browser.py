"""The HTML brief in a real browser: headless Chromium opens it and shows the map.

Skipped where no Chromium is installed; the page's structure is checked without
one in test_html.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.exports.conftest import copy_sample, sitrep

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")


def chromium(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Headless Chromium with its profile in a scratch folder, no network needed."""
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_chromium_opens_the_page_with_its_map(
    tmp_path: Path, sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    situation = copy_sample(sample_file, tmp_path)
    page = tmp_path / "brief.html"
    code, _, err = sitrep(capsys, "export", situation, "--format", "html", "-o", page)
    assert code == 0, err
    dom = chromium("--dump-dom", page.as_uri(), home=tmp_path)
    assert dom.returncode == 0, dom.stderr
    assert "<svg" in dom.stdout and "Kabul" in dom.stdout, "the map, drawn inline"
    assert "Key figures" in dom.stdout
    shot = tmp_path / "brief.png"
    chromium(f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri(), home=tmp_path)
    assert shot.exists() and shot.stat().st_size > 10_000, "a page was drawn"
