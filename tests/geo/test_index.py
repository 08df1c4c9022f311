"""Arrow keys on the map: the nearest place within ±60° of the direction."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.geo.index import DIRECTION_VECTORS, Direction, PointIndex
from sitrep.geo.marks import map_data
from sitrep.model.situation import Situation

#        0 origin, 1 right and near, 2 right and far, 3 up-right at 50°, 4 up-right at 70°
POINTS = [
    (0.0, 0.0),
    (2.0, 0.0),
    (5.0, 0.0),
    (math.cos(math.radians(50)), -math.sin(math.radians(50))),
    (0.5 * math.cos(math.radians(70)), -0.5 * math.sin(math.radians(70))),
]


def brute_force(points: list[tuple[float, float]], origin: int, direction: Direction) -> int | None:
    """The definition, checked against every point."""
    ox, oy = points[origin]
    dx, dy = DIRECTION_VECTORS[direction]
    forward = direction in ("right", "down")
    best: tuple[float, float, int] | None = None
    for k, (x, y) in enumerate(points):
        if k == origin:
            continue
        dist = math.hypot(x - ox, y - oy)
        if dist == 0:
            if (k > origin) == forward:
                key = (0.0, 0.0, k if forward else -k)
                best = key if best is None or key < best else best
            continue
        cosine = ((x - ox) * dx + (y - oy) * dy) / dist
        if cosine >= math.cos(math.radians(60)) - 1e-12:
            key = (dist, -cosine, k)
            best = key if best is None or key < best else best
    return None if best is None else abs(best[2])


def test_nearest_in_the_cone_wins() -> None:
    index = PointIndex(POINTS)
    # Point 3 is closer than point 1 (distance 1 vs 2) and 50° off: inside the cone.
    assert index.nearest_in_direction(0, "right") == 3
    # Point 4 is the closest of all, but 70° off "right", so it counts for "up" only.
    assert index.nearest_in_direction(0, "up") == 4
    assert index.nearest_in_direction(1, "right") == 2
    assert index.nearest_in_direction(2, "left") == 1


def test_nothing_in_that_direction() -> None:
    index = PointIndex(POINTS)
    assert index.nearest_in_direction(0, "left") is None
    assert index.nearest_in_direction(0, "down") is None
    assert index.nearest_in_direction(2, "right") is None
    assert PointIndex([(1.0, 1.0)]).nearest_in_direction(0, "up") is None


def test_stacked_places_stay_reachable() -> None:
    index = PointIndex([(1.0, 1.0), (1.0, 1.0), (1.0, 1.0), (3.0, 1.0)])
    assert index.nearest_in_direction(0, "right") == 1
    assert index.nearest_in_direction(1, "right") == 2
    assert index.nearest_in_direction(2, "right") == 3
    assert index.nearest_in_direction(2, "left") == 1
    assert index.nearest_in_direction(1, "up") == 0


def test_sample_kabul_neighbours(sample: Situation) -> None:
    data = map_data(sample, None)
    ids = [m.place_id for m in data.marks]
    index = PointIndex([(m.x, m.y) for m in data.marks])
    kabul = ids.index("kabul")
    # Charikar (Parwan) is 0.49° north of Kabul; Maidan Shar (Wardak) is south-west.
    assert ids[index.nearest_in_direction(kabul, "up") or 0] == "parwan"
    assert ids[index.nearest_in_direction(kabul, "down") or 0] == "logar"
    assert ids[index.nearest_in_direction(kabul, "left") or 0] == "wardak"
    assert ids[index.nearest_in_direction(kabul, "right") or 0] == "laghman"


def test_nearest_to_a_point() -> None:
    index = PointIndex(POINTS)
    assert index.nearest_to(4.0, 0.2) == 2
    assert index.nearest_to(-100.0, -100.0) in (0, 4)
    assert PointIndex([]).nearest_to(0.0, 0.0) is None


coordinates = st.floats(-50, 50, allow_nan=False).map(lambda v: round(v, 1))


@given(
    st.lists(st.tuples(coordinates, coordinates), min_size=1, max_size=60),
    st.integers(0, 59),
    st.sampled_from(["left", "right", "up", "down"]),
)
def test_grid_search_agrees_with_brute_force(
    points: list[tuple[float, float]], origin: int, direction: Direction
) -> None:
    origin %= len(points)
    assert PointIndex(points).nearest_in_direction(origin, direction) == brute_force(
        points, origin, direction
    )


@pytest.mark.parametrize("n", [1000, 10_000])
def test_grid_search_agrees_on_many_points(n: int) -> None:
    import random

    rng = random.Random(n)
    points = [(rng.uniform(0, 100), rng.uniform(0, 60)) for _ in range(n)]
    index = PointIndex(points)
    for k in range(0, n, n // 25):
        for direction in ("left", "right", "up", "down"):
            assert index.nearest_in_direction(k, direction) == brute_force(points, k, direction)
