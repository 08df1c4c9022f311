"""`sitrep import places`: add or update places from a table of names, codes and coordinates.

Rows are matched to the file's places by p-code, then ISO code, then id, then
name or alias (case-insensitive); a row that matches none adds a place with an
id made from its name. An update only sets what the row gives: an empty cell
never clears a field, and a name spelt otherwise becomes an alias (the
analyst's name for a place is never renamed by a table). A row that names the
area it lies within (an ADM1 p-code beside an ADM2 row, or a ``within``
column) links the place to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

from pydantic import ValidationError

from sitrep.imports.apply import Outcome, changed_fields, is_id, new_id, split_list
from sitrep.imports.csvread import CsvRow, CsvTable, row_problem
from sitrep.imports.mapping import LEVEL_KINDS, FieldSpec, Mapping, map_columns, tag_is
from sitrep.model.kinds.places import Place, PlaceKind
from sitrep.model.situation import Situation

KINDS: tuple[str, ...] = get_args(PlaceKind)

PLACE_FIELDS: dict[str, FieldSpec] = {
    "id": FieldSpec(frozenset({"id", "place_id", "sitrep_id"}), tag_is("#meta", "id")),
    "name": FieldSpec(
        frozenset(
            {
                "name",
                "place",
                "place_name",
                "location",
                "location_name",
                "province",
                "district",
                "region",
                "country",
                "admin_name",
                "name_en",
            }
        )
    ),
    "pcode": FieldSpec(frozenset({"pcode", "p_code", "ocha_pcode", "ocha_p_code", "admin_pcode"})),
    "iso": FieldSpec(
        frozenset({"iso", "iso_code", "iso_3166", "iso_3166_2", "iso3166_2", "iso_3166_1"})
    ),
    "lat": FieldSpec(frozenset({"lat", "latitude", "y", "lat_dd"}), tag_is("#geo", "lat")),
    "lon": FieldSpec(
        frozenset({"lon", "lng", "long", "longitude", "x", "lon_dd"}), tag_is("#geo", "lon")
    ),
    "capital": FieldSpec(
        frozenset({"capital", "capital_city", "main_town", "admin_centre", "admin_center"}),
        tag_is("#loc", "name", "capital"),
    ),
    "aliases": FieldSpec(
        frozenset(
            {"aliases", "alias", "other_names", "alternative_names", "alt_names", "capital_aliases"}
        ),
        tag_is("#meta", "aliases"),
    ),
    "kind": FieldSpec(
        frozenset({"kind", "type", "place_type", "loc_type"}), tag_is("#loc", "type")
    ),
    "within": FieldSpec(frozenset({"within", "parent", "parent_id"}), tag_is("#meta", "within")),
}
KIND_HINTS = {name: name for name in ("province", "district", "region", "country")}


def import_places(
    situation: Situation, table: CsvTable, overrides: list[str], kind: str | None = None
) -> Outcome:
    """The situation with the table's places added or updated, and what changed."""
    mapping = map_columns(table, PLACE_FIELDS, overrides, hints=KIND_HINTS)
    if "name" not in mapping.columns and not any("name" in c for c in mapping.levels.values()):
        found = ", ".join(repr(h) for h in table.headers if h) or "none"
        problem = row_problem(
            table.name,
            1,
            f"no column of place names (headers: {found}); name it with --column name=HEADER",
        )
        return Outcome(situation, problems=[problem])
    places = list(situation.places)
    outcome = Outcome(situation)
    index = _Index(places)
    seen: dict[int, int] = {}  # place position -> line that touched it
    for row in table.rows:

        def bad(message: str, line: int = row.line) -> None:
            outcome.problems.append(row_problem(table.name, line, message))

        fields = _fields(row, mapping, kind, bad)
        if fields is None:
            continue
        position = index.match(fields)
        if position is not None and position in seen:
            bad(f"{fields['name']!r} is the same place as line {seen[position]}")
            continue
        within = _within(row, mapping, fields, index, places, bad)
        if within is False:
            continue
        if within:
            fields["within"] = within
        if position is None:
            fields["id"] = fields.get("id") or new_id(fields["name"], index.ids, "place")
            fields.setdefault("kind", mapping.kind_hint or _level_kind(row, mapping))
            place = _valid(fields, bad)
            if place is not None:
                places.append(place)
                index.add(place, len(places) - 1)
                seen[len(places) - 1] = row.line
                outcome.added += 1
                outcome.lines.append(f"+ {place.id}: {_summary(place)}")
            continue
        seen[position] = row.line
        _update(places, position, fields, outcome, bad)
    outcome.situation = situation.model_copy(update={"places": places})
    return outcome


def _fields(
    row: CsvRow, mapping: Mapping, kind: str | None, bad: Callable[[str], None]
) -> dict[str, Any] | None:
    level = mapping.level_of(row)
    got: dict[str, Any] = {}
    for name in ("name", "pcode", "iso"):
        value = mapping.get(row, name) or (
            mapping.at_level(row, level, name) if level is not None else ""
        )
        if value:
            got[name] = value
    for name in ("id", "capital", "within"):
        if value := mapping.get(row, name):
            got[name] = value
    if aliases := split_list(mapping.get(row, "aliases")):
        got["aliases"] = aliases
    ok = True
    if "name" not in got:
        bad("no place name in this row")
        ok = False
    if "id" in got and not is_id(got["id"]):
        bad(f"id {got['id']!r}: an id is letters, digits, '-', '_' or '.', e.g. kandahar-city")
        ok = False
    chosen = (mapping.get(row, "kind") or kind or "").strip().lower()
    if chosen:
        if chosen not in KINDS:
            bad(f"kind {chosen!r}: use one of {', '.join(KINDS)}")
            ok = False
        got["kind"] = chosen
    for name, limit in (("lat", 90.0), ("lon", 180.0)):
        text = mapping.get(row, name)
        if not text:
            continue
        number = _number(text)
        if number is None or not -limit <= number <= limit:
            what = "latitude" if name == "lat" else "longitude"
            bad(f"{name} {text!r} is not a {what} (decimal degrees, -{limit:g} to {limit:g})")
            ok = False
        else:
            got[name] = number
    return got if ok else None


def _number(text: str) -> float | None:
    cleaned = text.strip()
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")  # a decimal comma (European spreadsheets)
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _level_kind(row: CsvRow, mapping: Mapping) -> str:
    level = mapping.level_of(row)
    return LEVEL_KINDS[level] if level is not None else "other"


def _within(
    row: CsvRow,
    mapping: Mapping,
    fields: dict[str, Any],
    index: _Index,
    places: list[Place],
    bad: Callable[[str], None],
) -> str | bool | None:
    """The id of the place the row lies within; None when not said; False after a problem."""
    if "within" in fields:
        if index.by_id(fields["within"]) is None:
            bad(f"within {fields['within']!r}: no place with that id")
            return False
        return str(fields["within"])
    level = mapping.level_of(row)
    if level is None:
        return None
    for upper in range(level - 1, -1, -1):
        pcode, name = mapping.at_level(row, upper, "pcode"), mapping.at_level(row, upper, "name")
        if not (pcode or name):
            continue
        position = index.match({"pcode": pcode, "name": name} if pcode else {"name": name})
        return places[position].id if position is not None else None
    return None


def _valid(fields: dict[str, Any], bad: Callable[[str], None]) -> Place | None:
    try:
        return Place.model_validate(fields)
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            bad(f"{where}: {error['msg']}" if where else str(error["msg"]))
        return None


def _update(
    places: list[Place],
    position: int,
    fields: dict[str, Any],
    outcome: Outcome,
    bad: Callable[[str], None],
) -> None:
    place = places[position]
    fields.pop("id", None)
    name = fields.pop("name", place.name)
    if name.casefold() != place.name.casefold():  # another spelling: kept, never a rename
        fields["aliases"] = [*fields.get("aliases", []), name]
    if "aliases" in fields:
        known = {a.casefold() for a in [place.name, *place.aliases]}
        new = [a for a in fields["aliases"] if a.casefold() not in known]
        fields["aliases"] = [*place.aliases, *new]
    before = place.model_dump()
    update = {k: v for k, v in fields.items() if before.get(k) != v}
    if not update:
        outcome.unchanged += 1
        return
    updated = _valid({**before, **update}, bad)
    if updated is None:
        return
    places[position] = updated
    outcome.updated += 1
    outcome.lines.extend(f"~ {place.id}: {line}" for line in changed_fields(before, update))


def _summary(place: Place) -> str:
    parts: list[str] = [place.kind]
    parts += [f"p-code {place.pcode}"] if place.pcode else []
    parts += [f"ISO {place.iso}"] if place.iso else []
    parts += (
        [f"{place.lat:g}, {place.lon:g}"] if place.lat is not None and place.lon is not None else []
    )
    parts += [f"within {place.within}"] if place.within else []
    return f"{place.name} ({'; '.join(parts)})"


class _Index:
    """Places by p-code, ISO code, id and name or alias (codes and names without case)."""

    def __init__(self, places: list[Place]) -> None:
        self.keys: dict[str, dict[str, int]] = {k: {} for k in ("pcode", "iso", "id", "name")}
        self.ids: set[str] = set()
        for position, place in enumerate(places):
            self.add(place, position)

    def add(self, place: Place, position: int) -> None:
        self.ids.add(place.id)
        for key, value in (("pcode", place.pcode), ("iso", place.iso), ("id", place.id)):
            if value:
                self.keys[key].setdefault(value.casefold(), position)
        for name in (place.name, *place.aliases):
            self.keys["name"].setdefault(name.casefold(), position)

    def by_id(self, place_id: str) -> int | None:
        return self.keys["id"].get(place_id.casefold())

    def match(self, fields: dict[str, Any]) -> int | None:
        for key in ("pcode", "iso", "id", "name"):
            value = fields.get(key)
            if value and (found := self.keys[key].get(str(value).casefold())) is not None:
                return found
        return None
