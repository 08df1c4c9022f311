"""Smoke tests of the benchmark tools: correctness on tiny inputs, never timings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.model.situation import Situation
from sitrep.yaml.io import dump_situation, load_situation
from tests.paths import REPO


@pytest.fixture(autouse=True)
def _benchmarks_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO))


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    from benchmarks.generate import write

    path = tmp_path / "tiny.yaml"
    write(40, path)
    return path


def test_generate_writes_a_valid_canonical_file(tiny: Path) -> None:
    situation = load_situation(tiny)
    assert len(situation.places) == 40
    assert len(situation.notes) == 8 and len(situation.figures) == 4
    assert len({p.holder for p in situation.places}) >= 3
    changes = [c for p in situation.places for c in p.control]
    assert {c.confidence for c in changes} >= {"confirmed", "reported"}
    assert all(29 <= (p.lat or 0) <= 39 and 60 <= (p.lon or 0) <= 75 for p in situation.places)
    assert sum(p.seat is not None for p in situation.parties) == 1
    assert dump_situation(situation) == tiny.read_text(encoding="utf-8")


def test_generate_is_seeded(tmp_path: Path) -> None:
    from benchmarks.generate import main

    first, second, other = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    assert main(["--entries", "25", "-o", str(first)]) == 0
    main(["--entries", "25", "-o", str(second)])
    main(["--entries", "25", "-o", str(other), "--seed", "2"])
    assert first.read_bytes() == second.read_bytes() != other.read_bytes()


def test_generate_handles_zero_places(tmp_path: Path) -> None:
    from benchmarks.generate import write

    write(0, tmp_path / "empty.yaml")
    assert load_situation(tmp_path / "empty.yaml").places == []


@pytest.mark.parametrize("kind", ["load", "parse", "save", "dump", "export"])
def test_model_workers_measure_a_tiny_file(tiny: Path, kind: str) -> None:
    from benchmarks.workers import KINDS

    result = KINDS[kind](tiny, 2)
    assert len(result["times"]) == 2 and all(t > 0 for t in result["times"])


def test_save_worker_writes_the_edit(tiny: Path) -> None:
    from benchmarks.workers import save

    assert save(tiny, 1)["bytes"] > tiny.stat().st_size  # the edit added a note


def test_worker_prints_json_with_memory(tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.workers import main

    assert main(["parse", str(tiny), "--reps", "1"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["rss_mb"] > 10 and len(result["times"]) == 1


def test_minimal_app_measures_paint_and_keys(tiny: Path) -> None:
    from benchmarks.tui import measure_minimal, party_names

    result = measure_minimal(tiny, keys_each=2)
    assert result["painted_at"] >= result["marks"]["start"]
    from benchmarks.run import KEYS

    assert set(result["keys"]) == set(KEYS) - {"save", "down during save"}, "it saves nothing"
    parties = [party.name for party in load_situation(tiny).parties]
    assert party_names(tiny) == parties
    assert f"Minimal app ready: {parties[0]}" in result["last_screen"], "enter picked a party"


def test_app_measures_keys_and_a_save_in_flight(tiny: Path) -> None:
    from benchmarks.tui import measure_app

    before = tiny.read_bytes()
    result = measure_app(tiny, keys_each=2)
    assert {"filter first", "dialog", "edit", "save"} <= set(result["keys"])
    assert result["save_s"] > 0
    assert tiny.read_bytes() != before, "the edits were saved"
    assert len(load_situation(tiny).places[0].control) > len(
        load_situation_text(before, tiny).places[0].control
    )


def load_situation_text(data: bytes, like: Path) -> Situation:
    """Load bytes as a situation file next to like (for a before/after comparison)."""
    other = like.with_name("before.yaml")
    other.write_bytes(data)
    return load_situation(other)


def test_report_table_ratios_and_goals() -> None:
    from benchmarks.report import Row, check_max, check_ratio, markdown, median, p95, table
    from benchmarks.run import apply_goals

    assert median([3.0, 1.0, 2.0]) == 2.0
    assert p95([float(i) for i in range(1, 101)]) == 95.0
    assert p95([1.0, 9.0]) == 9.0
    rows = [
        Row("sitrep check (process)", 3.0, 2.0, "s", "floor"),
        Row("key down p95", 20.0, 2.0, "ms", "minimal"),
        Row("export brief", 0.5, None, "s"),
        Row("peak memory (app)", 120.0, 40.0, "MiB"),
    ]
    apply_goals("10000", rows)
    assert [row.ok for row in rows] == [True, False, None, True]
    big = [
        Row("key filter first p95", 80.0, 1.0, "ms"),
        Row("key dialog p95", 30.0, 10.0, "ms"),
        Row("key down during save p95", 20.0, 1.0, "ms"),
        Row("export brief", 0.9, None, "s"),
        Row("peak memory (app)", 320.0, 40.0, "MiB"),
        Row("first paint (headless)", 1.5, 0.5, "s"),
    ]
    apply_goals("100000", big)
    assert [row.ok for row in big] == [True, False, False, True, False, True]
    assert rows[0].ratio == 1.5
    text = table("10,000 places", rows)
    assert "1.50x" in text and "MISSED" in text and "20.0 ms" in text
    assert "| key down p95 | 20.0 ms |" in markdown("x", rows)
    assert check_ratio(Row("f", 2.0, 1.0, "s"), 1.5, "g").ok is False
    assert check_max(Row("f", 2.0, None, "s"), 2.0, "g").ok is True


def test_docs_markers_are_there_for_run_docs() -> None:
    from benchmarks.run import DOCS, DOCS_END, DOCS_START

    text = DOCS.read_text(encoding="utf-8")
    assert text.index(DOCS_START) < text.index(DOCS_END)


def test_run_refusal_says_why(tmp_path: Path) -> None:
    from benchmarks.run import refusal

    bad = tmp_path / "bad.yaml"
    bad.write_text("sitrep: 1\nheader: {}\n", encoding="utf-8")
    assert "missing required key" in refusal(bad)
    assert refusal(REPO / "data" / "afghanistan-2021-08-13.yaml") == ""
