"""GeoJSON export: valid RFC 7946, one feature per place, properties as in the file."""

from __future__ import annotations

import json
from pathlib import Path

import geojson
import pytest

from sitrep.exports.geojson import render_geojson
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from tests.exports.conftest import check_golden, copy_sample, sitrep


def test_the_sample_is_valid_geojson_with_a_feature_per_place(sample: Situation) -> None:
    text = render_geojson(sample)
    parsed = geojson.loads(text)
    assert parsed.is_valid, parsed.errors()
    assert parsed["type"] == "FeatureCollection"
    assert len(parsed["features"]) == len(sample.places) == 37
    check_golden("sample-places.geojson", text)


def test_properties_match_the_file(sample: Situation) -> None:
    features = json.loads(render_geojson(sample))["features"]
    for place, feature in zip(sample.places, features, strict=True):
        props = feature["properties"]
        current = place.current
        assert feature["id"] == props["id"] == place.id
        assert feature["geometry"] == {"type": "Point", "coordinates": [place.lon, place.lat]}
        assert (props["name"], props["kind"], props["within"]) == (
            place.name,
            place.kind,
            place.within,
        )
        assert (props["pcode"], props["iso"]) == (place.pcode, place.iso)
        assert props["holder"] == place.holder
        assert props["control"] == (current.state if current else None)
        assert props["confidence"] == (current.confidence if current else None)
        assert props["since"] == (place.since.isoformat() if place.since else None)
        cited = current.sources if current else []
        assert [s["id"] for s in props["sources"]] == cited
        assert [s["publisher"] for s in props["sources"]] == [
            sample.source(i).publisher
            for i in cited  # type: ignore[union-attr]
        ]
    kandahar = next(f for f in features if f["id"] == "kandahar")
    assert kandahar["geometry"]["coordinates"] == [65.71, 31.613]  # [lon, lat], RFC 7946


def test_a_place_without_coordinates_has_null_geometry(sample: Situation) -> None:
    place = sample.places[0].model_copy(update={"lat": None, "lon": None})
    s = sample.model_copy(update={"places": [place, *sample.places[1:]]})
    parsed = geojson.loads(render_geojson(s))
    assert parsed.is_valid, parsed.errors()
    assert parsed["features"][0]["geometry"] is None
    assert parsed["features"][0]["properties"]["pcode"] == place.pcode


def test_outline_comes_first_as_a_polygon(sample: Situation) -> None:
    data = json.loads(render_geojson(sample, outline=True, base=sample_path().parent))
    outline = data["features"][0]
    assert outline["properties"]["role"] == "outline"
    assert outline["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert "Natural Earth" in outline["properties"]["source"]
    assert geojson.loads(json.dumps(data)).is_valid
    assert len(data["features"]) == 38


def test_cli_writes_the_file_and_is_deterministic(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_file: Path
) -> None:
    situation = copy_sample(sample_file, tmp_path)
    for name in ("a.geojson", "b.geojson"):
        code, _, err = sitrep(
            capsys, "export", situation, "-f", "geojson", "--outline", "-o", tmp_path / name
        )
        assert code == 0, err
    assert (tmp_path / "a.geojson").read_bytes() == (tmp_path / "b.geojson").read_bytes()
