"""The fast canonical emitter writes exactly the bytes of PyYAML's dumper (benchmarks' save path)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.yaml.emit import dump_canonical, emit_canonical, emit_with_pyyaml, space_out
from sitrep.yaml.io import dump_situation, load_situation, parse_situation, to_data
from tests.paths import REPO


def reference(data: dict[str, Any]) -> str:
    return space_out(emit_with_pyyaml(data))


# Text that stresses quoting: YAML indicators, reserved words, numbers, dates, line
# breaks, spaces at the ends, controls and non-BMP characters.
_TRICKY = st.sampled_from(
    [
        "",
        " ",
        "yes",
        "No",
        "null",
        "~",
        "on",
        "0123",
        "1:30",
        "2021-08-13",
        "3.5",
        ".inf",
        "- x",
        "a: b",
        "a:b",
        "a #b",
        "a#b",
        "x:",
        "#x",
        "'q'",
        '"q"',
        "@x",
        "%x",
        "a\n",
        "a\n\n",
        "\na",
        " a\nb",
        "a \nb",
        "a\n b",
        "a\n\nb",
        "tab\there",
        "\x1b[31m",
        "caf\u00e9",
        "\u00a0x",
        "x\u00a0",
        "\ufeffbom",
        "\u2028",
        "emoji \U0001f600",
        "rlo \u202e x",
        "lri\u2066\u2069",
        "nonchar \ufdd0 \U0001fffe",
        "\x85",
        "---",
        "...",
        "=",
        "<<",
        "&a",
        "*a",
        "!tag",
        "[x]",
        "{x}",
        "a, b",
        "?x",
        "? x",
        "x" * 73,
        "y " * 40,
    ]
)
_TEXT = st.one_of(
    _TRICKY,
    st.text(max_size=90),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.lists(_TRICKY | st.text(max_size=10), max_size=4).map("".join),
    st.text(alphabet="ab :#-\n'\" ", max_size=100),
)
_SCALAR = st.one_of(
    _TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),
)
_KEY = st.sampled_from(["id", "name", "note", "sources", "lat", "a_b"])
_FLAT = st.dictionaries(_KEY, _SCALAR | st.lists(_SCALAR, max_size=3), max_size=5)
_DATA = st.tuples(
    st.dictionaries(_KEY, _SCALAR | st.lists(_TEXT, max_size=3), max_size=4),
    st.lists(_FLAT, max_size=4),
    st.lists(_FLAT | _SCALAR, max_size=3),
    _SCALAR,
).map(
    # A situation file always starts with "sitrep: 1".
    lambda parts: dict(
        zip(("sitrep", "header", "territory", "notes", "outlook"), (1, *parts), strict=True)
    )
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DATA)
def test_emitter_matches_pyyaml_on_any_data(data: dict[str, Any]) -> None:
    assert dump_canonical(data) == reference(data)


@given(_TEXT)
@settings(max_examples=400, deadline=None)
def test_any_text_survives_a_round_trip_through_the_emitter(text: str) -> None:
    data = {"sitrep": 1, "notes": [{"text": text, "tags": [text]}]}
    assert dump_canonical(data) == reference(data)


def test_emitter_matches_pyyaml_on_the_sample(sample_file: Path) -> None:
    text = sample_file.read_text(encoding="utf-8")
    data = to_data(parse_situation(text))
    assert emit_canonical(data) == reference(data) == text


def test_emitter_matches_pyyaml_on_a_generated_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.generate import write

    path = tmp_path / "g.yaml"
    write(300, path)
    situation = load_situation(path)
    assert dump_situation(situation) == reference(to_data(situation)) == path.read_text("utf-8")


def test_a_list_inside_a_list_falls_back_to_pyyaml() -> None:
    data = {"sitrep": 1, "notes": [[1, 2], "x"]}
    assert dump_canonical(data) == reference(data)


def test_a_date_used_twice_is_written_twice_without_anchors() -> None:
    day = dt.date(2024, 3, 1)
    data = {"sitrep": 1, "header": {"as_of": day, "period_end": day}}
    text = dump_canonical(data)
    assert "&" not in text and text.count("2024-03-01") == 2
