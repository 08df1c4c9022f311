"""`sitrep export` never overwrites its own input nor a file sitrep did not write.

`sitrep export v.yaml -o v.yaml` replaced the situation with Markdown and exited 0;
so did --map onto the situation or its outline. Every refusal here is exit 2, a
clear message, and every byte on disk as it was. storage/outputs.py is the rule
the TUI's `x` calls too.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.storage.outputs import check_output, mark, written_by_sitrep
from tests.nohang import no_hang


@pytest.fixture
def folder(tmp_path: Path, sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(sample_file, tmp_path / "v.yaml")
    shutil.copy(sample_file.parent / "afghanistan-outline.geojson", tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()}


def refused(args: list[str], folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = snapshot(folder)
    code = no_hang(lambda: main(["export", *args]))
    err = capsys.readouterr().err
    assert code == 2, err
    assert snapshot(folder) == before, "nothing written"
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["v.yaml", "-o", "v.yaml"], "v.yaml: is the situation file of this export"),
        (["v.yaml", "--map", "v.yaml"], "v.yaml: is the situation file of this export"),
        (
            ["v.yaml", "--map", "afghanistan-outline.geojson"],
            "is the outline named by the situation of this export",
        ),
        (
            ["v.yaml", "-o", "afghanistan-outline.geojson"],
            "is the outline named by the situation of this export",
        ),
        (["v.yaml", "-o", "./sub/../v.yaml"], "is the situation file"),
        (["v.yaml", "-o", "link.md"], "is the situation file"),
        (["v.yaml", "-o", "hard.md"], "is the situation file"),
        (["v.yaml", "--previous", "old.yaml", "-o", "old.yaml"], "is the previous report"),
        (["v.yaml", "-o", "notes.md"], "already exists and sitrep did not write it"),
        (["v.yaml", "--map", "notes.md"], "already exists and sitrep did not write it"),
        (
            ["v.yaml", "-o", "same.md", "--map", "same.md"],
            "-o, --map and --timeline name the same file",
        ),
        (["v.yaml", "-o", "pipe"], "is a named pipe, not a file sitrep can write an output to"),
        (["v.yaml", "-o", "sub"], "is a folder"),
        (["v.yaml", "-o", "edited.md"], "was changed since sitrep wrote it"),
    ],
)
def test_export_refuses_and_writes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    (folder / "sub").mkdir()
    (folder / "link.md").symlink_to(folder / "v.yaml")
    os.link(folder / "v.yaml", folder / "hard.md")
    shutil.copy(folder / "v.yaml", folder / "old.yaml")
    (folder / "notes.md").write_text("# My own notes\n\nNot sitrep's.\n", encoding="utf-8")
    (folder / "edited.md").write_text(mark("# Brief\n").replace("# Brief", "# Brief, edited"))
    os.mkfifo(folder / "pipe")
    assert says in refused(args, folder, capsys)


def test_an_edited_output_is_replaced_only_when_asked(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "v.yaml", "-o", "brief.md", "--no-timestamp"]) == 0
    brief = folder / "brief.md"
    assert written_by_sitrep(brief.read_bytes()) is True
    brief.write_text(brief.read_text(encoding="utf-8").replace("Highlights", "Key points"))
    assert check_output(brief, inputs={}).status == "edited"
    err = refused(["v.yaml", "-o", "brief.md"], folder, capsys)
    assert "pass --replace-edited to replace it anyway" in err
    assert main(["export", "v.yaml", "-o", "brief.md", "--replace-edited"]) == 0
    assert written_by_sitrep(brief.read_bytes()) is True


def test_sitreps_own_outputs_are_replaced_without_asking(folder: Path) -> None:
    for _ in range(2):
        assert main(["export", "v.yaml", "-o", "brief.md", "--map", "map.svg"]) == 0
    for name in ("brief.md", "map.svg"):
        assert written_by_sitrep((folder / name).read_bytes()) is True
    assert check_output(folder / "brief.md", inputs={}).free


def test_the_marker_keeps_the_svg_well_formed_and_the_brief_free_of_html(folder: Path) -> None:
    import xml.etree.ElementTree as ET

    from markdown_it import MarkdownIt

    assert main(["export", "v.yaml", "-o", "brief.md", "--map", "map.svg"]) == 0
    ET.parse(folder / "map.svg")
    tokens = MarkdownIt("commonmark").parse((folder / "brief.md").read_text(encoding="utf-8"))
    html = [t.content.strip() for t in tokens if t.type == "html_block"]
    assert len(html) == 1 and html[0].startswith("<!-- sitrep output sha256=")


def test_stdout_is_never_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "v.yaml", "-o", "-"]) == 0
    assert "# Afghanistan" in capsys.readouterr().out


def test_the_tui_api_says_what_a_target_is(folder: Path) -> None:
    inputs = {folder / "v.yaml": "the situation file"}
    assert check_output(folder / "new.md", inputs=inputs).status == "new"
    assert check_output(folder / "v.yaml", inputs=inputs).status == "input"
    (folder / "report.md").write_text("mine\n")
    check = check_output(folder / "report.md", inputs=inputs)
    assert check.status == "foreign" and not check.free and not check.asks
    (folder / "ours.md").write_text(mark("brief\n"))
    assert check_output(folder / "ours.md", inputs=inputs).free
    (folder / "ours.md").write_text(mark("brief\n").replace("brief", "edited"))
    assert check_output(folder / "ours.md", inputs=inputs).asks
