"""Control over time as SVG: valid, deterministic, in the map's colours, safe with any name."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sitrep.brief.svg.timeline_svg import render_timeline_svg
from sitrep.geo.palette import party_colors
from sitrep.model.situation import Situation
from tests.model.build import situation

NS = {"svg": "http://www.w3.org/2000/svg"}


def test_the_sample_chart_has_a_line_per_party_and_a_tick_per_change(sample: Situation) -> None:
    svg = render_timeline_svg(sample)
    assert render_timeline_svg(sample) == svg
    root = ET.fromstring(svg)
    series = {s.get("data-series"): s.get("stroke") for s in root.findall(".//svg:polyline", NS)}
    colors = party_colors(sample)
    assert series == {"party-taliban": colors["taliban"], "party-government": colors["government"]}
    ticks = root.findall(".//svg:g[@class='change']", NS)
    assert len(ticks) == 18  # the 18 provincial capitals of 6-13 Aug
    legend = [t.text for t in root.findall(".//svg:g[@class='legend-series']/svg:text", NS)]
    assert legend == ["Taliban: 18", "Government: 16"]
    assert root.find(".//svg:path[@class='as-of']", NS) is not None


def test_no_control_means_a_note_not_a_chart() -> None:
    svg = render_timeline_svg(situation(places=[{"id": "a", "name": "A"}]))
    assert "No control of any place is recorded" in svg
    assert ET.fromstring(svg).find(".//svg:polyline", NS) is None


def test_hostile_names_stay_text(sample: Situation) -> None:
    sample.header = sample.header.model_copy(
        update={"title": "<script>x</script> & \x1b[31m\ufffe"}
    )
    sample.parties[0] = sample.parties[0].model_copy(update={"short": "</text><b>"})
    svg = render_timeline_svg(sample)
    root = ET.fromstring(svg)
    assert root.find(".//svg:script", NS) is None and "\x1b" not in svg
    assert any(
        "</text><b>" in (t.text or "") for t in root.iter("{http://www.w3.org/2000/svg}text")
    )
