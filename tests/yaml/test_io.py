"""The file: line:col errors, no YAML 1.1 surprises, canonical and diff-friendly output."""

from __future__ import annotations

import difflib
import textwrap
from pathlib import Path

import pytest

from sitrep.errors import SitrepDataError
from sitrep.yaml.io import dump_situation, load_situation, parse_situation

HEAD = """\
sitrep: 1
header:
  title: Test
  region: Somewhere
  as_of: 2021-08-13
parties:
- id: taliban
  name: Taliban
- id: government
  name: Government
sources:
- id: ap
  publisher: Associated Press
"""


def problems(text: str) -> list[str]:
    with pytest.raises(SitrepDataError) as info:
        parse_situation(textwrap.dedent(text), "f.yaml")
    return info.value.lines()


def test_sample_loads_and_is_canonical(sample_file: Path) -> None:
    text = sample_file.read_text(encoding="utf-8")
    situation = load_situation(sample_file)
    assert len(situation.territory) == 34
    assert dump_situation(situation) == text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "territory:\n- id: a\n  name: A\n  holdr: taliban\n",
            "f.yaml:17:3: unknown key 'holdr'; did you mean 'holder'?",
        ),
        ("territory:\n- id: a\n  name: A\n", "f.yaml:15:3: missing required key 'holder'"),
        (
            "territory:\n- id: a\n  name: A\n  holder: talib\n",
            "f.yaml:17:11: unknown party 'talib'; did you mean 'taliban'?",
        ),
        (
            "territory:\n- id: a\n  name: A\n  holder: taliban\n  since: 2021-02-30\n",
            "f.yaml:18:10: since: should be a valid date",
        ),
        (
            "territory:\n- id: a\n  name: A\n  holder: taliban\n  lat: 91\n  lon: 0\n",
            "f.yaml:18:8: lat: should be less than or equal to 90",
        ),
        (
            "territory:\n- id: a\n  name: A\n  holder: taliban\n  sources:\n  - cnn\n",
            "f.yaml:19:5: unknown source 'cnn'",
        ),
        (
            "territory:\n- id: a\n  name: A\n  holder: taliban\n  name: B\n",
            "f.yaml:18:3: duplicate key 'name'",
        ),
        (
            "evacuations:\n- country: US\n  troops: -5\n",
            "f.yaml:16:11: troops: a figure cannot be negative",
        ),
        (
            "evacuations:\n- country: US\n  troops: lots\n",
            "f.yaml:16:11: troops: cannot read 'lots' as a figure",
        ),
        ("evacuations:\n- country: US\n  embassy: shut\n", "f.yaml:16:12: embassy: should be"),
        (
            "notes:\n- date: 2021-08-13\n  text: !!python/object/apply:os.system [echo hi]\n",
            "f.yaml:16:9: YAML tags such as !!python/object/apply:os.system are not allowed",
        ),
        ("parties:\n- id: x\n  name: X\n", "f.yaml:14:1: duplicate key 'parties'"),
        ("territory: [\n", "f.yaml:15:1: "),
    ],
)
def test_errors_point_at_line_and_column(body: str, expected: str) -> None:
    found = problems(HEAD + body)
    assert any(line.startswith(expected) for line in found), found


def test_yaml_11_surprises_stay_strings() -> None:
    text = (
        HEAD + "territory:\n- id: 'no'\n  name: NO\n  holder: taliban\n  iso: 0123\n  pcode: 1:30\n"
    )
    place = parse_situation(text).territory[0]
    assert (place.name, place.iso, place.pcode) == ("NO", "0123", "1:30")
    out = dump_situation(parse_situation(text))
    assert "name: 'NO'" in out and "iso: '0123'" in out and "pcode: '1:30'" in out
    assert parse_situation(out).territory[0] == place


def test_wrong_types_are_errors_not_coerced() -> None:
    found = problems(HEAD + "territory:\n- id: a\n  name: 12\n  holder: taliban\n")
    assert found == ["f.yaml:16:9: name: should be a valid string"]


def test_alias_and_empty_and_list_documents_are_refused() -> None:
    assert problems(HEAD + "notes:\n- &n {date: 2021-08-13, text: x}\n- *n\n")[0].startswith(
        "f.yaml:15:3: anchors"
    )
    assert problems("") == ["f.yaml: the file is empty"]
    assert problems("- a\n- b\n")[0].startswith("f.yaml:1:1: a situation file is a mapping")


def test_one_field_edit_changes_one_line(sample_file: Path) -> None:
    situation = load_situation(sample_file)
    before = dump_situation(situation)
    place = situation.territory[3]
    situation.territory[3] = place.model_copy(update={"holder": "taliban"})
    after = dump_situation(situation)
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-  holder: government", "+  holder: taliban"]


def test_output_is_block_style_with_blank_lines_between_entries(sample) -> None:
    out = dump_situation(sample)
    assert "{" not in out.split("territory:")[1].split("\n- ")[0]
    assert "\n\n- id: badghis\n" in out
    assert out.startswith("sitrep: 1\n\nheader:\n")
