"""PDF export: the key figures on page one, the map inside, tagged, reproducible.

CI installs the extra (`.[test,pdf]`); without it these tests are skipped, and
the message that says how to get it is tested on its own.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from sitrep.exports.brief_parts import BriefOptions
from sitrep.exports.pdf import pdf_inputs
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import load_situation
from tests.exports.conftest import check_golden, copy_sample, sitrep
from tests.paths import CORPUS


def test_without_the_extra_a_clear_message_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    sample_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # import typst now fails
    code, _, err = sitrep(capsys, "export", sample_file, "-f", "pdf", "-o", tmp_path / "b.pdf")
    assert code == 2
    assert "pip install 'sitrep[pdf]'" in err and "Traceback" not in err
    assert not (tmp_path / "b.pdf").exists()


def test_the_typeset_data_is_golden(sample: Situation) -> None:
    brief, figures = pdf_inputs(
        sample, base=sample_path().parent, options=BriefOptions(source_name="sample.yaml")
    )
    check_golden("sample-brief.typst.json", brief)
    assert figures["map"].startswith("<svg") and figures["timeline"].startswith("<svg")


def test_first_page_has_the_key_figures_and_the_map(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_file: Path
) -> None:
    pytest.importorskip("typst")
    from pypdf import PdfReader

    situation = copy_sample(sample_file, tmp_path)
    code, _, err = sitrep(
        capsys, "export", situation, "-f", "pdf", "--no-timestamp", "-o", tmp_path / "a.pdf"
    )
    assert code == 0, err
    data = (tmp_path / "a.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    first = " ".join(reader.pages[0].extract_text().split())
    for words in (
        "The Taliban: 18 of 34 provinces",
        "Government forces: 16 of 34 provinces",
        "Pul-e Alam (Logar)",
        "61 km from Kabul",
        "389,645",
        "Evacuating: 5 states",
    ):
        assert words in first, words
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Who holds what, as of 13 August 2021" in text  # the map's own words, as vector text
    assert "Control of 34 provinces" in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en"  # tagged, with its language
    assert root["/MarkInfo"]["/Marked"]
    assert reader.metadata is not None
    assert reader.metadata.title == "Afghanistan: Taliban offensive, situation on 13 August 2021"
    assert reader.metadata.get("/CreationDate") is None  # --no-timestamp: no date at all
    code, _, _ = sitrep(
        capsys, "export", situation, "-f", "pdf", "--no-timestamp", "-o", tmp_path / "b.pdf"
    )
    assert code == 0 and (tmp_path / "b.pdf").read_bytes() == data


def test_hostile_text_typesets_as_text(tmp_path: Path) -> None:
    pytest.importorskip("typst")
    from pypdf import PdfReader

    from sitrep.exports.pdf import render_pdf

    s = load_situation(CORPUS / "hostile-text.yaml")
    notes: list[str] = []
    data = render_pdf(s, base=CORPUS, options=BriefOptions(source_name="hostile.yaml"), notes=notes)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "<script>alert(1)</script>" in text
    assert "[bold]Kabul[/]" in text
    assert notes and "not PDF/UA-1" in notes[0]  # Pashto has no glyph in the bundled fonts
