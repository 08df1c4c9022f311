"""The map as SVG: valid XML, every place, the key figures' counts, safe with hostile names."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitrep.brief import render_brief
from sitrep.brief.svg.mapsvg import render_map_svg, write_map_svg
from sitrep.errors import SitrepError
from sitrep.geo.palette import party_colors
from sitrep.model.derived.control import control_summary, headline_places
from sitrep.model.situation import Situation
from sitrep.storage.outputs import mark
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import load_situation
from tests.run import run_cli

NS = {"svg": "http://www.w3.org/2000/svg"}
BASE = sample_path().parent


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def test_sample_map_has_a_marker_per_place_coloured_by_holder(sample: Situation) -> None:
    root = parse(render_map_svg(sample, base=BASE))
    places = root.findall(".//svg:g[@class='place']", NS)
    assert len(places) == 37  # 34 provinces, 2 airports, 1 town
    assert {p.get("data-place") for p in places} == {p.id for p in sample.places}
    colors = party_colors(sample)
    holders = {p.id: p.holder or p.current.parties[0] for p in sample.places if p.current}
    for group in places:
        shape = group[1]  # after the <title>
        painted = {shape.get("fill"), shape.get("stroke")} | {
            child.get("fill") for child in group.iter() if child.get("fill")
        }
        assert colors[holders[group.get("data-place") or ""]] in painted


def test_glyph_kinds_distinguish_reported_and_the_seat(sample: Situation) -> None:
    root = parse(render_map_svg(sample, base=BASE))
    kinds = {
        g.get("data-place"): g.get("data-kind")
        for g in root.findall(".//svg:g[@class='place']", NS)
    }
    assert kinds["kabul"] == "seat"
    assert kinds["jowzjan"] == "reported"  # the Interior Ministry disputed the fall
    assert kinds["logar"] == "confirmed"  # claimed, then confirmed the same day
    assert kinds["kandahar"] == "confirmed"
    kabul = root.find(".//svg:g[@data-place='kabul']", NS)
    assert kabul is not None and kabul.find("svg:polygon", NS) is not None  # a star
    labels = [t.text for t in root.findall(".//svg:text[@class='label']", NS)]
    assert "Kabul" in labels


def test_legend_counts_match_the_key_figures(sample: Situation) -> None:
    root = parse(render_map_svg(sample, base=BASE))
    rows = root.findall(".//svg:g[@class='legend-party']", NS)
    counts = {r.get("data-party"): int(r.findall("svg:text", NS)[-1].text or "") for r in rows}
    summary = control_summary(sample, places=headline_places(sample)[1])
    assert counts == {c.party_id: c.held for c in summary.holding}
    assert counts == {"taliban": 18, "government": 16}  # 18 + 16 = 34 provinces
    states = {
        g.get("data-state"): int(g.get("data-count") or "")
        for g in root.findall(".//svg:g[@class='legend-state']", NS)
    }
    assert states == {}  # nothing contested or unclear on 13 Aug
    kinds = {g.get("data-kind") for g in root.findall(".//svg:g[@class='legend-kind']", NS)}
    assert kinds == {"confirmed", "reported", "seat"}


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
    i = next(i for i, p in enumerate(sample.places) if p.id == "kandahar")
    sample.places[i] = sample.places[i].model_copy(update={"capital": hostile})
    j = next(i for i, p in enumerate(sample.places) if p.id == "nimroz")  # alone: labelled
    sample.places[j] = sample.places[j].model_copy(update={"capital": "<Z&\"j'>"})
    sample.parties[0] = sample.parties[0].model_copy(update={"short": "<b>T&T</b>"})
    sample.header = sample.header.model_copy(update={"title": "A & B <i>"})
    svg = render_map_svg(sample, base=BASE)
    root = parse(svg)  # still well-formed
    assert "<script>" not in svg and "\x1b" not in svg
    assert root.find(".//svg:script", NS) is None
    labels = [t.text for t in root.findall(".//svg:text[@class='label']", NS)]
    tooltips = [t.text for t in root.findall(".//svg:g[@class='place']/svg:title", NS)]
    expected = "Kan<dahar> & \"Sons\" 'q' </svg><script>alert(1)</script>"  # escape dropped
    assert any(tip.startswith(expected) for tip in tooltips if tip)
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
    assert len(root.findall(".//svg:g[@class='place']", NS)) == 37
    sample.places = [p.model_copy(update={"lat": None, "lon": None}) for p in sample.places]
    svg = render_map_svg(sample, base=BASE)
    assert "No places with coordinates" in svg and "37 without coordinates" in svg


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
    assert len(root.findall(".//svg:g[@class='place']", NS)) == 37


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
        "sitrep.brief.svg.mapsvg",
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


# -- other crises ------------------------------------------------------------------------

SITUATIONS = Path(__file__).parent / "situations"


def crisis(name: str) -> Situation:
    return load_situation(SITUATIONS / f"{name}.yaml")


def test_front_line_map_shows_every_state_and_the_key_figures_counts() -> None:
    s = crisis("front-line")
    root = parse(render_map_svg(s, base=SITUATIONS))
    kinds = {g.get("data-place"): g.get("data-kind") for g in root.findall(".//svg:g", NS)}
    assert kinds["brent"] == "contested" and kinds["dunham"] == "besieged"
    assert kinds["carrow"] == "partial" and kinds["eston"] == "unclear"
    assert kinds["donburg"] == "seat"
    legend = {
        r.get("data-party"): int(r.get("data-held") or "")
        for r in root.findall(".//svg:g[@class='legend-party']", NS)
    }
    names = {"gov": "The government", "east": "Eastern forces", "corps": "The Volunteer Corps"}
    brief = render_brief(s)
    for party, name in names.items():
        match = re.search(rf"^- {name}: (\d+) of 8 towns", brief, flags=re.MULTILINE)
        assert match is not None and int(match.group(1)) == legend[party]
    states = {
        g.get("data-state"): int(g.get("data-count") or "")
        for g in root.findall(".//svg:g[@class='legend-state']", NS)
    }
    assert states == {"contested": 1, "unclear": 1}
    assert "- Contested: 1 of 8 towns" in brief and "- Control unclear: 1 of 8 towns" in brief
    assert sum(legend.values()) + sum(states.values()) == 8
    title = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Control of 8 towns" in title


def test_contested_halves_and_the_siege_ring_use_both_sides_colours() -> None:
    s = crisis("front-line")
    colors = party_colors(s)
    root = parse(render_map_svg(s, base=SITUATIONS))
    brent = root.find(".//svg:g[@data-place='brent']", NS)
    assert brent is not None
    assert {c.get("fill") for c in brent.iter() if c.get("fill")} >= {
        colors["east"],
        colors["gov"],
    }
    dunham = root.find(".//svg:g[@data-place='dunham']", NS)
    assert dunham is not None
    ring = [c for c in dunham.iter() if c.get("stroke-dasharray")]
    assert ring and ring[0].get("stroke") == colors["east"]


def test_a_map_with_no_control_claims_none() -> None:
    svg = render_map_svg(crisis("flood"), base=SITUATIONS)
    root = parse(svg)
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any(t.startswith("Places, as of 12 September 2024") for t in texts)
    assert "4 places" in texts
    for claim in ("Who holds", "Control", "control", "held", "contested", "seat"):
        assert not any(claim in t for t in texts), claim
    assert root.findall(".//svg:g[@class='legend-party']", NS) == []
    assert root.findall(".//svg:g[@class='legend-kind']", NS) == []


def test_places_that_changed_hands_in_the_period_are_ringed(sample: Situation) -> None:
    root = parse(render_map_svg(sample, base=BASE))
    ringed = {
        g.get("data-place")
        for g in root.findall(".//svg:g[@class='place']", NS)
        if g.find("svg:circle[@class='changed']", NS) is not None
    }
    assert len(ringed) == 19 and {"kandahar", "herat", "kunduz-airport"} <= ringed
    assert "spin-boldak" not in ringed and "balkh" not in ringed  # before the period; held
    changed = root.find(".//svg:g[@class='legend-changed']", NS)
    assert changed is not None and changed.findall("svg:text", NS)[-1].text == "19"
