"""Map geometry: bounds, the equirectangular projection and the scale bar. No Textual.

Positions go through two steps. The *plane* is equirectangular with longitudes
shrunk by cos(reference latitude), so that one plane unit is about one degree of
latitude (111 km) both ways, with y growing southwards like screen rows. A
:class:`Projection` then fits the plane into a canvas of pixels that need not be
square (terminal cells are about twice as tall as wide; braille dots, 2x4 to a
cell, are about square).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.model.derived.derive import EARTH_RADIUS_KM

KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180.0
"""Kilometres in one degree of latitude (and so in one plane unit)."""

MIN_SPAN_DEGREES = 0.5
"""Bounds are never narrower than this, so one place alone still gets a sensible scale."""


@dataclass(frozen=True)
class Bounds:
    """A longitude/latitude box in degrees."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def of_points(cls, points: Iterable[tuple[float, float]]) -> Bounds | None:
        """The box around (lon, lat) points; None when there are none."""
        lons: list[float] = []
        lats: list[float] = []
        for lon, lat in points:
            lons.append(lon)
            lats.append(lat)
        if not lons:
            return None
        return cls(min(lons), min(lats), max(lons), max(lats))

    def union(self, other: Bounds | None) -> Bounds:
        """The box around both."""
        if other is None:
            return self
        return Bounds(
            min(self.west, other.west),
            min(self.south, other.south),
            max(self.east, other.east),
            max(self.north, other.north),
        )

    def padded(self, fraction: float = 0.04) -> Bounds:
        """Grown by a fraction of its span on every side (and to the minimum span)."""
        lon_pad = max((self.east - self.west) * fraction, (MIN_SPAN_DEGREES - self.width) / 2, 0)
        lat_pad = max((self.north - self.south) * fraction, (MIN_SPAN_DEGREES - self.height) / 2, 0)
        return Bounds(
            self.west - lon_pad,
            max(-90.0, self.south - lat_pad),
            self.east + lon_pad,
            min(90.0, self.north + lat_pad),
        )

    @property
    def width(self) -> float:
        """Span of longitude in degrees."""
        return self.east - self.west

    @property
    def height(self) -> float:
        """Span of latitude in degrees."""
        return self.north - self.south

    @property
    def mid_latitude(self) -> float:
        """The mean of the southern and northern edges: the projection's reference latitude."""
        return (self.south + self.north) / 2


@dataclass(frozen=True)
class Plane:
    """Equirectangular plane: x = lon * cos(lat0), y = -lat, both in degrees of latitude."""

    lon_factor: float

    @classmethod
    def for_bounds(cls, bounds: Bounds) -> Plane:
        """The plane whose reference latitude is the middle of bounds."""
        return cls(max(math.cos(math.radians(bounds.mid_latitude)), 0.01))

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """Plane coordinates of a longitude and latitude."""
        return lon * self.lon_factor, -lat

    def box(self, bounds: Bounds) -> tuple[float, float, float, float]:
        """The bounds as a plane box (left, top, right, bottom)."""
        left, top = self.point(bounds.west, bounds.north)
        right, bottom = self.point(bounds.east, bounds.south)
        return left, top, right, bottom


@dataclass(frozen=True)
class Projection:
    """Plane to canvas pixels: uniform scale, centred, with non-square pixels allowed."""

    plane: Plane
    scale: float
    """Canvas pixels (horizontally) per plane unit."""
    pixel_aspect: float
    """Height of a pixel divided by its width."""
    left: float
    top: float
    offset_x: float
    offset_y: float

    def from_plane(self, x: float, y: float) -> tuple[float, float]:
        """Canvas pixel coordinates of a plane point."""
        return (
            (x - self.left) * self.scale + self.offset_x,
            (y - self.top) * self.scale / self.pixel_aspect + self.offset_y,
        )

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Canvas pixel coordinates of a longitude and latitude."""
        return self.from_plane(*self.plane.point(lon, lat))

    @property
    def km_per_pixel(self) -> float:
        """Kilometres per horizontal pixel (exact at the reference latitude)."""
        return KM_PER_DEGREE / self.scale


def fit_projection(
    bounds: Bounds, width: float, height: float, *, pixel_aspect: float = 1.0
) -> Projection:
    """The projection showing bounds as large as fits in width x height pixels, centred.

    The shape is kept: a degree of latitude covers the same distance on screen
    as cos(lat0) degrees of longitude, whatever the pixels' aspect.
    """
    plane = Plane.for_bounds(bounds)
    left, top, right, bottom = plane.box(bounds)
    span_x = max(right - left, 1e-9)
    span_y = max(bottom - top, 1e-9)
    scale = max(min(width / span_x, height * pixel_aspect / span_y), 1e-9)
    offset_x = (width - span_x * scale) / 2
    offset_y = (height - span_y * scale / pixel_aspect) / 2
    return Projection(plane, scale, pixel_aspect, left, top, offset_x, offset_y)


_NICE_STEPS = (1, 2, 5)


def scale_bar(km_per_unit: float, max_units: float) -> tuple[int, float]:
    """A round distance (1, 2 or 5 times a power of ten km) at most max_units long.

    Returns the distance in km and its length in units (pixels, cells...);
    (0, 0.0) when not even 1 km fits.
    """
    if km_per_unit <= 0 or max_units <= 0:
        return 0, 0.0
    longest = km_per_unit * max_units
    best = 0
    power = 1
    while power <= longest:
        for step in _NICE_STEPS:
            if step * power <= longest:
                best = step * power
        power *= 10
    return best, (best / km_per_unit if best else 0.0)
