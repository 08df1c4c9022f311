"""Golden files: the briefs of the sample, the fixture, a version 1 file and four crises.

Regenerate after an intended change with::

    SITREP_UPDATE_GOLDEN=1 pytest tests/brief/test_golden.py

then read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from pathlib import Path

import pytest
import yaml

from sitrep.brief import render_brief
from sitrep.model.situation import Situation
from tests.paths import GOLDEN, REPO

ROOT = REPO
SAMPLE = ROOT / "data" / "afghanistan-2021-08-13.yaml"
SITUATIONS = Path(__file__).parent / "situations"
CRISES = sorted(p.stem for p in SITUATIONS.glob("*.yaml"))
UPDATE = os.environ.get("SITREP_UPDATE_GOLDEN") == "1"


def load(path: Path) -> Situation:
    """Load with sitrep's own loader when there is one, else plain YAML and validation."""
    try:
        from sitrep.yaml.io import load_situation
    except ImportError:
        return Situation.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    return load_situation(path)


def check_golden(name: str, brief: str) -> None:
    """Compare with tests/golden/<name>, or rewrite it when SITREP_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(brief.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run with SITREP_UPDATE_GOLDEN=1 to create it")
    expected = path.read_bytes().decode("utf-8")
    if brief != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            brief.splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile="rendered",
        )
        pytest.fail(
            "brief differs from the golden file (SITREP_UPDATE_GOLDEN=1 to accept):\n"
            + "".join(diff)
        )


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample situation is not there yet")
def test_sample_brief_matches_golden() -> None:
    brief = render_brief(load(SAMPLE), source_name=SAMPLE.name)
    check_golden("sample-brief.md", brief)


def test_fixture_brief_with_everything_matches_golden() -> None:
    situation = load(GOLDEN / "fixture-situation.yaml")
    previous = load(GOLDEN / "fixture-previous.yaml")
    brief = render_brief(
        situation,
        source_name="fixture-situation.yaml",
        previous=previous,
        generated_at=dt.datetime(2024, 3, 10, 19, 0, tzinfo=dt.UTC),
        map_path="fixture-map.svg",
    )
    check_golden("fixture-brief.md", brief)


def test_a_version_1_file_is_migrated_and_its_brief_still_renders() -> None:
    situation = load(GOLDEN / "fixture-situation-v1.yaml")
    assert situation.sitrep == 2
    brief = render_brief(situation, source_name="fixture-situation-v1.yaml")
    check_golden("fixture-v1-brief.md", brief)


def test_there_are_crises_of_every_shape() -> None:
    assert CRISES == ["capital-war", "flood", "front-line", "government-falls"]


@pytest.mark.parametrize("name", CRISES)
def test_crisis_brief_matches_golden(name: str) -> None:
    brief = render_brief(load(SITUATIONS / f"{name}.yaml"), source_name=f"{name}.yaml")
    check_golden(f"crisis-{name}-brief.md", brief)
