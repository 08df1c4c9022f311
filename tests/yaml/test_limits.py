"""Size limits: what is refused, before doing what, with which message; and 100,000 places."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.errors import SitrepDataError
from sitrep.model.situation import Situation
from sitrep.model.validation import validate
from sitrep.model.validation.problems import cross_entry_problems
from sitrep.storage.sizes import size_warning
from sitrep.storage.store import save_situation
from sitrep.yaml import io as yamlio
from sitrep.yaml import nodes as yamlnodes
from sitrep.yaml.block import fast as yamlfast
from sitrep.yaml.block.fast import Declined, Read, read_plain
from sitrep.yaml.block.reader import MAX_ITEMS, MAX_KEYS
from sitrep.yaml.io import MAX_FILE_BYTES, dump_situation, load_situation, parse_situation
from tests.paths import REPO

HEAD = "sitrep: 1\nheader:\n  title: t\n  region: r\n  as_of: 2021-08-13\n"


def refused(text: str, name: str = "f.yaml") -> list[str]:
    with pytest.raises(SitrepDataError) as info:
        parse_situation(text, name)
    return info.value.lines()


# -- bytes -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [MAX_FILE_BYTES + 1, 100_000_000])
def test_a_file_over_the_byte_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(size)  # sparse: no disk used
    opened: list[str] = []
    real_fdopen = os.fdopen

    class NoReading:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> NoReading:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def read(self, *args: object) -> bytes:
            opened.append("read")
            raise AssertionError("the file was read")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: NoReading(real_fdopen(fd, mode)))
    with pytest.raises(SitrepDataError) as info:
        load_situation(path)
    assert info.value.lines() == [
        f"{path}: file is larger than 80 MiB, the limit for a situation file"
    ]
    assert opened == []


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES)  # all NUL bytes: read, then refused as binary
    with pytest.raises(SitrepDataError, match="binary data"):
        load_situation(path)


# -- the fast reader's budget ---------------------------------------------------------------

HOSTILE = {
    "items": "- a\n" * 60_000,
    "tiny mappings": "- a: b\n" * 60_000,
    "tiny mappings under a key": "notes:\n" + "- a: b\n" * 60_000,
    "nulls": "notes:\n" + "- a:\n" * 60_000,
    "nested": "notes:\n" + "- a:\n    b:\n      c: 1\n" * 25_000,
    "numbers": "notes:\n" + "".join(f"- {n}\n" for n in range(60_000)),
    "entries with lists": "notes:\n" + ("- tags:\n" + "  - x\n" * 60) * 1000,
    "long text": "notes:\n" + "".join(f"- {n:x}{'y' * 300}\n" for n in range(60_000)),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_text_is_refused_by_the_budget_having_built_no_more(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    budget = 20_000
    monkeypatch.setattr(yamlfast, "MAX_FAST_VALUES", budget)
    tracemalloc.start()
    try:
        declined = read_plain(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert declined == Declined(None, None, f"more than {budget:,} values", too_large=True)
    # One chunk of lines (at most 4 MB) and the values: ~100 bytes each, the long texts
    # 350 bytes. Reading it all would take ten times more.
    assert peak < 5 * 2**20 + budget * 400
    assert isinstance(read_plain(text, 10 * budget), Read)  # it was the budget


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_count_is_never_below_the_values_built(text: str) -> None:
    read = read_plain(text, 10**7)
    assert isinstance(read, Read)
    built = sum(
        isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent)
        for event in yaml.parse(text, Loader=yamlnodes.LOADER)
    )
    assert built <= read.values <= built + 10  # (2 per key name learnt)
    assert read_plain(text, read.values - 1) == Declined(
        None, None, f"more than {read.values - 1:,} values", too_large=True
    )


def test_the_budget_refusal_names_the_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfast, "MAX_FAST_VALUES", 1000)
    assert refused(HEAD + "notes:\n" + "- a\n" * 2000) == [
        "f.yaml: more than 1,000 values: too large for a situation file (split it)"
    ]


def test_mapping_and_list_shapes_no_situation_has_go_to_libyaml() -> None:
    wide = "".join(f"k{n}: 1\n" for n in range(MAX_KEYS + 1))
    assert read_plain(wide) == Declined(MAX_KEYS + 1, None, "a mapping of more than 200 keys")
    names = "notes:\n" + "".join(f"- k{n}: 1\n" for n in range(1100))
    declined = read_plain(names)
    assert isinstance(declined, Declined) and "different keys" in declined.reason
    long = HEAD + "notes:\n- date: 2021-08-13\n  text: t\n  tags:\n" + "  - x\n" * (MAX_ITEMS + 1)
    declined = read_plain(long)
    assert isinstance(declined, Declined) and "a list of 1,001 items" in declined.reason
    assert len(parse_situation(long).notes[0].tags) == MAX_ITEMS + 1  # libyaml reads it
    assert isinstance(read_plain(long.replace("  - x\n", "", 1)), Read)


# -- libyaml's budget, for what the fast reader declines -----------------------------------


def test_a_large_file_outside_the_fast_style_says_what_to_change(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlnodes, "MAX_NODES", 1000)  # the sample holds several thousand values
    text = sample_file.read_text(encoding="utf-8")
    assert isinstance(parse_situation(text), Situation)  # the fast reader needs no libyaml
    lines = text.split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith("  - holder: "))
    lines[number] = lines[number].replace("holder: ", "holder: !!str ")
    (line,) = refused("\n".join(lines))
    column = lines[number].index("!") + 1
    assert line == (
        f"f.yaml:{number + 1}:{column}: more than 1,000 values in a file that is not in the "
        "plain block style sitrep writes (a tag (!) here); sitrep reads files "
        "this large only in that style: remove tabs, flow style "
        "([...], {...}), anchors, tags and escapes, or split the file (sitrep fmt cannot "
        "help: it must read the file first)"
    )
    lines[number] = lines[number].replace("!!str ", "") + "  # comments are read fast"
    assert isinstance(parse_situation("\n".join(lines)), Situation)


def test_a_saved_file_near_libyamls_budget_warns_with_the_reason(
    tmp_path: Path, sample: Situation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample.notes[0].text = "bell \x07 in the text"  # written in double quotes, escaped
    text = dump_situation(sample)
    assert isinstance(read_plain(text), Declined)
    assert size_warning(text) is None
    monkeypatch.setattr(yamlnodes, "MAX_NODES", 1000)
    warning = size_warning(text)
    assert warning is not None and "near the 1,000 values" in warning
    assert "an escape in double quotes" in warning
    assert save_situation(sample, tmp_path / "s.yaml").warning == warning


# -- validation at a bounded cost -----------------------------------------------------------


def test_large_data_is_validated_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "SLICED_ABOVE", 10)
    entries = "".join(f"- date: 2021-08-{n % 28 + 1:02d}\n  text: note {n}\n" for n in range(450))
    good = parse_situation(HEAD + "notes:\n" + entries)
    monkeypatch.setattr(validate, "SLICED_ABOVE", 10**9)
    assert parse_situation(HEAD + "notes:\n" + entries) == good
    monkeypatch.setattr(validate, "SLICED_ABOVE", 10)
    bad = HEAD + "notes:\n" + entries + "- {}\n" + "- nope: 1\n" * 300
    lines = refused(bad.replace("- {}\n", "- date: x\n  text: t\n"))
    assert lines[-1] == (
        "f.yaml: only notes entries up to 500 were checked (a large file stops at its "
        "first problems): fix these, then check again"
    )
    assert lines[0] == (
        "f.yaml:907:9: date: 'x' is not a date: write dates as YYYY-MM-DD, e.g. 2024-12-02"
    )
    assert lines[1:4] == [
        "f.yaml:909:3: missing required key 'date'",
        "f.yaml:909:3: missing required key 'text'",
        "f.yaml:909:3: unknown key 'nope' (known keys: date, text, sector, tags, sources)",
    ]
    assert len(lines) == 1 + 1 + 3 * 49  # entry 451, then 49 with three problems each


# -- 100,000 places ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def hundred_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import sys

    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.generate import write
    finally:
        sys.path.remove(str(REPO))
    path = tmp_path_factory.mktemp("big") / "sitrep-100000.yaml"
    write(100_000, path, changes=0)  # one (undated) change each: 34 MiB
    return path


def test_a_generated_file_of_100000_places_opens(hundred_thousand: Path) -> None:
    size = hundred_thousand.stat().st_size
    # Under the limit with room for control histories (about three changes a place
    # make 100,000 places 58 MiB and 5.2 million values: benchmarks/run.py opens those).
    assert 0.4 * MAX_FILE_BYTES < size <= 0.5 * MAX_FILE_BYTES
    text = yamlio.read_text(hundred_thousand)
    read = read_plain(text)  # what load_situation does, step by step
    assert isinstance(read, Read)
    assert 2_000_000 < read.values < 0.5 * yamlfast.MAX_FAST_VALUES  # room for histories
    situation = validate.validate_situation(read.value, read.values)
    assert len(situation.places) == 100_000
    assert cross_entry_problems(situation) == []
    assert size_warning(text) is None
