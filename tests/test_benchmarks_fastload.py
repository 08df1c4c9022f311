"""The fast YAML reader gives exactly libyaml's values, or declines (benchmarks' load path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepDataError
from sitrep.model.yamlemit import dump_canonical
from sitrep.model.yamlfast import fast_load
from sitrep.model.yamlio import parse_situation
from sitrep.model.yamlnodes import NodeError, compose, to_python

REPO = Path(__file__).resolve().parent.parent


def typed(value: Any) -> Any:
    """Values with their types, so True never equals 1 and 1.0 never equals 1."""
    if isinstance(value, dict):
        return ("map", [(k, typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [typed(v) for v in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def slow_load(text: str) -> Any:
    """libyaml's node tree built into values, or the exception it raises."""
    try:
        root = compose(text)
        return to_python(root) if root is not None else None
    except (yaml.YAMLError, NodeError, RecursionError) as exc:
        return exc


def assert_agrees(text: str) -> None:
    fast = fast_load(text)
    slow = slow_load(text)
    if isinstance(slow, Exception):
        assert fast is None, f"fast path read text libyaml refuses ({slow}):\n{text}"
    elif fast is not None:
        assert typed(fast) == typed(slow), text


def test_the_sample_takes_the_fast_path(sample_file: Path) -> None:
    text = sample_file.read_text(encoding="utf-8")
    fast = fast_load(text)
    assert fast is not None
    assert typed(fast) == typed(slow_load(text))


def test_a_generated_file_takes_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.generate import write

    path = tmp_path / "g.yaml"
    write(200, path)
    text = path.read_text(encoding="utf-8")
    fast = fast_load(text)
    assert fast is not None and len(fast["territory"]) == 200
    assert typed(fast) == typed(slow_load(text))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n# a comment\nb: 2\n",
        "a: [1, 2]\n",
        "a: {b: 1}\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        'a: "tab\\there"\n',
        "a: some text\n  continued\n",
        "a:\n\tb: 1\n",
        "a: 1\na: 2\n",
        "a: b: c\n",
        "a: |+\n  kept\n\n",
        "a: >\n  folded\n",
        "a: |2\n   indented\n",
        "a:\n- - nested\n",
        "a: 'unterminated\n",
        "null: 1\n",
        "<<: 1\n",
        "a: 1\n b: 2\n",
        "a: |-\n    x\n  y\n",
        "---\na: 1\n",
        "a: x #comment\n",
        "a:  two spaces\n",
        "a: trailing \n",
        "a: \u2028\n",
        "a: 1\r\nb: 2\r\n",
    ],
)
def test_unsure_text_goes_to_libyaml(text: str) -> None:
    assert fast_load(text) is None
    assert_agrees(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 0123\ng: 1e5\n", None),
        ("a: yes\nb: NO\nc: 2021-08-13\nd: 1:30\ne: -3\nf: .inf\ng: =\n", None),
        ("a: 'it''s'\nb: \"q: #x\"\nc: http://x.org/a#b\nd: -x\n", None),
        ("a:\n  b:\n  - 1\n  - x: 2\n    y: |-\n      line\n\n      more\nc:\n", None),
        ("a: |\n  clip\n\n\nb: |-\n  strip\n", {"a": "clip\n", "b": "strip"}),
        ("- |\n  no final break", ["no final break"]),
    ],
)
def test_fast_path_values_match_libyaml(text: str, expected: Any) -> None:
    fast = fast_load(text)
    assert fast is not None
    assert typed(fast) == typed(slow_load(text))
    if expected is not None:
        assert fast == expected


_WORDS = st.sampled_from(
    ["x", "yes", "null", "1", "0x1f", "1_000", "-1.5", "2021-08-13", "a: b", "a #b", "'q'", '"q"']
)
_TEXT = st.one_of(_WORDS, st.text(max_size=40), st.text(alphabet="a :#-|'\"\n", max_size=80))
_VALUE = st.one_of(_TEXT, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
_ENTRY = st.dictionaries(
    st.sampled_from(["id", "name", "note", "lat"]), _VALUE | st.lists(_TEXT, max_size=3)
)
_DATA = st.tuples(st.lists(_ENTRY, max_size=4), _ENTRY).map(
    lambda parts: {"sitrep": 1, "territory": parts[0], "header": parts[1]}
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DATA)
def test_canonical_text_reads_the_same_either_way(data: dict[str, Any]) -> None:
    assert_agrees(dump_canonical(data))


_LINES = st.sampled_from(
    [
        "",
        "# note",
        "a: 1",
        "  a: 1",
        "- a",
        "  - a",
        "- a: 1",
        "  b: x",
        "b: |-",
        "    text",
        "  text",
        "\ttab: 1",
        "c:",
        "c: 'x''y'",
        "d: [1]",
        "   ",
        "e: x: y",
        "f: -",
        "g: &a x",
        "a: 2",
    ]
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=10))
def test_any_line_soup_reads_the_same_or_is_declined(lines: list[str]) -> None:
    assert_agrees("\n".join(lines) + "\n")


def test_an_invalid_file_still_gets_line_and_column(sample_file: Path) -> None:
    text = sample_file.read_text(encoding="utf-8").replace("holder: taliban", "holder: talib", 1)
    with pytest.raises(SitrepDataError) as caught:
        parse_situation(text, "s.yaml")
    assert any(p.line and "unknown party 'talib'" in p.message for p in caught.value.problems)
