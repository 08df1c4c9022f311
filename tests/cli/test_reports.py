"""A situation over weeks on the command line: the next report, what is stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitrep.yaml.io import load_situation
from tests.cli.test_cli import run


def test_next_starts_report_two_the_next_day(tmp_path: Path, sample_file: Path) -> None:
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    before = load_situation(path)
    done = run("next", str(path))
    assert done.returncode == 0 and "report 2 as of 2021-08-14" in done.stdout
    after = load_situation(path)
    assert after.header.report_number == 2
    assert (after.header.as_of.isoformat(), after.header.highlights) == ("2021-08-14", [])
    assert after.header.past_reports[-1].highlights == before.header.highlights
    assert after.places == before.places and after.figures == before.figures
    assert run("next", str(path), "--date", "2021-08-14").returncode == 2  # not after report 2


def test_check_stale_lists_what_is_due(tmp_path: Path, sample_file: Path) -> None:
    path = tmp_path / "sit.yaml"
    text = sample_file.read_text().replace(
        "\nparties:", "  refresh:\n    places: 1\n    evacuations: 2\n\nparties:", 1
    )
    path.write_text(text)
    done = run("check", "--stale", str(path))
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if ": places " in line]
    assert any(
        "overdue: places Jowzjan: last confirmed 2021-08-07 (6 days)" in line for line in lines
    )
    assert not any(" Kandahar:" in line for line in lines)  # fell on 12 Aug: confirmed 13 Aug?


def test_export_previous_reads_a_git_revision(tmp_path: Path, sample_file: Path) -> None:
    import subprocess

    git = ["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk"]
    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "sit.yaml"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "report 1"], cwd=tmp_path, check=True)
    path.write_text(path.read_text().replace("    value: 389645\n", "    value: 400000\n", 1))
    done = run("export", "--no-timestamp", "--previous", "HEAD~0", str(path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    changes = done.stdout.split("## Changes since the previous report")[1].split("\n## ")[0]
    assert "+10,355" in changes
    bad = run("export", "--previous", "HEAD~7", str(path), cwd=tmp_path)
    assert (
        bad.returncode == 2 and "no such revision" in bad.stderr and "Traceback" not in bad.stderr
    )


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    done = run("export", "--since", "2021-08-20")
    assert done.returncode == 2 and "after the report's as-of date" in done.stderr


def test_export_as_of_an_earlier_date(tmp_path: Path) -> None:
    done = run(
        "export",
        "--no-timestamp",
        "--as-of",
        "2021-08-10",
        "--timeline",
        "t.svg",
        "-o",
        "b.md",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    brief = (tmp_path / "b.md").read_text()
    assert "As of 10 Aug 2021" in brief and "stands on 13 Aug 2021" in brief
    assert "- The Taliban: 8 of 34 provinces" in brief
    assert "![Control over time, to 10 Aug 2021](t.svg)" in brief
    assert "Taliban: 8" in (tmp_path / "t.svg").read_text()
    late = run("export", "--as-of", "2021-08-20")
    assert late.returncode == 2 and "knows nothing later" in late.stderr


def test_the_next_reports_brief_lists_what_changed_after_report_one(
    tmp_path: Path, sample_file: Path
) -> None:
    import datetime as dt

    from sitrep.model.entries import ControlChange
    from sitrep.yaml.io import dump_situation

    path = tmp_path / "sit.yaml"
    shutil.copy(sample_file, path)
    assert run("next", str(path)).returncode == 0
    s = load_situation(path)
    balkh = next(p for p in s.places if p.id == "balkh")
    balkh.control.append(
        ControlChange(date=dt.date(2021, 8, 14), holder="taliban", sources=["public-reporting"])
    )
    path.write_text(dump_situation(s))
    brief = run("export", "--no-timestamp", str(path)).stdout
    changes = brief.split("## Changes since report 1")[1].split("\n## ")[0]
    assert (
        "Balkh" in changes
        and "changed hands from government forces to the Taliban on 14 Aug 2021" in changes
    )
    assert "Kandahar" not in changes
    assert "Situation report no. 2" in brief
