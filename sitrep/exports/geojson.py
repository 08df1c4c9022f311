"""Places as an RFC 7946 GeoJSON FeatureCollection, for GIS tools and web maps.

One Feature per place, in file order: a Point at [longitude, latitude] (RFC 7946
order), or a null geometry for a place without coordinates (it keeps its
properties: a GIS can still join it by p-code). Properties carry the place and
its control as it stands: holder, state, the other parties, confidence, on whose
word, since when, its sources (ids and publishers), p-code and ISO code. With
the outline, the country's border comes first as a Feature of its own.
``marker-color`` follows the simplestyle convention (geojson.io and others),
in the brief's party colours. Output is deterministic: same situation, same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitrep.brief.escape import clean
from sitrep.geo.outline import Outline, situation_outline
from sitrep.geo.palette import UNKNOWN_HOLDER_COLOR, party_colors
from sitrep.model.derived.control import change_on
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation

CONTESTED_COLOR = "#8c959f"
NOT_STATED_COLOR = "#ffffff"


def geojson_data(
    situation: Situation, *, outline: bool = False, base: Path | None = None
) -> dict[str, Any]:
    """The FeatureCollection as plain data (raises SitrepError for a bad outline)."""
    features: list[dict[str, Any]] = []
    if outline:
        found = situation_outline(situation, base)
        if found is not None:
            features.append(outline_feature(found))
    colors = party_colors(situation)
    features += [place_feature(situation, place, colors) for place in situation.places]
    header = situation.header
    return {
        "type": "FeatureCollection",
        "title": clean(header.title),
        "as_of": header.as_of.isoformat(),
        "features": features,
    }


def render_geojson(situation: Situation, *, outline: bool = False, base: Path | None = None) -> str:
    """The FeatureCollection as JSON text (UTF-8, two-space indents, a final newline)."""
    data = geojson_data(situation, outline=outline, base=base)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def place_feature(s: Situation, place: Place, colors: dict[str, str]) -> dict[str, Any]:
    """One place as a Feature: a Point, or null geometry without coordinates."""
    geometry = None
    if place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    change = change_on(place, None)
    properties: dict[str, Any] = {
        "id": place.id,
        "name": clean(place.name),
        "kind": place.kind,
        "within": place.within,
        "capital": _text(place.capital),
        "aliases": [clean(a) for a in place.aliases],
        "pcode": _text(place.pcode),
        "iso": _text(place.iso),
        **control_properties(s, change),
        "place_sources": sources(s, place.sources),
        "note": _text(place.note),
        "marker-color": _color(change, colors),
    }
    return {"type": "Feature", "id": place.id, "geometry": geometry, "properties": properties}


def control_properties(s: Situation, change: ControlChange | None) -> dict[str, Any]:
    """The control as it stands (every value None and lists empty when none is recorded)."""
    if change is None:
        return {
            "holder": None,
            "holder_name": None,
            "control": None,
            "parties": [],
            "confidence": None,
            "according_to": None,
            "since": None,
            "how": None,
            "sources": [],
        }
    holder = s.party(change.controller)
    others = change.by if change.state in ("besieged", "encircled") else change.parties
    return {
        "holder": change.controller,
        "holder_name": clean(holder.name) if holder is not None else change.controller,
        "control": change.state,
        "parties": list(others),
        "confidence": change.confidence,
        "according_to": _text(change.according_to),
        "since": change.date.isoformat() if change.date else None,
        "how": change.how,
        "sources": sources(s, change.sources),
    }


def sources(s: Situation, ids: list[str]) -> list[dict[str, str | None]]:
    """Cited sources as {id, publisher, url} (publisher None for an id not listed)."""
    cited = []
    for source_id in ids:
        source = s.source(source_id)
        cited.append(
            {
                "id": source_id,
                "publisher": clean(source.publisher) if source else None,
                "url": _text(source.url) if source else None,
            }
        )
    return cited


def outline_feature(outline: Outline) -> dict[str, Any]:
    """The outline as one Polygon or MultiPolygon Feature (holes kept as holes)."""
    polygons = [
        [[list(point) for point in ring] for ring in polygon] for polygon in outline.polygons
    ]
    geometry: dict[str, Any] = (
        {"type": "Polygon", "coordinates": polygons[0]}
        if len(polygons) == 1
        else {"type": "MultiPolygon", "coordinates": polygons}
    )
    return {
        "type": "Feature",
        "id": "outline",
        "geometry": geometry,
        "properties": {
            "role": "outline",
            "name": _text(outline.name),
            "source": clean(outline.source),
        },
    }


def _color(change: ControlChange | None, colors: dict[str, str]) -> str:
    if change is None:
        return NOT_STATED_COLOR
    holder = change.controller
    if holder is None:
        return CONTESTED_COLOR
    return colors.get(holder, UNKNOWN_HOLDER_COLOR)


def _text(value: str | None) -> str | None:
    return clean(value) if value is not None else None
