"""`sitrep diff` and `sitrep merge` on files, as a user (or git) runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.yaml.io import dump_situation, load_situation
from tests.cli.test_cli import run
from tests.model.desk import base, edit, setting


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text)
    return path


def versions(folder: Path, *, clash: bool = True) -> list[Path]:
    """base, ours (North renamed) and theirs (North renamed too, or East instead) as files."""
    ours = edit(base(), setting("places", "north", name="North (day)"))
    if clash:
        theirs = edit(base(), setting("places", "north", name="North (night)"))
    else:
        theirs = edit(base(), setting("places", "east", name="East"))
    return [
        write(folder, f"{side}.yaml", dump_situation(s))
        for side, s in (("base", base()), ("ours", ours), ("theirs", theirs))
    ]


def test_diff_of_two_files_in_words_and_json(tmp_path: Path) -> None:
    old, new, _ = versions(tmp_path)
    words = run("diff", str(old), str(new))
    assert words.returncode == 0 and words.stdout == "North (day): name: North City → North (day)\n"
    as_json = run("diff", "--format", "json", str(old), str(new))
    assert json.loads(as_json.stdout) == [
        {
            "section": "places",
            "key": "north",
            "path": ["name"],
            "change": "changed",
            "old": "North City",
            "new": "North (day)",
        }
    ]
    same = run("diff", str(old), str(old))
    assert same.stdout == "no differences\n"
    assert json.loads(run("diff", "--format", "json", str(old), str(old)).stdout) == []


def test_diff_usage_errors_exit_2(tmp_path: Path) -> None:
    old, _, _ = versions(tmp_path)
    for args in (
        ["diff", str(old)],
        ["diff", "a", "b", "c", "d"],
        ["diff", "--textconv", "a", "b"],
    ):
        done = run(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr, args
    missing = run("diff", str(old), str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_textconv_passes_other_files_through_and_reads_version_1(tmp_path: Path) -> None:
    other = write(tmp_path, "ci.yaml", "jobs:\n  - test\n")
    assert run("diff", "--textconv", str(other)).stdout == "jobs:\n  - test\n"
    v1 = "sitrep: 1\nheader:\n  title: T\n  region: R\n  as_of: 2024-01-02\nparties:\n- id: g\n  name: G\nterritory:\n- id: x\n  name: X\n  holder: g\n"
    lines = run("diff", "--textconv", str(write(tmp_path, "v1.yaml", v1))).stdout.splitlines()
    assert lines == [
        "sitrep: 2",
        "header: title: T",
        "header: region: R",
        "header: as_of: 2024-01-02",
        "party g: name: G",
        "place x: name: X",
        "place x: control undated: holder g",
    ]


def test_merge_writes_ours_and_exits_1_on_a_conflict(tmp_path: Path) -> None:
    files = versions(tmp_path)
    done = run("merge", *map(str, files))
    assert done.returncode == 1, done.stderr
    merged = load_situation(files[1])
    assert merged.place("north").name == "North (day)"  # type: ignore[union-attr]
    (conflict,) = merged.conflicts
    assert (conflict.ours, conflict.theirs, conflict.ours_by) == (
        "North (day)",
        "North (night)",
        None,
    )
    assert conflict.when is not None  # the time is known even outside git
    resolved = run("merge", "--resolve", "theirs", str(files[1]))
    assert resolved.stdout == f"{files[1]}: resolved 1 conflict(s) with theirs\n"
    assert run("check", str(files[1])).returncode == 0
    assert run("merge", "--resolve", "ours", str(files[1])).stdout.endswith(
        "no conflicts to resolve\n"
    )


def test_a_clean_merge_exits_0_and_is_canonical(tmp_path: Path) -> None:
    files = versions(tmp_path, clash=False)
    done = run("merge", *map(str, files))
    assert done.returncode == 0 and done.stderr == ""
    text = files[1].read_text()
    assert text == dump_situation(load_situation(files[1]))
    assert "name: North (day)" in text and "name: East\n" in text


def test_merge_never_touches_ours_when_an_input_is_not_a_situation(tmp_path: Path) -> None:
    files = versions(tmp_path)
    files[2].write_text("not: [a situation\n")
    before = files[1].read_text()
    done = run("merge", *map(str, files), "--path", "desk/sit.yaml")
    assert done.returncode == 2
    assert done.stderr.startswith(
        "sitrep merge: desk/sit.yaml: not merged, your version is left in place:"
    )
    assert "desk/sit.yaml (theirs)" in done.stderr and "Traceback" not in done.stderr
    assert files[1].read_text() == before
    assert run("merge", str(files[0])).returncode == 2


def test_export_refuses_a_file_with_unresolved_conflicts(tmp_path: Path) -> None:
    files = versions(tmp_path)
    run("merge", *map(str, files))
    done = run("export", str(files[1]))
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert "unresolved merge conflict at places[0].name" in lines[0]
    assert lines[-1].endswith(
        "resolve the merge conflicts first: an export would show one side's values as settled"
    )


def test_textconv_streams_a_file_too_large_for_a_situation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import sitrep.yaml.io
    from sitrep.cli.diff import textconv

    monkeypatch.setattr(sitrep.yaml.io, "MAX_FILE_BYTES", 10)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x: 1\n" * 1000)
    assert textconv(big) == 0
    assert capsysbinary.readouterr().out == b"x: 1\n" * 1000
