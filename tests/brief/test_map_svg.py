"""The map as SVG: valid XML, every place, the key figures' counts, safe with hostile names."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitrep.brief.mapsvg import render_map_svg, write_map_svg
from sitrep.errors import SitrepError
from sitrep.geo.palette import party_colors
from sitrep.model.derive import control_summary
from sitrep.model.situation import Situation
from sitrep.storage.outputs import mark
from sitrep.storage.sample import sample_path
from tests.run import run_cli

NS = {"svg": "http://www.w3.org/2000/svg"}
BASE = sample_path().parent


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def test_sample_map_has_34_markers_coloured_by_holder(sample: Situation) -> None:
    root = parse(render_map_svg(sample, base=BASE))
    places = root.findall(".//svg:g[@class='place']", NS)
    assert len(places) == 34
    assert {p.get("data-place") for p in places} == {p.id for p in sample.territory}
    colors = party_colors(sample)
    holders = {p.id: p.holder for p in sample.territory}
    for group in places:
        shape = group[1]  # after the <title>
        painted = {shape.get("fill"), shape.get("stroke")} | {
            child.get("fill") for child in group.iter() if child.get("fill")
        }
        assert colors[holders[group.get("data-place") or ""]] in painted


def test_glyph_kinds_distinguish_claimed_contested_and_the_seat(sample: Situation) -> None:
    root = parse(render_map_svg(sample, base=BASE))
    kinds = {
        g.get("data-place"): g.get("data-kind")
        for g in root.findall(".//svg:g[@class='place']", NS)
    }
    assert kinds["kabul"] == "seat"
    assert kinds["logar"] == "claimed"
    assert kinds["jowzjan"] == "contested"
    assert kinds["kandahar"] == "confirmed"
    kabul = root.find(".//svg:g[@data-place='kabul']", NS)
    assert kabul is not None and kabul.find("svg:polygon", NS) is not None  # a star
    labels = [t.text for t in root.findall(".//svg:text[@class='label']", NS)]
    assert "Kabul" in labels


def test_legend_counts_match_control_summary(sample: Situation) -> None:
    root = parse(render_map_svg(sample, base=BASE))
    rows = root.findall(".//svg:g[@class='legend-party']", NS)
    counts = {r.get("data-party"): int(r.findall("svg:text", NS)[-1].text or "") for r in rows}
    summary = control_summary(sample)
    assert counts == {c.party_id: c.held for c in summary.parties}
    assert counts == {"taliban": 18, "government": 16}
    kinds = {g.get("data-kind") for g in root.findall(".//svg:g[@class='legend-kind']", NS)}
    assert kinds == {"confirmed", "claimed", "contested", "seat"}


def test_title_date_scale_and_credit(sample: Situation) -> None:
    svg = render_map_svg(sample, base=BASE)
    root = parse(svg)
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sample.header.title in texts
    assert any("as of 13 August 2021" in t for t in texts)
    assert any(t.endswith(" km") for t in texts)
    credit = root.find(".//svg:text[@class='credit']", NS)
    assert credit is not None and "Natural Earth" in (credit.text or "")
    assert root.find(".//svg:path[@class='outline']", NS) is not None


def test_hostile_names_are_escaped(sample: Situation) -> None:
    hostile = "Kan<dahar> & \"Sons\" 'q' </svg><script>alert(1)</script>\x1b[31m"
    i = next(i for i, p in enumerate(sample.territory) if p.id == "kandahar")
    sample.territory[i] = sample.territory[i].model_copy(update={"capital": hostile})
    j = next(i for i, p in enumerate(sample.territory) if p.id == "nimroz")  # alone: labelled
    sample.territory[j] = sample.territory[j].model_copy(update={"capital": "<Z&\"j'>"})
    sample.parties[0] = sample.parties[0].model_copy(update={"short": "<b>T&T</b>"})
    sample.header = sample.header.model_copy(update={"title": "A & B <i>"})
    svg = render_map_svg(sample, base=BASE)
    root = parse(svg)  # still well-formed
    assert "<script>" not in svg and "\x1b" not in svg
    assert root.find(".//svg:script", NS) is None
    labels = [t.text for t in root.findall(".//svg:text[@class='label']", NS)]
    tooltips = [t.text for t in root.findall(".//svg:g[@class='place']/svg:title", NS)]
    expected = "Kan<dahar> & \"Sons\" 'q' </svg><script>alert(1)</script>"  # escape dropped
    assert expected in tooltips
    assert "<Z&\"j'>" in labels
    names = [t.text for t in root.findall(".//svg:g[@class='legend-party']/svg:text", NS)]
    assert "<b>T&T</b>" in names


def test_same_input_same_bytes(sample: Situation, tmp_path: Path) -> None:
    first = render_map_svg(sample, base=BASE)
    assert render_map_svg(sample, base=BASE) == first
    write_map_svg(sample, tmp_path / "map.svg", source=sample_path())
    assert (tmp_path / "map.svg").read_bytes() == mark(first).encode("utf-8")


def test_without_outline_or_coordinates(sample: Situation) -> None:
    sample.header = sample.header.model_copy(update={"outline": None})
    root = parse(render_map_svg(sample, base=BASE))
    assert root.find(".//svg:path[@class='outline']", NS) is None
    assert len(root.findall(".//svg:g[@class='place']", NS)) == 34
    sample.territory = [p.model_copy(update={"lat": None, "lon": None}) for p in sample.territory]
    svg = render_map_svg(sample, base=BASE)
    assert "No places with coordinates" in svg and "34 without coordinates" in svg


def test_bad_outline_is_an_error(sample: Situation, tmp_path: Path) -> None:
    (tmp_path / "afghanistan-outline.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(SitrepError, match="not JSON"):
        render_map_svg(sample, base=tmp_path)


def test_export_map_from_the_command_line(tmp_path: Path) -> None:
    result = run_cli(
        "export", str(sample_path()), "--map", "map.svg", "-o", "brief.md", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    root = parse((tmp_path / "map.svg").read_text(encoding="utf-8"))
    assert len(root.findall(".//svg:g[@class='place']", NS)) == 34


def test_export_map_with_a_missing_outline_fails_cleanly(tmp_path: Path) -> None:
    text = (
        sample_path()
        .read_text(encoding="utf-8")
        .replace("outline: afghanistan-outline.geojson", "outline: maps/missing.geojson")
    )
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    result = run_cli("export", "s.yaml", "--map", "map.svg", "-o", "brief.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "missing.geojson: outline file not found" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "map.svg").exists()


@pytest.mark.parametrize(
    "module",
    [
        "sitrep.brief.mapsvg",
        "sitrep.geo.projection",
        "sitrep.geo.index",
        "sitrep.geo.marks",
        "sitrep.geo.raster",
        "sitrep.geo.palette",
    ],
)
def test_map_export_imports_without_textual(module: str) -> None:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
