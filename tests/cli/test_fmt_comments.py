"""`sitrep fmt` keeps comments: a real process on an annotated file, format 2 or 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.yaml.test_comments import CANONICAL, HAND_WRITTEN, HAND_WRITTEN_V1, MIGRATED_V1


@pytest.mark.parametrize(
    ("written", "canonical", "says"),
    [
        (HAND_WRITTEN, CANONICAL, "would reformat"),
        (HAND_WRITTEN_V1, MIGRATED_V1, "would migrate to format 2"),  # comments move too
    ],
    ids=["format-2", "format-1"],
)
def test_fmt_keeps_comments_and_leaves_a_canonical_file_byte_identical(
    tmp_path: Path, written: str, canonical: str, says: str
) -> None:
    path = tmp_path / "flood.yaml"
    path.write_text(written, encoding="utf-8")
    check = run("fmt", "--check", str(path))
    assert check.returncode == 1 and f"{says} {path}" in check.stdout
    done = run("fmt", str(path))
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == canonical
    again = run("fmt", "--check", str(path))
    assert again.returncode == 0, again.stdout
    assert "0 file(s) would be reformatted, 1 left unchanged" in again.stderr
    assert run("check", str(path)).returncode == 0
