"""Country outlines for the map: GeoJSON Polygon or MultiPolygon files. No Textual.

A situation names its outline in ``header.outline``, relative to the situation
file. The bundled sample's outline ships with sitrep, so a copy of the sample
saved elsewhere still finds it. A missing or malformed outline is a SitrepError:
the CLI prints it, the TUI notifies and draws the places without it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import Problem, SitrepDataError, SitrepError, SitrepIOError
from sitrep.files import FileRefused, read_regular
from sitrep.geo.projection import Bounds
from sitrep.model.situation import Situation

Ring = tuple[tuple[float, float], ...]
"""A closed line of (lon, lat) points."""

MAX_OUTLINE_BYTES = 20_000_000
"""Larger files are refused: the map is a sketch, not a GIS."""


@dataclass(frozen=True)
class Outline:
    """The rings of a country's border (outer rings and holes alike) and their source."""

    rings: tuple[Ring, ...]
    source: str
    """Credit for the data, e.g. 'Natural Earth ... (public domain)'."""
    name: str | None = None
    polygons: tuple[tuple[Ring, ...], ...] = ()
    """The same rings grouped as GeoJSON polygons (outer ring, then its holes), for exports."""

    @property
    def bounds(self) -> Bounds | None:
        """The box around every ring."""
        return Bounds.of_points(point for ring in self.rings for point in ring)


def outline_path(situation: Situation, base: Path | None) -> Path | None:
    """Where the situation's outline file is, or None when it names none.

    Looked up relative to base (the situation file's folder), then among the
    bundled data files (so the sample's outline is always found).
    """
    name = situation.header.outline
    if not name:
        return None
    candidates: list[Path] = []
    if base is not None:
        candidates.append(base / name)
    elif Path(name).is_absolute():
        candidates.append(Path(name))
    if "/" not in name and "\\" not in name:
        from sitrep.storage.sample import data_path

        candidates.append(data_path(name))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return candidates[0] if candidates else Path(name)


def situation_outline(
    situation: Situation, base: Path | None, *, source: Path | None = None
) -> Outline | None:
    """The situation's outline; None when it names none. Raises SitrepError when bad.

    With source (the situation file), a problem is reported at its ``outline:``
    line, ``FILE:LINE:COL: outline: ...``, so the user sees what to change.
    """
    try:
        path = outline_path(situation, base)
        return None if path is None else load_outline(path)
    except SitrepError as exc:
        if source is None:
            raise
        raise _at_outline_line(source, exc) from None


def load_outline(path: Path) -> Outline:
    """Read a GeoJSON FeatureCollection, Feature or bare geometry of (Multi)Polygons.

    Only a regular file is read, at most MAX_OUTLINE_BYTES, without blocking
    (sitrep.files): a pipe, a device, a folder or a name with a NUL is refused.
    """
    where = str(path)
    try:
        text = read_regular(path, MAX_OUTLINE_BYTES, noun="GeoJSON outline").decode("utf-8")
    except FileRefused as exc:
        if exc.kind == "missing":
            raise SitrepIOError(f"{where}: outline file not found") from None
        raise
    except UnicodeDecodeError as exc:
        raise SitrepIOError(
            f"{where}: cannot read outline: not UTF-8 text ({exc.reason})"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = Problem(where, exc.lineno, exc.colno, f"not JSON: {exc.msg}")
        raise SitrepDataError([problem]) from None
    except RecursionError:
        raise SitrepDataError([Problem(where, None, None, "JSON nested too deeply")]) from None
    geometries, properties = _geometries(data, where)
    polygons: list[tuple[Ring, ...]] = []
    for geometry in geometries:
        polygons.extend(_polygons(geometry, where))
    rings = tuple(ring for polygon in polygons for ring in polygon)
    if not rings:
        raise _bad(where, "no Polygon or MultiPolygon with points in the file")
    source = _text(properties, "source", "attribution") or f"outline from {path.name}"
    return Outline(rings, source, _text(properties, "name", "NAME"), tuple(polygons))


def _at_outline_line(source: Path, exc: SitrepError) -> SitrepError:
    """The problem again, at the situation file's ``outline:`` value."""
    from sitrep.yaml.io import read_text
    from sitrep.yaml.locate import locate_all

    try:
        spot = locate_all(read_text(source), [(("header", "outline"), False)])[0]
    except (SitrepError, yaml.YAMLError):
        spot = None
    line, column = (spot[0] + 1, spot[1] + 1) if spot else (None, None)
    # The situation names an outline that cannot be used: a problem of the situation
    # file, at its line, like an unknown reference (exit 1).
    return SitrepDataError(
        [Problem(str(source), line, column, "outline: " + "; ".join(exc.lines()))]
    )


def _bad(where: str, message: str) -> SitrepDataError:
    return SitrepDataError([Problem(where, None, None, message)])


def _text(properties: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = properties.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _geometries(data: Any, where: str) -> tuple[list[Any], dict[str, Any]]:
    """The geometries in the file and the properties to take the credit from."""
    if not isinstance(data, dict):
        raise _bad(where, "expected a GeoJSON object")
    kind = data.get("type")
    found = data.get("properties")
    top: dict[str, Any] = found if isinstance(found, dict) else {}
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise _bad(where, "FeatureCollection without a 'features' list")
        properties: dict[str, Any] = dict(top)
        geometries = []
        for feature in features:
            if isinstance(feature, dict):
                geometries.append(feature.get("geometry"))
                if isinstance(feature.get("properties"), dict):
                    properties = {**feature["properties"], **properties}
        for key in ("source", "attribution", "name"):
            if isinstance(data.get(key), str):
                properties[key] = data[key]
        return geometries, properties
    if kind == "Feature":
        return [data.get("geometry")], top
    return [data], top


def _polygons(geometry: Any, where: str) -> list[tuple[Ring, ...]]:
    if geometry is None:
        return []
    if not isinstance(geometry, dict):
        raise _bad(where, "a geometry is not an object")
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates if isinstance(coordinates, list) else [None]
    elif kind == "GeometryCollection" and isinstance(geometry.get("geometries"), list):
        return [polygon for g in geometry["geometries"] for polygon in _polygons(g, where)]
    else:
        raise _bad(where, f"geometry type {kind!r}: expected Polygon or MultiPolygon")
    found: list[tuple[Ring, ...]] = []
    for polygon in polygons:
        if not isinstance(polygon, list):
            raise _bad(where, f"{kind} coordinates must be lists of rings")
        rings = tuple(ring for ring in (_ring(r, where) for r in polygon) if ring)
        if rings:
            found.append(rings)
    return found


def _ring(ring: Any, where: str) -> Ring:
    if not isinstance(ring, list):
        raise _bad(where, "a ring must be a list of [lon, lat] positions")
    points: list[tuple[float, float]] = []
    for position in ring:
        if (
            not isinstance(position, list)
            or len(position) < 2
            or not all(_is_number(v) for v in position[:2])
        ):
            raise _bad(where, f"bad position {json.dumps(position)[:40]}: expected [lon, lat]")
        lon, lat = float(position[0]), float(position[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise _bad(where, f"position [{lon}, {lat}] is outside lon -180..180, lat -90..90")
        points.append((lon, lat))
    return tuple(points)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
