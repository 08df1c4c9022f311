"""The fast YAML reader gives exactly libyaml's values, or declines (benchmarks' load path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepDataError
from sitrep.yaml.block import lines as yamllines
from sitrep.yaml.block.fast import Declined, fast_load, read_plain
from sitrep.yaml.block.plain import CLIP, STRIP, Scalars, Unsure
from sitrep.yaml.emit import dump_canonical
from sitrep.yaml.io import parse_situation
from sitrep.yaml.locate import locate_all
from sitrep.yaml.marks import from_nodes
from sitrep.yaml.nodes import NodeError, compose, locate, to_python
from tests.paths import REPO


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
    """Both paths read the same values and the same comments, or the fast one declines."""
    read = read_plain(text)
    fast = None if isinstance(read, Declined) else read.value
    slow = slow_load(text)
    if isinstance(slow, Exception):
        assert fast is None, f"fast path read text libyaml refuses ({slow}):\n{text}"
    elif not isinstance(read, Declined):
        assert typed(fast) == typed(slow), text
        root = compose(text)
        assert root is not None
        assert read.comments == from_nodes(text, root), text


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
    assert fast is not None and len(fast["places"]) == 200
    assert typed(fast) == typed(slow_load(text))


@pytest.mark.parametrize(
    "text",
    [
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
        "a:  two spaces\n",
        "a: trailing \n",
        "a: \u2028\n",
        "a: 1\rb: 2\n",
        "- 'a': b\n",
        "a: |\n  x\n     \n",
        "a: |\n  x\n # c\n",
        "a: |\n# c\n  x\n",
        "a:\n  - x\n  b: 1\n",
        "- # c\n",
        "a: 'x'#c\n",
        "- -\n",
        "-\n",
        "a: b\n-x\n",
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
        ("a: 1\n# a comment\nb: 2\n", {"a": 1, "b": 2}),
        (
            "a: x #comment\nb: 1 # c\nc: 'q # x'  # c\nd: x#y\n",
            {"a": "x", "b": 1, "c": "q # x", "d": "x#y"},
        ),
        ("a: |- # c\n  x\nb: # c\n- y # c\n- 'z' # c\n", {"a": "x", "b": ["y", "z"]}),
        ("a: 1\r\nb: |\r\n  x\r\n\r\n  y\r\n", {"a": 1, "b": "x\n\ny\n"}),
        ("# top\na:\n  # in\n  b: 1\n# between\nc:\n- x\n    # deep\n- y\n", None),
        (
            "a: |\n  # not a comment\n  x\n# a comment\nb: 1\n",
            {"a": "# not a comment\nx\n", "b": 1},
        ),
        ("a:\n# c\n  b: 1\n", {"a": {"b": 1}}),
        ("- 'a: b'\n- \"c #d\"\n- key:\n  - x\n", ["a: b", "c #d", {"key": ["x"]}]),
        ("a: |\n  x\n  \n  y\n  \n", {"a": "x\n\ny\n"}),
        ("a: -0.5\nb: 36.0856\nc: 012.5\nd: 1.5e5\ne: 1.5e+5\nf: -.5\ng: .5\n", None),
        ("a: 0b101\nb: 0x1f\ng: 1_000\nc: +7\nd: -0\ne: 1:30\nf: 2021-08-13T10:00:00Z\n", None),
        ("a: Yes\nb: TRUE\nc: ~\nd: Null\ne: <<\nf: off\ng: nan\nh: .nan\n", None),
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
        "  # indented note",
        "    # note: deep",
        "- 'a: b'",
        "- key:",
        "  - k: v",
        "a: |",
        "    # text",
        "-",
        "- ",
        "key: ",
        "  c: 'q #x'",
        "d: 1.5",
        "- -0.5",
        "e: 2021-08-13",
        "f: yes",
        "  ",
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
        "a: x # c",
        "- a # c",
        "  - 'a' # c",
        "b: |- # c",
        "c: # c",
        '  d: "q" # c: d',
        "- k: 1 # c",
        "e: x #c",
        "#",
    ]
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=10))
def test_any_line_soup_reads_the_same_or_is_declined(lines: list[str]) -> None:
    assert_agrees("\n".join(lines) + "\n")
    assert_agrees("\r\n".join(lines))


def test_an_invalid_file_still_gets_line_and_column(sample_file: Path) -> None:
    text = sample_file.read_text(encoding="utf-8").replace("holder: taliban", "holder: talib", 1)
    with pytest.raises(SitrepDataError) as caught:
        parse_situation(text, "s.yaml")
    assert any(p.line and "unknown party 'talib'" in p.message for p in caught.value.problems)


# -- plain scalars, line chunks, positions -------------------------------------------------

_NUMBERISH = st.from_regex(r"[-+.0-9][-+.0-9eE_:xob]{0,8}", fullmatch=True)
_WORDISH = st.sampled_from(
    ["yes", "No", "ON", "off", "y", "n", "true", "TRUE", "False", "null", "Null", "~", "<<", "="]
)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_NUMBERISH, _WORDISH, st.text(min_size=1, max_size=12)))
def test_a_scalar_reads_as_libyaml_reads_it(text: str) -> None:
    if "\n" in text or yamllines.unsure_character(text) is not None:
        return  # the reader's lines never hold these
    try:
        fast = Scalars().value(text)
    except Unsure:
        return
    slow = slow_load(f"a: {text}\n")
    assert not isinstance(slow, Exception), text
    assert isinstance(slow, dict)
    if fast is CLIP or fast is STRIP:
        assert text in ("|", "|-")
    else:
        assert typed(fast) == typed(slow["a"]), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab \n", max_size=30), max_size=30), st.integers(1, 40))
def test_lines_come_a_chunk_at_a_time_as_split_gives_them(parts: list[str], chunk: int) -> None:
    text = "".join(parts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamllines, "CHUNK", chunk)
        lines = yamllines.Lines(text)
        got = []
        while (line := lines.next()) != yamllines.END:
            got.append(line)
            assert lines.line_number() == len(got)
            assert lines.last_line() == line
    assert got == text.split("\n")


def test_a_declined_line_is_named_with_its_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamllines, "CHUNK", 16)
    text = "".join(f"k{n}: 1\n" for n in range(40)) + "b: [1, 2]\n" + "c: 1\n"
    declined = read_plain(text)
    assert declined == Declined(41, 4, "flow style ([...] or {...})")
    assert read_plain("a: 1\n\tb: 2\n") == Declined(2, 1, "a tab")
    assert read_plain("- # c\n") == Declined(1, 3, "a comment where sitrep does not write one")


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def test_positions_from_the_text_match_the_node_tree(sample_file: Path) -> None:
    text = sample_file.read_text(encoding="utf-8")
    root = compose(text)
    paths = _paths(to_python(root))  # type: ignore[arg-type]
    missing = [("territory", 3, "nope"), ("territory", 999), ("header", "title", 0), ("x",)]
    targets = [(path, key) for path in paths + missing for key in (False, True)]
    assert locate_all(text, targets) == [locate(root, path, key=key) for path, key in targets]
    assert locate_all(text, [(("territory", 0), False)]) == [locate(root, ("territory", 0))]
