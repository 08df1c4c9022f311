"""Every CLI command and exit code, run as a user would: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SITREP = [sys.executable, "-m", "sitrep"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SITREP, *args], capture_output=True, text=True, cwd=cwd, timeout=60, env=os.environ
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("sitrep ")
    top = run("--help")
    assert top.returncode == 0
    for command in ("check", "fmt", "new", "export", "schema", "config"):
        assert command in top.stdout
        sub = run(command, "--help")
        assert sub.returncode == 0 and "usage: sitrep " + command in sub.stdout


def test_check_uses_the_sample_when_there_is_no_local_file(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "valid (37 places" in result.stdout
    assert list(tmp_path.iterdir()) == []  # read-only: nothing written anywhere here


def test_check_prefers_local_sitrep_yaml(tmp_path: Path) -> None:
    (tmp_path / "sitrep.yaml").write_text("sitrep: 1\nheader: {}\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "sitrep.yaml:2:9: missing required key 'title'" in result.stderr.splitlines()


def test_check_reports_file_line_col_and_exit_1(tmp_path: Path, sample_file: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(sample_file.read_text().replace("holder: taliban", "holder: talibn", 1))
    result = run("check", str(broken))
    assert result.returncode == 1
    line = result.stderr.strip().splitlines()[0]
    assert (
        line.startswith(f"{broken}:") and "unknown party 'talibn'; did you mean 'taliban'?" in line
    )
    _file, lineno, col, _ = line.split(":", 3)
    assert broken.read_text().splitlines()[int(lineno) - 1][int(col) - 1 :].startswith("talibn")
    assert "Traceback" not in result.stderr


def test_check_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_usage_errors_are_exit_2() -> None:
    result = run("check", "--bogus")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr
    assert run("export", "--since", "yesterday").returncode == 2


def test_new_sample_then_fmt_check_passes_and_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    assert run("new", "--sample", str(target)).returncode == 0
    assert run("fmt", "--check", str(target)).returncode == 0
    before = target.read_bytes()
    again = run("new", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert target.read_bytes() == before


def test_new_blank_is_valid(tmp_path: Path) -> None:
    target = tmp_path / "blank.yaml"
    assert run("new", "--title", "Sudan", "--region", "Sudan", str(target)).returncode == 0
    assert run("check", str(target)).returncode == 0
    assert "title: Sudan" in target.read_text()


def test_fmt_rewrites_and_check_reports(tmp_path: Path, sample_file: Path) -> None:
    messy = tmp_path / "messy.yaml"
    messy.write_text(
        "header: {title: T, as_of: 2021-08-13, region: R}\nsitrep: 2\nparties: [{name: A, id: a}]\n"
    )
    check = run("fmt", "--check", str(messy))
    assert check.returncode == 1 and f"would reformat {messy}" in check.stdout
    assert run("fmt", str(messy)).returncode == 0
    assert messy.read_text().startswith("sitrep: 2\n\nheader:\n  title: T\n")
    assert run("fmt", "--check", str(messy)).returncode == 0


def test_fmt_migrates_a_version_1_file_and_says_so(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(
        "header: {title: T, as_of: 2021-08-13, region: R}\nsitrep: 1\n"
        "parties: [{name: A, id: a}]\nterritory: [{id: x, name: X, holder: a, since: 2021-08-01}]\n"
    )
    check = run("check", str(old))
    assert check.returncode == 0 and "format 1 file" in check.stderr
    assert run("check", "--strict", str(old)).returncode == 1
    assert f"would migrate to format 2 {old}" in run("fmt", "--check", str(old)).stdout
    done = run("fmt", str(old))
    assert done.returncode == 0 and f"migrated {old} to format 2" in done.stdout
    text = old.read_text()
    assert text.startswith("sitrep: 2\n") and "places:\n- id: x\n" in text
    assert "  control:\n  - date: 2021-08-01\n    holder: a\n" in text
    assert run("check", "--strict", str(old)).returncode == 1  # unsourced: a warning
    assert run("check", str(old)).returncode == 0


def test_fmt_leaves_invalid_files_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sitrep: 1\nheader: [\n")
    before = bad.read_bytes()
    result = run("fmt", str(bad))
    assert result.returncode == 1 and result.stderr.startswith(f"{bad}:")
    assert bad.read_bytes() == before


def test_export_prints_a_real_brief(tmp_path: Path) -> None:
    result = run("export", "--no-timestamp", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "34" in result.stdout and "Kandahar" in result.stdout and "3,000" in result.stdout


def test_export_to_file(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = run("export", "-o", str(out), "--no-timestamp")
    assert result.returncode == 0 and out.read_text().startswith("# ")


def test_schema_is_json_schema_of_the_format() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"header", "places", "evacuations", "figures"} <= set(schema["properties"])


def test_config_prints_the_settings_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_CONFIG", str(tmp_path / "s.toml"))
    out = run("config").stdout.strip()
    assert out.startswith(str(tmp_path / "s.toml")) and "no settings file yet" in out


def test_config_init_writes_a_template_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.app.bindings import KEYS
    from sitrep.settings import Settings, load_settings

    path = tmp_path / "conf" / "settings.toml"
    monkeypatch.setenv("SITREP_CONFIG", str(path))
    first = run("config", "--init")
    assert first.returncode == 0 and "written" in first.stdout
    text = path.read_text(encoding="utf-8")
    for key in KEYS:
        assert f"# {key.id} = " in text, key.id
    assert "# theme = " in text and "[brief]" in text and "# produced_by = " in text
    assert '# date_order = "dmy"' in text
    assert load_settings(path) == (Settings(), None), "the template loads as the defaults"
    assert "exists" in run("config").stdout
    again = run("config", "--init")
    assert again.returncode == 2 and "not overwritten" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_config_init_never_imports_textual(tmp_path: Path) -> None:
    code = (
        "import sys, os; from sitrep.cli import main; "
        f"os.environ['SITREP_CONFIG'] = {str(tmp_path / 's.toml')!r}; "
        "rc = main(['config', '--init']); "
        "assert 'textual' not in sys.modules, 'textual imported'; print('ok', rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("ok 0"), result.stderr


def test_subcommands_never_import_textual(sample_file: Path) -> None:
    code = (
        "import sys; from sitrep.cli import main; "
        f"rc = main(['check', {str(sample_file)!r}]); "
        f"main(['export', '--no-timestamp', {str(sample_file)!r}]); "
        "assert 'textual' not in sys.modules, 'textual imported'; print('ok', rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("ok 0"), result.stderr


def test_export_previous_lists_exactly_what_changed(tmp_path: Path, sample_file: Path) -> None:
    import datetime as dt

    from sitrep.model.entries import ControlChange
    from sitrep.model.numbers.figure import Figure
    from sitrep.yaml.io import dump_situation, load_situation

    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text(sample_file.read_text())
    # Balkh falls to the Taliban, and OCHA's figure grows.
    s = load_situation(old)
    balkh = next(p for p in s.places if p.id == "balkh")
    balkh.control.append(ControlChange(date=dt.date(2021, 8, 14), holder="taliban"))
    figure = next(f for f in s.figures if f.id == "ocha-idps-2021")
    figure.series[-1] = figure.series[-1].model_copy(update={"value": Figure.exact(400000)})
    new.write_text(dump_situation(s))
    result = run("export", "--no-timestamp", "--previous", str(old), str(new))
    assert result.returncode == 0, result.stderr
    changes = result.stdout.split("## Changes since the previous report")[1].split("\n## ")[0]
    assert "Balkh" in changes and "Taliban" in changes
    assert "+10,355" in changes
    assert "Kandahar" not in changes
    same = run("export", "--no-timestamp", "--previous", str(old), str(old))
    assert "No change since the previous report." in same.stdout


def test_export_since_moves_the_period(tmp_path: Path) -> None:
    result = run("export", "--no-timestamp", "--since", "2021-08-13")
    highlights = result.stdout.split("## Highlights")[1].split("## Key figures")[0]
    derived = next(line for line in highlights.splitlines() if "changed hands" in line)
    assert "Tarin Kot" in derived and "Zaranj" not in derived


def test_new_sample_copies_its_map_outline_and_export_map_uses_it(
    tmp_path: Path, sample_file: Path
) -> None:
    target = tmp_path / "x.yaml"
    result = run("new", "--sample", str(target))
    assert result.returncode == 0 and "outline" in result.stdout
    outline = tmp_path / "afghanistan-outline.geojson"
    bundled = sample_file.with_name("afghanistan-outline.geojson")
    assert outline.read_bytes() == bundled.read_bytes()
    svg = tmp_path / "m.svg"
    export = run("export", "--map", str(svg), str(target))
    assert export.returncode == 0, export.stderr
    assert 'class="outline"' in svg.read_text(encoding="utf-8")
    assert "outline" not in export.stderr


def test_new_sample_never_overwrites_an_outline(tmp_path: Path) -> None:
    same = tmp_path / "same"
    same.mkdir()
    assert run("new", "--sample", str(same / "a.yaml")).returncode == 0
    again = run("new", "--sample", str(same / "b.yaml"))  # the outline is there already
    assert again.returncode == 0 and "note:" not in again.stderr
    taken = tmp_path / "taken"
    taken.mkdir()
    theirs = taken / "afghanistan-outline.geojson"
    theirs.write_text('{"type": "FeatureCollection", "features": []}\n', encoding="utf-8")
    result = run("new", "--sample", str(taken / "x.yaml"))
    assert result.returncode == 0 and (taken / "x.yaml").exists()
    assert "already exists and is not the sample's outline" in result.stderr
    assert theirs.read_text(encoding="utf-8") == '{"type": "FeatureCollection", "features": []}\n'
