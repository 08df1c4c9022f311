"""The bundled situations and the annotated format doc stay valid, sourced and canonical."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.model.derived.control import control_summary, headline_places
from sitrep.model.sections import SECTION_MODELS
from sitrep.model.situation import Header
from sitrep.model.validation.warn import warnings
from sitrep.yaml.io import dump_situation, load_situation, parse_situation
from tests.paths import REPO

DATA = REPO / "data"
BUNDLED = sorted([*DATA.glob("*.yaml"), *(DATA / "examples").glob("*.yaml")])
DOC = REPO / "docs" / "format.md"


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_situation_is_valid_sourced_and_canonical(path: Path) -> None:
    situation = load_situation(path)
    assert [f.message for f in warnings(situation)] == []
    assert dump_situation(situation) == path.read_text(encoding="utf-8")


def test_there_are_examples_of_other_crises() -> None:
    examples = list((DATA / "examples").glob("*.yaml"))
    assert len(examples) >= 4
    regions = {load_situation(p).header.region for p in examples}
    assert len(regions) == len(examples)


def test_sample_counts_the_capitals_the_reference_dates_give() -> None:
    """18 capitals fell from 6 to 13 Aug 2021, 8 of them by 10 Aug."""
    sample = load_situation(DATA / "afghanistan-2021-08-13.yaml")
    kind, places = headline_places(sample)
    assert (kind, len(places)) == ("province", 34)
    held = {}
    for day in ("2021-08-13", "2021-08-10", "2021-08-05"):
        summary = control_summary(sample, day=dt.date.fromisoformat(day), places=places)
        count = summary.of("taliban")
        assert count is not None
        held[day] = count.held
    assert held == {"2021-08-13": 18, "2021-08-10": 8, "2021-08-05": 0}


def test_documented_example_is_a_valid_file() -> None:
    """The first whole file in docs/format.md parses, references and all."""
    (example,) = [b for b in _yaml_blocks() if b.startswith("sitrep: 2")]
    situation = parse_situation(example, "docs/format.md")
    palace = situation.place("republican-palace")
    assert palace is not None and palace.within == "khartoum"
    assert palace.control[0].confidence == "claimed"
    assert situation.evacuations[0].actor_kind == "organisation"
    assert [str(p.value) for p in situation.figures[0].series] == ["413", "more than 420"]


def _entries(block: dict[str, Any]) -> list[tuple[str, Any]]:
    return [
        (section, entry)
        for section, items in block.items()
        if section != "header"
        for entry in items
    ]


def test_every_documented_excerpt_is_valid_for_its_section() -> None:
    """Each excerpt (a section with entries) validates against that section's model."""
    excerpts = [
        yaml.safe_load(b) for b in _yaml_blocks() if not b.startswith(("sitrep:", "# yaml"))
    ]
    assert len(excerpts) >= 6
    for block in excerpts:
        assert set(block) <= {"header", *SECTION_MODELS}, block.keys()
        if "header" in block:
            Header.model_validate(block["header"])
        for section, entry in _entries(block):
            SECTION_MODELS[section].model_validate(entry)
