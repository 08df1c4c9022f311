"""The places table: one row per place (its current control), or per change with --history.

A place's name and codes go in the columns of its administrative level:
``#country`` for a country, ``#adm1`` for a province or region, ``#adm2`` for a
district (one level deeper for each administrative place it lies within), and
``#loc`` for any point location (a city, an airport, a crossing). The levels of
the places it lies within are filled in too, so an airport's row carries its
province's name and p-code, and a row joins with an OCHA admin boundaries table.
"""

from __future__ import annotations

from sitrep.exports.hxl import Cell, Column, Row, Table, joined, source_cells, source_columns
from sitrep.exports.hxl import table_of as _table_of
from sitrep.model.derived.control import change_on
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation

ADMIN_LEVEL = {"country": 0, "region": 1, "province": 1, "district": 2}
"""The administrative level of each kind of area when nothing it lies within says more."""
LEVEL_TAGS = ("#country", "#adm1", "#adm2", "#adm3", "#adm4", "#adm5")
LOC = "#loc"
MAX_DEPTH = 32
"""Chains of `within` are checked for cycles; this bounds the walk all the same."""


def chain(s: Situation, place: Place) -> list[Place]:
    """The place and the places it lies within, innermost first."""
    found = [place]
    seen = {place.id}
    while len(found) < MAX_DEPTH:
        parent = s.place(found[-1].within)
        if parent is None or parent.id in seen:
            break
        found.append(parent)
        seen.add(parent.id)
    return found


def level_tag(s: Situation, place: Place) -> str:
    """The hashtag of the place's level: '#country', '#adm1'..'#adm5', or '#loc'."""
    level = _level(s, place, 0)
    return LOC if level is None else LEVEL_TAGS[level]


def _level(s: Situation, place: Place, depth: int) -> int | None:
    base = ADMIN_LEVEL.get(place.kind)
    if base is None or base == 0 or depth >= MAX_DEPTH:
        return base
    parent = s.place(place.within)
    above = _level(s, parent, depth + 1) if parent is not None else None
    return min(5, max(base, above + 1)) if above is not None else base


def location_cells(s: Situation, place: Place) -> Row:
    """Names and codes of the place and of every area it lies within, by level."""
    row: Row = {}
    for item in reversed(chain(s, place)):
        tag = level_tag(s, item)
        if tag == LOC and item is not place:
            continue  # a point location only names itself
        row[f"{tag}+name"] = item.name
        row[f"{tag}+code+v_pcode"] = item.pcode
        row[f"{tag}+code+v_iso3166"] = item.iso
    if row.get("#country+code+v_iso3166") is None:
        codes = [p.iso for p in chain(s, place) if p.iso and "-" in p.iso]
        row["#country+code+v_iso3166"] = codes[0].split("-", 1)[0] if codes else None
    return row


def location_columns() -> list[Column]:
    """Every column location_cells may fill (unused ones are dropped from the table)."""
    labels = ["Country", *(f"Admin {n}" for n in range(1, 6)), "Location"]
    columns: list[Column] = []
    for label, tag in zip(labels, (*LEVEL_TAGS, LOC), strict=True):
        columns += [
            Column(f"{label}?", f"{tag}+name"),
            Column(f"{label} p-code?", f"{tag}+code+v_pcode"),
            Column(f"{label} ISO 3166 code?", f"{tag}+code+v_iso3166"),
        ]
    return columns


def control_cells(s: Situation, change: ControlChange | None) -> Row:
    """Who holds the place under this change, how, since when, on whose word."""
    if change is None:
        return {}
    others = change.by if change.state in ("besieged", "encircled") else change.parties
    return {
        "#status+control": change.state,
        "#group+name+holder": party_name(s, change.holder),
        "#group+code+holder": change.holder,
        "#group+name+other": joined([party_name(s, p) or p for p in others]),
        "#group+code+other": joined(others),
        "#description+share": change.share,
        "#date+start": change.date,
        "#meta+time": change.time,
        "#event+how": change.how,
        "#event+type": change.event,
        "#status+confidence": change.confidence,
        "#meta+according_to": change.according_to,
        **source_cells(s, change.sources),
        "#date+retracted": change.retracted,
        "#description+retracted": change.retracted_note,
        "#description+control": change.note,
    }


def party_name(s: Situation, party_id: str | None) -> str | None:
    """A party's full name (its id when it is not listed; None for no party)."""
    if party_id is None:
        return None
    party = s.party(party_id)
    return party.name if party is not None else party_id


CONTROL_COLUMNS = [
    Column("Control", "#status+control"),
    Column("Held by", "#group+name+holder"),
    Column("Held by (id)", "#group+code+holder"),
    Column(
        "Other parties (contested: between; partial: also holding; besieged: by)",
        "#group+name+other",
    ),
    Column("Other parties (ids)", "#group+code+other"),
    Column("Who holds what?", "#description+share"),
    Column("Since", "#date+start"),
    Column("Since, time?", "#meta+time"),
    Column("How", "#event+how"),
    Column("Event type?", "#event+type"),
    Column("Confidence", "#status+confidence"),
    Column("According to?", "#meta+according_to"),
    *source_columns(),
    Column("Retracted?", "#date+retracted"),
    Column("Retraction note?", "#description+retracted"),
    Column("Control note?", "#description+control"),
]


def places_table(s: Situation, history: bool) -> Table:
    """One row per place with its control as it stands (history: one row per change)."""
    rows: list[Row] = []
    for place in s.places:
        current = [change_on(place, None)]
        changes: list[ControlChange | None] = [*place.control] if history else current
        changes = changes or [None]
        for number, change in enumerate(changes, start=1):
            row: Row = {"#meta+id": place.id, "#loc+type": place.kind}
            if history:
                row["#meta+change"] = number if change is not None else None
            row |= location_cells(s, place)
            row |= _place_cells(place)
            row |= control_cells(s, change)
            rows.append(row)
    columns = [
        Column("ID", "#meta+id"),
        *([Column("Change", "#meta+change")] if history else []),
        Column("Kind", "#loc+type"),
        *location_columns(),
        Column("Within?", "#meta+within"),
        Column("Main town?", "#loc+name+capital"),
        Column("Other names?", "#meta+aliases"),
        Column("Latitude", "#geo+lat"),
        Column("Longitude", "#geo+lon"),
        Column("Place note?", "#description"),
        *CONTROL_COLUMNS,
    ]
    return _table_of("places", columns, rows)


def _place_cells(place: Place) -> dict[str, Cell]:
    return {
        "#meta+within": place.within,
        "#loc+name+capital": place.capital,
        "#meta+aliases": joined(place.aliases),
        "#geo+lat": place.lat,
        "#geo+lon": place.lon,
        "#description": place.note,
    }
