"""A desk on one situation in real git: setup, merge, rebase, cherry-pick, octopus, diff."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.yaml.io import dump_situation, load_situation
from tests.model.desk import base
from tests.paths import GOLDEN

SITREP = [sys.executable, "-m", "sitrep"]
FILE = "sitrep.yaml"

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
    reason="needs git",
)


def run(args: list[str], cwd: Path, *, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana Analyst",
        "GIT_AUTHOR_EMAIL": "ana@example.org",
        "GIT_COMMITTER_NAME": "Ana Analyst",
        "GIT_COMMITTER_EMAIL": "ana@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=120)
    if ok:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def git(repo: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    return run(["git", *args], repo, ok=ok)


def sitrep(repo: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    return run([*SITREP, *args], repo, ok=ok)


def commit_edit(repo: Path, branch: str, *edits: tuple[str, str], start: str = "main") -> None:
    """On a new branch from start, replace text in the situation and commit."""
    git(repo, "checkout", "-q", "-b", branch, start)
    path = repo / FILE
    text = path.read_text()
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text)
    git(repo, "commit", "-q", "-am", f"{branch}: edit")
    git(repo, "checkout", "-q", "main")


def new_desk(folder: Path) -> Path:
    """A repository set up with `sitrep git setup`, the situation committed on main."""
    repo = folder / "desk"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / FILE).write_text(dump_situation(base()))
    sitrep(repo, "git", "setup")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "The situation")
    return repo


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    return new_desk(tmp_path)


def test_setup_is_idempotent_keeps_other_attributes_and_names_this_python(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".gitattributes").write_text("*.png binary")
    printed = sitrep(repo, "git", "setup", "--print", "--pattern", "desk/*.yaml")
    assert "would add 'desk/*.yaml diff=sitrep merge=sitrep'" in printed.stdout
    assert (repo / ".gitattributes").read_text() == "*.png binary"
    assert git(repo, "config", "--local", "--get-regexp", "sitrep", ok=False).stdout == ""
    sitrep(repo, "git", "setup", "--pattern", "desk/*.yaml")
    again = sitrep(repo, "git", "setup", "--pattern", "desk/*.yaml")
    assert "already has" in again.stdout and "merge.sitrep.driver: already set" in again.stdout
    assert (repo / ".gitattributes").read_text() == (
        "*.png binary\n\n# Situation files: semantic diffs and merges (sitrep git setup)\n"
        "desk/*.yaml diff=sitrep merge=sitrep\n"
    )
    driver = git(repo, "config", "--local", "merge.sitrep.driver").stdout.strip()
    assert driver == f"{Path(sys.executable).absolute()} -m sitrep merge %O %A %B --path %P"
    textconv = git(repo, "config", "--local", "diff.sitrep.textconv").stdout.strip()
    assert textconv.endswith(" -m sitrep diff --textconv")


def test_setup_outside_a_repository_says_so(tmp_path: Path) -> None:
    done = sitrep(tmp_path, "git", "setup", ok=False)
    assert done.returncode == 2 and "not in a git repository" in done.stderr
    assert "Traceback" not in done.stderr


def test_setup_warns_about_files_it_covers_that_are_not_situations(desk: Path) -> None:
    (desk / "ci.yaml").write_text("jobs: [test]\n")
    git(desk, "add", "ci.yaml")
    done = sitrep(desk, "git", "setup")
    assert "1 tracked file(s) match '*.yaml' but are not situations (ci.yaml)" in done.stderr


def test_different_places_and_different_fields_of_one_place_merge_with_no_conflict(
    desk: Path,
) -> None:
    commit_edit(desk, "day", ("name: North City", "name: North"), ("lat: 10.0", "lat: 10.5"))
    commit_edit(desk, "night", ("name: East Port", "name: East"), ("lon: 20.0", "lon: 20.5"))
    git(desk, "merge", "-q", "day", "-m", "day")
    merged = git(desk, "merge", "night", "-m", "night")
    assert "CONFLICT" not in merged.stdout
    sitrep(desk, "check", FILE)
    s = load_situation(desk / FILE)
    south = s.place("south")
    assert south is not None and (south.lat, south.lon) == (10.5, 20.5)
    assert [p.name for p in s.places] == ["North", "South Town", "East"]


def test_entries_added_on_both_branches_are_both_kept(desk: Path) -> None:
    end = "\n\nevacuations:"
    commit_edit(desk, "day", (end, "\n\n- id: west\n  name: West" + end))
    commit_edit(desk, "night", (end, "\n\n- id: centre\n  name: Centre" + end))
    git(desk, "merge", "-q", "day", "-m", "day")
    git(desk, "merge", "-q", "night", "-m", "night")
    sitrep(desk, "check", FILE)
    assert [p.id for p in load_situation(desk / FILE).places][-2:] == ["centre", "west"]


def test_the_same_field_is_a_conflict_that_check_names_and_resolve_clears(desk: Path) -> None:
    commit_edit(desk, "day", ("name: North City", "name: North (day)"))
    commit_edit(desk, "night", ("name: North City", "name: North (night)"))
    git(desk, "merge", "-q", "day", "-m", "day")
    merged = git(desk, "merge", "night", "-m", "night", ok=False)
    assert merged.returncode == 1 and "CONFLICT" in merged.stdout
    assert "merged with 1 conflict(s)" in merged.stderr and "places[north].name" in merged.stderr
    assert git(desk, "status", "--porcelain").stdout.startswith("UU sitrep.yaml")
    text = (desk / FILE).read_text()
    assert "<<<<<<<" not in text
    checked = sitrep(desk, "check", FILE, ok=False)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    (line,) = [x for x in checked.stderr.splitlines() if "unresolved merge conflict at" in x]
    assert checked.stderr.splitlines()[-1] == "sitrep.yaml: 1 unresolved merge conflict(s)"
    match = re.match(
        r"sitrep\.yaml:(\d+):(\d+): unresolved merge conflict at places\[0\]\.name", line
    )
    assert match, line
    assert "ours 'North (day)', theirs 'North (night)'" in line
    row, col = int(match[1]), int(match[2])
    assert text.splitlines()[row - 1][col - 1 :] == "North (day)"
    conflict = load_situation(desk / FILE).conflicts[0]
    assert conflict.ours_by and conflict.ours_by.startswith("Ana Analyst (main, ")
    assert conflict.theirs_by and conflict.theirs_by.startswith("Ana Analyst (night, ")
    assert conflict.when and re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", conflict.when)
    sitrep(desk, "merge", "--resolve", "theirs", FILE)
    sitrep(desk, "check", FILE)
    git(desk, "commit", "-q", "-am", "Resolved: the night shift's name")
    assert load_situation(desk / FILE).place("north").name == "North (night)"  # type: ignore[union-attr]


def test_deleting_a_place_the_other_branch_edited_is_a_conflict(desk: Path) -> None:
    east = "- id: east\n  name: East Port\n  kind: city\n  sources:\n  - s1\n\n"
    commit_edit(desk, "day", (east, ""))
    commit_edit(desk, "night", ("name: East Port", "name: East"))
    git(desk, "merge", "-q", "day", "-m", "day")
    assert git(desk, "merge", "night", "-m", "night", ok=False).returncode == 1
    checked = sitrep(desk, "check", FILE, ok=False)
    assert (
        "unresolved merge conflict at places[east]: deleted on one side and edited"
        in checked.stderr
    )


def test_a_version_1_file_on_one_side_merges_into_version_2(tmp_path: Path) -> None:
    repo = tmp_path / "v1"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / FILE).write_text((GOLDEN / "fixture-situation-v1.yaml").read_text())
    sitrep(repo, "git", "setup")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v1")
    commit_edit(repo, "old", ("name: Strelsau North", "name: Strelsau Nord"))
    git(repo, "checkout", "-q", "-b", "new")
    sitrep(repo, "fmt", FILE)
    text = (repo / FILE).read_text()
    assert text.count("sitrep: 2") == 1
    (repo / FILE).write_text(text.replace("  name: Strelsau\n", "  name: Strelsau City\n"))
    git(repo, "commit", "-q", "-am", "migrated and renamed")
    git(repo, "merge", "-q", "old", "-m", "the old branch")
    sitrep(repo, "check", FILE)
    s = load_situation(repo / FILE)
    assert (repo / FILE).read_text().startswith("# A small made-up situation")
    assert "sitrep: 2" in (repo / FILE).read_text()
    assert {"Strelsau City", "Strelsau Nord"} <= {p.name for p in s.places}


def test_rebase_and_cherry_pick_use_the_driver(desk: Path) -> None:
    commit_edit(desk, "topic", ("kind: town", "kind: village"))
    git(desk, "checkout", "-q", "topic")
    path = desk / FILE
    path.write_text(path.read_text().replace("lon: 20.0", "lon: 21.0"))
    git(desk, "commit", "-q", "-am", "topic: lon")
    git(desk, "checkout", "-q", "main")
    path.write_text(path.read_text().replace("lat: 10.0", "lat: 11.0"))
    git(desk, "commit", "-q", "-am", "main: lat")
    git(desk, "branch", "-q", "pick", "main")
    git(desk, "checkout", "-q", "topic")
    git(desk, "rebase", "-q", "main")
    south = load_situation(path).place("south")
    assert south is not None and (south.kind, south.lat, south.lon) == ("village", 11.0, 21.0)
    git(desk, "checkout", "-q", "pick")
    git(desk, "cherry-pick", "topic")  # topic's last commit: the lon beside our lat
    south = load_situation(path).place("south")
    assert south is not None and (south.kind, south.lat, south.lon) == ("town", 11.0, 21.0)


def test_an_octopus_merge_of_three_branches(desk: Path) -> None:
    """git's octopus strategy merges text hunks itself (no merge driver): fine apart."""
    commit_edit(desk, "a", ("name: North City", "name: North"))
    commit_edit(desk, "b", ("title: Test desk", "title: Test desk, evening"))
    commit_edit(desk, "c", ("  text: Roads closed.", "  text: Roads closed to trucks."))
    path = desk / FILE
    path.write_text(path.read_text().replace("by: Analyst", "by: Desk analyst"))
    git(desk, "commit", "-q", "-am", "main: outlook author")
    git(desk, "merge", "-q", "a", "b", "c", "-m", "three shifts")
    sitrep(desk, "check", FILE)
    s = load_situation(desk / FILE)
    assert (s.header.title, s.places[0].name, s.notes[0].text, s.outlook[0].by) == (
        "Test desk, evening",
        "North",
        "Roads closed to trucks.",
        "Desk analyst",
    )
    assert len(git(desk, "log", "-1", "--format=%P").stdout.split()) == 4


def test_git_diff_log_and_show_print_facts(desk: Path) -> None:
    path = desk / FILE
    path.write_text(
        path.read_text().replace(
            "    - s2\n", "    - s2\n  - date: 2021-08-12\n    holder: gov\n", 1
        )
    )
    diff = git(desk, "diff").stdout
    assert "+place south: control 2021-08-12: holder gov" in diff
    assert "holder: gov" not in diff  # not the YAML lines
    git(desk, "commit", "-q", "-am", "South retaken")
    for command in (["log", "-p", "-1"], ["show", "HEAD"]):
        assert "+place south: control 2021-08-12: holder gov" in git(desk, *command).stdout
    assert "+  - date: 2021-08-12" in git(desk, "show", "--no-textconv", "HEAD").stdout
    words = sitrep(desk, "diff", "HEAD~1", FILE).stdout
    assert words == "South Town: control: Rebels → Government (since 12 Aug 2021)\n"


def test_the_driver_leaves_our_version_when_an_input_is_not_a_situation(desk: Path) -> None:
    commit_edit(desk, "broken", ("holder: reb", "holder: nobody"))
    commit_edit(desk, "fine", ("name: North City", "name: North"))
    git(desk, "merge", "-q", "fine", "-m", "fine")
    ours = (desk / FILE).read_text()
    merged = git(desk, "merge", "broken", "-m", "broken", ok=False)
    assert merged.returncode == 1 and "CONFLICT" in merged.stdout
    assert "not merged, your version is left in place" in merged.stderr
    assert "unknown party 'nobody'" in merged.stderr and "Traceback" not in merged.stderr
    assert (desk / FILE).read_text() == ours


def test_a_commit_that_only_changes_a_comment_still_shows_in_git_diff(desk: Path) -> None:
    path = desk / FILE
    path.write_text(path.read_text().replace("- id: east\n", "# busy port\n- id: east\n"))
    git(desk, "commit", "-q", "-am", "A comment")
    path.write_text(path.read_text().replace("# busy port", "# the busiest port"))
    diff = git(desk, "diff").stdout
    assert "-place east: # busy port\n+place east: # the busiest port" in diff
