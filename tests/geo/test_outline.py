"""Outline files: the sample's, a situation's own, and every way one can be wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import SitrepDataError, SitrepError, SitrepIOError
from sitrep.geo.outline import load_outline, outline_path, situation_outline
from sitrep.model.situation import Situation
from sitrep.storage.sample import data_path

SQUARE = [[[60.0, 30.0], [62.0, 30.0], [62.0, 32.0], [60.0, 32.0], [60.0, 30.0]]]


def write(tmp_path: Path, data: object, name: str = "outline.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_sample_outline_is_afghanistan_with_its_credit(sample: Situation) -> None:
    outline = situation_outline(sample, data_path("x").parent)
    assert outline is not None
    assert len(outline.rings) == 1 and len(outline.rings[0]) == 410
    assert "Natural Earth" in outline.source and "public domain" in outline.source
    b = outline.bounds
    assert b is not None
    assert 60 < b.west < 61 and 74 < b.east < 75.5 and 29 < b.south < 30 and 38 < b.north < 39


def test_sample_outline_found_from_a_copy_elsewhere(sample: Situation, tmp_path: Path) -> None:
    # A copy of the sample in a folder without the outline still gets the bundled one.
    assert outline_path(sample, tmp_path) == data_path("afghanistan-outline.geojson")
    assert outline_path(sample, None) == data_path("afghanistan-outline.geojson")


def test_a_situations_own_outline_wins(sample: Situation, tmp_path: Path) -> None:
    write(tmp_path, {"type": "Polygon", "coordinates": SQUARE}, "afghanistan-outline.geojson")
    outline = situation_outline(sample, tmp_path)
    assert outline is not None and outline.rings[0][1] == (62.0, 30.0)
    assert outline.source == "outline from afghanistan-outline.geojson"


def test_no_outline_named(sample: Situation) -> None:
    sample.header = sample.header.model_copy(update={"outline": None})
    assert situation_outline(sample, Path(".")) is None


def test_multipolygon_feature_collection_with_holes_and_credit(tmp_path: Path) -> None:
    hole = [[60.5, 30.5], [61.0, 30.5], [61.0, 31.0], [60.5, 30.5]]
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"source": "Made up for a test"},
                "geometry": {"type": "MultiPolygon", "coordinates": [[SQUARE[0], hole], SQUARE]},
            }
        ],
    }
    outline = load_outline(write(tmp_path, data))
    assert len(outline.rings) == 3
    assert outline.source == "Made up for a test"


def test_a_bare_feature_is_read(tmp_path: Path) -> None:
    data = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": SQUARE},
    }
    assert len(load_outline(write(tmp_path, data)).rings) == 1


def test_missing_outline_is_an_io_error(sample: Situation, tmp_path: Path) -> None:
    sample.header = sample.header.model_copy(update={"outline": "maps/nowhere.geojson"})
    with pytest.raises(SitrepIOError, match=r"nowhere\.geojson: outline file not found"):
        situation_outline(sample, tmp_path)


def test_broken_json_points_at_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text('{"type": "Polygon",\n  "coordinates": [[[1, 2], ]]}', encoding="utf-8")
    with pytest.raises(SitrepDataError) as info:
        load_outline(path)
    problem = info.value.problems[0]
    assert problem.line == 2 and problem.column is not None
    assert "not JSON" in problem.message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "expected a GeoJSON object"),
        ({"type": "Point", "coordinates": [1, 2]}, "'Point': expected Polygon or MultiPolygon"),
        ({"type": "Polygon", "coordinates": [[["a", 2]]]}, "bad position"),
        ({"type": "Polygon", "coordinates": [[[200, 2]]]}, "outside lon"),
        ({"type": "Polygon", "coordinates": [[[1]]]}, "bad position"),
        ({"type": "Polygon", "coordinates": []}, "no Polygon or MultiPolygon with points"),
        ({"type": "FeatureCollection", "features": 3}, "without a 'features' list"),
        ({"type": "MultiPolygon", "coordinates": 5}, "must be lists of rings"),
    ],
)
def test_malformed_outlines_are_reported(tmp_path: Path, data: object, message: str) -> None:
    with pytest.raises(SitrepDataError, match=message):
        load_outline(write(tmp_path, data))


def test_nan_coordinates_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nan.geojson"
    path.write_text('{"type": "Polygon", "coordinates": [[[NaN, 1], [2, 3]]]}', encoding="utf-8")
    with pytest.raises(SitrepDataError, match="bad position"):
        load_outline(path)


def test_binary_file_is_an_io_error(tmp_path: Path) -> None:
    path = tmp_path / "bin.geojson"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SitrepError, match="cannot read outline"):
        load_outline(path)
