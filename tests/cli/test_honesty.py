"""The command line says what happened, and nothing it prints can act on the terminal.

fmt said "reformatted" when the save failed and kept quiet about a backup it
could not keep; a cut list of cross-entry problems did not say how many more;
file names were printed raw (OSC and CSI escapes reached the terminal).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.storage import store
from sitrep.text import has_unsafe
from sitrep.yaml.io import dump_situation, load_situation

ESCAPES = "evil\x1b]0;pwned\x07\x1b[2J\u202e\x9b31m"


@pytest.fixture
def messy(tmp_path: Path, sample_file: Path) -> Path:
    """The sample, valid but not in canonical form."""
    path = tmp_path / "messy.yaml"
    path.write_text(sample_file.read_text(encoding="utf-8") + "\n\n\n", encoding="utf-8")
    return path


def test_fmt_never_says_reformatted_when_the_save_failed(
    messy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = messy.read_bytes()

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.os, "replace", full)
    code = main(["fmt", str(messy)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "reformatted messy.yaml" not in out and f"reformatted {messy}" not in out
    assert f"{messy}: cannot save: the disk is full" in err
    assert err.strip().endswith(
        "0 file(s) reformatted, 0 left unchanged, 1 not reformatted (see above)"
    )
    assert messy.read_bytes() == before


def test_fmt_says_when_the_backup_could_not_be_kept(
    messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blocker").write_text("a file where the state folder should be")
    monkeypatch.setenv("SITREP_STATE_DIR", str(tmp_path / "blocker" / "state"))
    assert main(["fmt", str(messy)]) == 0
    out, err = capsys.readouterr()
    assert f"reformatted {messy}" in out
    assert f"note: {messy}: the previous version was not kept" in err


def test_fmt_does_not_overwrite_a_file_changed_while_it_read_it(
    messy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitrep.yaml import io

    parse = io.parse_situation

    def parse_then_someone_saves(text: str, name: str = "<text>") -> object:
        situation = parse(text, name)
        messy.write_text(text + "# saved by an editor meanwhile\n", encoding="utf-8")
        return situation

    monkeypatch.setattr(io, "parse_situation", parse_then_someone_saves)
    assert main(["fmt", str(messy)]) == 2
    assert "was changed on disk" in capsys.readouterr().err
    assert messy.read_text(encoding="utf-8").endswith("# saved by an editor meanwhile\n")


def test_cross_entry_problems_past_the_cap_end_with_and_n_more(
    tmp_path: Path, sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    situation = load_situation(sample_file)
    from sitrep.model.entries import ControlChange

    place = situation.places[1]  # not a seat: the parties still name theirs
    nobody = [ControlChange(holder="nobody")]
    situation.places = [
        place.model_copy(update={"id": f"p{i}", "control": nobody}) for i in range(250)
    ]
    path = tmp_path / "refs.yaml"
    path.write_text(dump_situation(situation), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    from sitrep.model.validation.problems import count_problems

    more = count_problems(situation) - 200
    assert more > 50 and len(lines) == 201
    assert lines[-1] == f"{path}: and {more} more problems (fix these, then check again)"


@pytest.mark.parametrize("command", ["check", "fmt", "export"])
def test_escapes_in_a_file_name_never_reach_the_terminal(
    tmp_path: Path, sample_file: Path, command: str
) -> None:
    bad = tmp_path / f"{ESCAPES}.yaml"
    bad.write_text("sitrep: 1\nheader: [\n", encoding="utf-8")
    missing = tmp_path / f"{ESCAPES}-missing.yaml"
    for path in (bad, missing):
        done = subprocess.run(
            [sys.executable, "-m", "sitrep", command, str(path)],
            capture_output=True,
            env=os.environ,
            timeout=60,
        )
        shown = (done.stdout + done.stderr).decode("utf-8")
        assert done.returncode in (1, 2)
        assert not has_unsafe(shown.replace("\n", "")), repr(shown)
        assert "evil␛]0;pwned␇␛[2J" in shown, "the name is still recognisable"


def test_an_undecodable_file_name_is_shown_not_a_crash(tmp_path: Path, sample_file: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.yaml"
    shutil.copy(sample_file, name.decode("utf-8", "surrogateescape"))
    done = subprocess.run(
        [sys.executable, "-m", "sitrep", "check", name],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "caf\ufffd.yaml: valid" in done.stdout.decode("utf-8")
