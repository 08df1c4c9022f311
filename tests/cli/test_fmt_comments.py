"""`sitrep fmt` keeps comments: a real process on an annotated file, format 2 or 1."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.yaml.test_comments import CANONICAL, HAND_WRITTEN, HAND_WRITTEN_V1, MIGRATED_V1


def test_fmt_keeps_comments_and_leaves_a_canonical_file_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "flood.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    check = run("fmt", "--check", str(path))
    assert check.returncode == 1 and f"would reformat {path}" in check.stdout
    done = run("fmt", str(path))
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == CANONICAL
    again = run("fmt", "--check", str(path))
    assert again.returncode == 0, again.stdout
    assert "0 file(s) would be reformatted, 1 left unchanged" in again.stderr
    assert run("check", str(path)).returncode == 0


def test_fmt_migrates_a_version_1_file_with_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "flood-v1.yaml"
    path.write_text(HAND_WRITTEN_V1, encoding="utf-8")
    check = run("fmt", "--check", str(path))
    assert check.returncode == 1 and f"would migrate to format 2 {path}" in check.stdout
    done = run("fmt", str(path))
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == MIGRATED_V1
    assert run("fmt", "--check", str(path)).returncode == 0
