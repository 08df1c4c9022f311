"""The file: line:col errors, no YAML 1.1 surprises, canonical and diff-friendly output."""

from __future__ import annotations

import difflib
import textwrap
from pathlib import Path

import pytest

from sitrep.errors import SitrepDataError
from sitrep.yaml.io import dump_situation, load_situation, parse_situation

HEAD = """\
sitrep: 2
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
    assert len([p for p in situation.places if p.kind == "province"]) == 34
    assert dump_situation(situation) == text


V1_HEAD = HEAD.replace("sitrep: 2", "sitrep: 1")


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
            "evacuations:\n- country: US\n  troops: lots\n",
            "f.yaml:16:11: troops: cannot read 'lots' as a figure",
        ),
    ],
)
def test_a_version_1_file_is_checked_by_its_own_rules(body: str, expected: str) -> None:
    found = problems(V1_HEAD + body)
    assert any(line.startswith(expected) for line in found), found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "places:\n- id: a\n  name: A\n  capitl: A town\n",
            "f.yaml:17:3: unknown key 'capitl'; did you mean 'capital'?",
        ),
        (
            "places:\n- id: a\n  name: A\n  control:\n  - holdr: taliban\n",
            "f.yaml:18:5: unknown key 'holdr'; did you mean 'holder'?",
        ),
        ("places:\n- id: a\n", "f.yaml:15:3: missing required key 'name'"),
        (
            "places:\n- id: a\n  name: A\n  control:\n  - holder: talib\n",
            "f.yaml:18:13: unknown party 'talib'; did you mean 'taliban'?",
        ),
        (
            "places:\n- id: a\n  name: A\n  control:\n  - date: 2021-02-30\n    holder: taliban\n",
            "f.yaml:18:11: date: 2021-02-30 is not a real date (no such day in that month)",
        ),
        (
            "places:\n- id: a\n  name: A\n  lat: 91\n  lon: 0\n",
            "f.yaml:17:8: lat: should be less than or equal to 90",
        ),
        (
            "places:\n- id: a\n  name: A\n  control:\n  - holder: taliban\n    sources:\n    - cnn\n",
            "f.yaml:20:7: unknown source 'cnn'",
        ),
        (
            "places:\n- id: a\n  name: A\n  kind: city\n  name: B\n",
            "f.yaml:18:3: duplicate key 'name'",
        ),
        (
            "evacuations:\n- actor: US\n  troops: -5\n",
            "f.yaml:16:11: troops: a figure cannot be negative",
        ),
        (
            "evacuations:\n- actor: US\n  troops: lots\n",
            "f.yaml:16:11: troops: cannot read 'lots' as a figure",
        ),
        ("evacuations:\n- actor: US\n  embassy: shut\n", "f.yaml:16:12: embassy: should be"),
        (
            "notes:\n- date: 2021-08-13\n  text: !!python/object/apply:os.system [echo hi]\n",
            "f.yaml:16:9: YAML tags such as !!python/object/apply:os.system are not allowed",
        ),
        ("parties:\n- id: x\n  name: X\n", "f.yaml:14:1: duplicate key 'parties'"),
        ("places: [\n", "f.yaml:15:1: "),
    ],
)
def test_errors_point_at_line_and_column(body: str, expected: str) -> None:
    found = problems(HEAD + body)
    assert any(line.startswith(expected) for line in found), found


def test_yaml_11_surprises_stay_strings() -> None:
    text = HEAD + "places:\n- id: 'no'\n  name: NO\n  iso: 0123\n  pcode: 1:30\n"
    place = parse_situation(text).places[0]
    assert (place.name, place.iso, place.pcode) == ("NO", "0123", "1:30")
    out = dump_situation(parse_situation(text))
    assert "name: 'NO'" in out and "iso: '0123'" in out and "pcode: '1:30'" in out
    assert parse_situation(out).places[0] == place


def test_wrong_types_are_errors_not_coerced() -> None:
    found = problems(HEAD + "places:\n- id: a\n  name: 12\n")
    assert found == ["f.yaml:16:9: name: should be a valid string"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "places:\n- id: a\n  name: A\n  lat: '31.6'\n  lon: 1\n",
            "f.yaml:17:8: lat: should be a valid number (remove the quotes: '31.6' is text)",
        ),
        (
            "places:\n- id: a\n  name: A\n  lat: true\n  lon: 1\n",
            "f.yaml:17:8: lat: should be a valid number (true and false are not numbers)",
        ),
        ("places:\n- id: a b\n  name: A\n", "f.yaml:15:7: id: 'a b' is not an id"),
        ("outlook:\n- just words\n", "f.yaml:15:3: an outlook item is a set of keys"),
        (
            "places:\n- id: a\n  name: A\n  kind: city\n  knd: town\n",
            "f.yaml:18:3: unknown key 'knd'; did you mean 'kind'?",
        ),
    ],
)
def test_messages_say_what_to_do(body: str, expected: str) -> None:
    found = problems(HEAD + body)
    assert any(line.startswith(expected) for line in found), found


def test_schema_and_reference_errors_come_in_one_run() -> None:
    body = (
        "places:\n- id: a\n  name: A\n  control:\n  - date: 2021-08-1\n    holder: taliban\n"
        "- id: b\n  name: B\n  control:\n  - holder: nobody\n"
    )
    found = problems(HEAD + body)
    assert any("is not a date" in line for line in found), found
    assert any("unknown party 'nobody'" in line for line in found), found


def test_a_duplicate_names_the_line_of_its_first_use() -> None:
    found = problems(HEAD + "places:\n- id: a\n  name: A\n- id: A\n  name: B\n")
    assert found == [
        "f.yaml:17:7: duplicate place id 'a': each place needs its own (first used on line 15)"
    ]


def test_alias_and_empty_and_list_documents_are_refused() -> None:
    assert problems(HEAD + "notes:\n- &n {date: 2021-08-13, text: x}\n- *n\n")[0].startswith(
        "f.yaml:15:3: anchors"
    )
    assert problems("") == ["f.yaml: the file is empty"]
    assert problems("- a\n- b\n")[0].startswith("f.yaml:1:1: a situation file is a mapping")


def test_one_field_edit_changes_one_line(sample_file: Path) -> None:
    situation = load_situation(sample_file)
    before = dump_situation(situation)
    place = situation.places[3]
    change = place.control[0].model_copy(update={"holder": "taliban"})
    situation.places[3] = place.model_copy(update={"control": [change, *place.control[1:]]})
    after = dump_situation(situation)
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-  - holder: government", "+  - holder: taliban"]


def test_output_is_block_style_with_blank_lines_between_entries(sample) -> None:
    out = dump_situation(sample)
    assert "{" not in out.split("places:")[1].split("\n- ")[0]
    assert "\n\n- id: badghis\n" in out
    assert out.startswith("sitrep: 2\n\nheader:\n")
