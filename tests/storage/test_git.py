"""The previous report read from git: real repositories in temporary folders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sitrep.errors import SitrepError, SitrepUsageError
from sitrep.storage.git import is_revision_name, load_previous, read_revision

GIT = ["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk"]


def git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, sample_file: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    shutil.copy(sample_file, tmp_path / "sit.yaml")
    git(tmp_path, "add", "sit.yaml")
    git(tmp_path, "commit", "-qm", "report 1")
    git(tmp_path, "tag", "v1")
    text = (tmp_path / "sit.yaml").read_text().replace("report_number: 1", "report_number: 2")
    (tmp_path / "sit.yaml").write_text(text)
    git(tmp_path, "commit", "-qam", "report 2")
    return tmp_path


def test_previous_is_the_file_at_a_revision(repo: Path) -> None:
    for revision in ("HEAD~1", "v1", "main~1"):
        previous = load_previous(revision, repo / "sit.yaml")
        assert previous.header.report_number == 1
    assert load_previous("HEAD", repo / "sit.yaml").header.report_number == 2


def test_a_file_wins_over_a_revision_of_the_same_name(repo: Path) -> None:
    (repo / "HEAD~1").write_text((repo / "sit.yaml").read_text())
    assert load_previous(str(repo / "HEAD~1"), repo / "sit.yaml").header.report_number == 2


@pytest.mark.parametrize("bad", ["--output=/tmp/x", "-p", "HEAD~9", "nope", "a b"])
def test_bad_revisions_are_refused_clearly(repo: Path, bad: str) -> None:
    with pytest.raises(SitrepError) as info:
        read_revision(repo / "sit.yaml", bad, 10**7)
    assert "revision" in str(info.value)


def test_outside_a_repository_says_so(tmp_path: Path, sample_file: Path) -> None:
    shutil.copy(sample_file, tmp_path / "sit.yaml")
    with pytest.raises(SitrepUsageError, match="not a git repository"):
        read_revision(tmp_path / "sit.yaml", "HEAD", 10**7)


def test_a_blob_over_the_limit_is_refused_before_it_is_read(repo: Path) -> None:
    with pytest.raises(SitrepError, match="larger than"):
        read_revision(repo / "sit.yaml", "HEAD", 100)


def test_revision_names() -> None:
    assert all(map(is_revision_name, ["HEAD~1", "v12", "abc123", "main@{1}", "HEAD^"]))
    assert not any(map(is_revision_name, ["", "-x", "--all", "a b", "x\ny"]))
