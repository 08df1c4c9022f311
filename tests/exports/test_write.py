"""No export ever writes over the situation file or its outline, whatever the path says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.exports.conftest import copy_sample, sitrep


@pytest.fixture
def situation(tmp_path: Path, sample_file: Path) -> Path:
    return copy_sample(sample_file, tmp_path)


def _unchanged(folder: Path, before: dict[str, bytes]) -> None:
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("fmt", ["markdown", "html", "geojson", "pdf"])
def test_output_onto_the_situation_is_refused(
    capsys: pytest.CaptureFixture[str], situation: Path, fmt: str
) -> None:
    before = _snapshot(situation.parent)
    for target in (situation, situation.parent / "afghanistan-outline.geojson"):
        code, _, err = sitrep(capsys, "export", situation, "-f", fmt, "-o", target)
        assert code == 2 and "never writes an output over its input" in err, err
    _unchanged(situation.parent, before)


def test_other_spellings_of_the_same_file_are_refused(
    capsys: pytest.CaptureFixture[str], situation: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = situation.parent
    os.link(situation, folder / "hard.md")
    (folder / "soft.md").symlink_to(situation)
    (folder / "sub").mkdir()
    monkeypatch.chdir(folder / "sub")
    before = _snapshot(folder)
    for target in ("../hard.md", "../soft.md", "../sub/../sit.yaml", str(folder / "sit.yaml")):
        code, _, err = sitrep(capsys, "export", situation, "-o", target)
        assert code == 2 and "situation file" in err, (target, err)
    _unchanged(folder, before)


def test_map_and_timeline_targets_are_guarded_too(
    capsys: pytest.CaptureFixture[str], situation: Path
) -> None:
    before = _snapshot(situation.parent)
    code, _, err = sitrep(
        capsys, "export", situation, "--map", situation, "-o", situation.parent / "b.md"
    )
    assert code == 2 and "never writes an output over its input" in err
    code, _, err = sitrep(
        capsys, "export", situation, "--timeline", situation.parent / "afghanistan-outline.geojson"
    )
    assert code == 2
    _unchanged(situation.parent, before)


def test_an_hxl_folder_holding_a_link_to_the_situation_is_refused_before_writing(
    capsys: pytest.CaptureFixture[str], situation: Path
) -> None:
    out = situation.parent / "out"
    out.mkdir()
    os.link(situation, out / "sit-places.csv")
    code, _, err = sitrep(capsys, "export", situation, "-f", "hxl", "-o", f"{out}/")
    assert code == 2 and "never writes an output over its input" in err
    assert sorted(p.name for p in out.iterdir()) == ["sit-places.csv"]  # nothing else written
    assert (out / "sit-places.csv").read_bytes() == situation.read_bytes()
