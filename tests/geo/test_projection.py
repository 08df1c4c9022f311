"""The map's geometry: bounds, equirectangular projection, scale bar, braille raster."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.geo.projection import KM_PER_DEGREE, Bounds, Plane, fit_projection, scale_bar
from sitrep.geo.raster import BRAILLE_BASE, braille_rows

AFGHANISTAN = Bounds(60.0, 29.0, 75.0, 39.0)


def test_bounds_of_points_and_union() -> None:
    assert Bounds.of_points([]) is None
    b = Bounds.of_points([(61.0, 30.0), (70.0, 35.5), (65.0, 38.0)])
    assert b == Bounds(61.0, 30.0, 70.0, 38.0)
    assert b.union(Bounds(60.0, 31.0, 75.0, 37.0)) == Bounds(60.0, 30.0, 75.0, 38.0)
    assert b.union(None) is b


def test_padding_gives_one_place_a_sensible_span() -> None:
    alone = Bounds.of_points([(69.17, 34.53)])
    assert alone is not None
    padded = alone.padded()
    assert padded.width == pytest.approx(0.5) and padded.height == pytest.approx(0.5)
    assert padded.mid_latitude == pytest.approx(34.53)


def test_plane_shrinks_longitude_by_cos_of_the_middle_latitude() -> None:
    plane = Plane.for_bounds(AFGHANISTAN)
    assert plane.lon_factor == pytest.approx(math.cos(math.radians(34.0)))
    x, y = plane.point(70.0, 34.0)
    assert x == pytest.approx(70.0 * math.cos(math.radians(34.0)))
    assert y == -34.0  # y grows southwards, like screen rows


def test_projection_keeps_the_shape_and_centres_it() -> None:
    p = fit_projection(AFGHANISTAN, 400, 400)
    west, north = p.project(60.0, 39.0)
    east, south = p.project(75.0, 29.0)
    width, height = east - west, south - north
    # 15 degrees of longitude at 34°N against 10 degrees of latitude.
    assert width / height == pytest.approx(15 * math.cos(math.radians(34)) / 10)
    assert max(width, height) == pytest.approx(400)  # fills the limiting dimension
    assert west == pytest.approx(400 - east)  # centred horizontally
    assert north == pytest.approx(400 - south)  # and vertically


def test_projection_with_tall_pixels_halves_the_rows() -> None:
    square = fit_projection(AFGHANISTAN, 200, 200)
    tall = fit_projection(AFGHANISTAN, 200, 100, pixel_aspect=2.0)
    for lon, lat in [(60.0, 39.0), (75.0, 29.0), (69.17, 34.53)]:
        sx, sy = square.project(lon, lat)
        tx, ty = tall.project(lon, lat)
        assert tx == pytest.approx(sx)
        assert ty == pytest.approx(sy / 2)


def test_km_per_pixel_matches_a_degree_of_latitude() -> None:
    p = fit_projection(AFGHANISTAN, 500, 500)
    _, y1 = p.project(70.0, 34.0)
    _, y2 = p.project(70.0, 35.0)
    assert (y1 - y2) * p.km_per_pixel == pytest.approx(KM_PER_DEGREE)
    assert pytest.approx(111.19, abs=0.01) == KM_PER_DEGREE


@given(
    st.floats(-170, 170),
    st.floats(-80, 70),
    st.floats(0.1, 30),
    st.floats(0.1, 15),
    st.integers(4, 400),
    st.integers(4, 200),
    st.sampled_from([1.0, 2.0, 0.5]),
)
def test_projected_bounds_fit_inside_the_canvas(
    west: float, south: float, w: float, h: float, cols: int, rows: int, aspect: float
) -> None:
    bounds = Bounds(west, south, west + w, south + h)
    p = fit_projection(bounds, cols, rows, pixel_aspect=aspect)
    for lon, lat in [(bounds.west, bounds.north), (bounds.east, bounds.south)]:
        x, y = p.project(lon, lat)
        assert -1e-6 <= x <= cols + 1e-6
        assert -1e-6 <= y <= rows + 1e-6


@pytest.mark.parametrize(
    ("km_per_unit", "units", "expected_km"),
    [(9.07, 20, 100), (9.07, 25, 200), (1.0, 60, 50), (0.3, 10, 2), (100.0, 12, 1000)],
)
def test_scale_bar_picks_a_round_distance_that_fits(
    km_per_unit: float, units: float, expected_km: int
) -> None:
    km, length = scale_bar(km_per_unit, units)
    assert km == expected_km
    assert length == pytest.approx(km / km_per_unit)
    assert length <= units


def test_scale_bar_when_nothing_fits() -> None:
    assert scale_bar(10.0, 0.05) == (0, 0.0)
    assert scale_bar(0.0, 10) == (0, 0.0)


def test_braille_rows_draw_a_line_with_the_right_dots() -> None:
    rows = braille_rows([[(0.0, 0.0), (3.0, 0.0)]], cols=3, rows=2)
    # Top row of dots in the first two cells: dots 1 and 4 (bits 0x01 and 0x08).
    assert rows[0] == chr(BRAILLE_BASE + 0x09) * 2 + " "
    assert rows[1] == "   "
    vertical = braille_rows([[(1.0, 0.0), (1.0, 7.0)]], cols=1, rows=2)
    assert vertical == [chr(BRAILLE_BASE + 0x08 + 0x10 + 0x20 + 0x80)] * 2


def test_braille_rows_clip_what_falls_outside() -> None:
    rows = braille_rows([[(-10.0, -10.0), (-1.0, -1.0)], [(50.0, 50.0)]], cols=2, rows=2)
    assert rows == ["  ", "  "]
