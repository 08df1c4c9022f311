"""An outline: that is a FIFO, a device, a folder or a NUL name: refused at its line, no hang.

A FIFO hung `export --map` and the map pane; /dev/zero and /dev/urandom were read
without end (MemoryError); a NUL in the name crashed both. Now only a regular
file is read, bounded and without blocking, and with the situation file given
the problem is reported at its ``outline:`` line as FILE:LINE:COL.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.geo.outline import situation_outline
from sitrep.yaml.io import load_situation
from tests.nohang import no_hang
from tests.run import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")

# outline: as written, what it is, what the message says
HOSTILE = {
    "fifo": ("pipe.geojson", "a named pipe"),
    "dev-zero": ("/dev/zero", "a character device"),
    "dev-urandom": ("/dev/urandom", "a character device"),
    "dev-null": ("/dev/null", "a character device"),
    "symlink-to-zero": ("zero.geojson", "a character device"),
    "folder": ("maps", "is a folder"),
    "nul-name": ('"a\\0b.geojson"', "holds a NUL character"),
    "missing": ("missing.geojson", "outline file not found"),
    "not-utf8": ("latin1.geojson", "not UTF-8 text"),
}


def situation_with(tmp_path: Path, sample_file: Path, outline: str) -> Path:
    text = sample_file.read_text(encoding="utf-8").replace(
        "outline: afghanistan-outline.geojson", f"outline: {outline}"
    )
    path = tmp_path / "sit.yaml"
    path.write_text(text, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.geojson")
    (tmp_path / "zero.geojson").symlink_to("/dev/zero")
    (tmp_path / "maps").mkdir()
    (tmp_path / "latin1.geojson").write_bytes(b'{"type": "Polygon", "name": "Mal\xe9"}')
    return path


def outline_line(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith("  outline:"))


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_outline_is_refused_at_its_line(
    tmp_path: Path, sample_file: Path, case: str
) -> None:
    written, said = HOSTILE[case]
    path = situation_with(tmp_path, sample_file, written)
    situation = load_situation(path)
    with pytest.raises(SitrepError) as info:
        no_hang(lambda: situation_outline(situation, path.parent, source=path))
    (line,) = info.value.lines()
    assert line.startswith(f"{path}:{outline_line(path)}:12: outline: ")
    assert said in line


@pytest.mark.parametrize("case", ["fifo", "dev-zero", "nul-name", "folder"])
def test_without_the_situation_file_the_outline_is_still_refused(
    tmp_path: Path, sample_file: Path, case: str
) -> None:
    path = situation_with(tmp_path, sample_file, HOSTILE[case][0])
    situation = load_situation(path)
    with pytest.raises(SitrepError, match=HOSTILE[case][1]):
        no_hang(lambda: situation_outline(situation, path.parent))


@pytest.mark.parametrize("case", ["fifo", "dev-zero", "dev-urandom", "nul-name", "folder"])
def test_check_and_export_map_refuse_it_and_write_nothing(
    tmp_path: Path, sample_file: Path, case: str
) -> None:
    path = situation_with(tmp_path, sample_file, HOSTILE[case][0])
    where = f"{path.name}:{outline_line(path)}:12: outline: "
    checked = run_cli("check", path.name, cwd=tmp_path)
    assert checked.returncode in (1, 2) and where in checked.stderr
    exported = run_cli("export", path.name, "--map", "map.svg", "-o", "brief.md", cwd=tmp_path)
    assert exported.returncode in (1, 2) and where in exported.stderr
    assert "Traceback" not in checked.stderr + exported.stderr
    assert not (tmp_path / "map.svg").exists() and not (tmp_path / "brief.md").exists()


def test_the_sample_outline_still_checks(tmp_path: Path, sample_file: Path) -> None:
    shutil.copy(sample_file, tmp_path / "sit.yaml")
    assert run_cli("check", "sit.yaml", cwd=tmp_path).returncode == 0
