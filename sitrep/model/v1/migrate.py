"""Version 1 situations to version 2, losslessly.

- ``territory`` becomes ``places``; a place's holder, control, confidence,
  according_to, since, how and sources become its first control change (with no
  date when v1 gave no ``since``). A contested v1 place named one holder: it
  becomes contested between that party and no other named (nothing is invented).
- ``seat_of_government: true`` becomes the ``seat`` of the party holding the place.
- ``evacuations`` are keyed by ``actor`` (v1's country, a state). Version 1 counted
  every entry as an evacuation commitment, so each becomes ``status: announced``;
  review entries that were only embassy changes and set their status to none.
- ``displacement`` becomes ``figures`` with topic displacement and a one-point series.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from sitrep.model.entries import (
    Assessment,
    ControlChange,
    Evacuation,
    FigureEntry,
    FigurePoint,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.situation import Header, Path, Situation

if TYPE_CHECKING:  # imported only to read a version 1 file (it costs ~15 ms at start)
    from sitrep.model.v1 import entries as v1
    from sitrep.model.v1.situation import Situation as V1Situation

MIGRATION_NOTE = (
    "format 1 file: read and converted to format 2 in memory; saving (or sitrep fmt) "
    "writes format 2"
)


def migrate(old: V1Situation) -> Situation:
    """The version 2 situation that says what a version 1 situation said."""
    seats = {p.holder: p.id for p in old.territory if p.seat_of_government}
    return Situation(
        header=Header.model_validate(old.header.model_dump(exclude_defaults=True)),
        parties=[_party(p, seats.get(p.id)) for p in old.parties],
        sources=[Source.model_validate(_dump(x)) for x in old.sources],
        places=[_place(p) for p in old.territory],
        evacuations=[_evacuation(e) for e in old.evacuations],
        figures=[_figure(d) for d in old.displacement],
        notes=[Note.model_validate(_dump(n)) for n in old.notes],
        outlook=[Assessment.model_validate(_dump(a)) for a in old.outlook],
    )


def _dump(entry: Any) -> dict[str, Any]:
    data: dict[str, Any] = entry.model_dump(exclude_defaults=True)
    return data


def _party(p: v1.Party, seat: str | None) -> Party:
    return Party(id=p.id, name=p.name, short=p.short, seat=seat)


def _place(p: v1.Place) -> Place:
    contested = p.control == "contested"
    change = ControlChange(
        date=p.since,
        state="contested" if contested else "controlled",
        holder=None if contested else p.holder,
        parties=[p.holder] if contested else [],
        how=p.how,
        confidence=p.confidence,
        according_to=p.according_to,
        sources=list(p.sources),
    )
    return Place(
        id=p.id,
        name=p.name,
        capital=p.capital,
        aliases=list(p.aliases),
        iso=p.iso,
        pcode=p.pcode,
        lat=p.lat,
        lon=p.lon,
        control=[change],
        note=p.note,
    )


def _evacuation(e: v1.Evacuation) -> Evacuation:
    return Evacuation(
        actor=e.country,
        status="announced",
        troops=e.troops,
        purpose=e.purpose,
        wording=e.wording,
        announced=e.announced,
        embassy=e.embassy,
        sources=list(e.sources),
        note=e.note,
    )


def _figure(d: v1.Displacement) -> FigureEntry:
    return FigureEntry(
        id=d.id,
        topic="displacement",
        counted=d.counted,
        unit=d.unit,
        measure=d.measure,
        area=d.area,
        since=d.since,
        series=[FigurePoint(as_of=d.as_of, value=d.figure, sources=list(d.sources))],
        note=d.note,
    )


_CHANGE_FIELDS = {"holder": "holder", "control": "state", "confidence": "confidence",
                  "according_to": "according_to", "since": "date", "how": "how",
                  "sources": "sources"}  # fmt: skip
_POINT_FIELDS = {"figure": "value", "as_of": "as_of", "sources": "sources"}


def v1_path(path: Path) -> Path:
    """Where a value of a version 1 file stands in its version 2 form (comments move with it)."""
    if len(path) < 2 or not isinstance(path[1], int):
        return (
            {"territory": ("places",), "displacement": ("figures",)}.get(str(path[0]), path[:1])
            + path[1:]
            if path
            else path
        )
    section, index, rest = path[0], path[1], path[2:]
    if section == "territory":
        if rest and rest[0] in _CHANGE_FIELDS:
            return ("places", index, "control", 0, _CHANGE_FIELDS[str(rest[0])], *rest[1:])
        if rest and rest[0] == "seat_of_government":
            return ("places", index)  # v1_paths moves it to the party, when it knows which
        return ("places", index, *rest)
    if section == "displacement":
        if rest and rest[0] in _POINT_FIELDS:
            return ("figures", index, "series", 0, _POINT_FIELDS[str(rest[0])], *rest[1:])
        return ("figures", index, *rest)
    if section == "evacuations" and rest[:1] == ("country",):
        return ("evacuations", index, "actor", *rest[1:])
    return path


def v1_paths(data: Mapping[str, Any]) -> Callable[[Path], Path]:
    """v1_path for one version 1 file's (valid) data, which also moves what stood at a
    place's ``seat_of_government`` to the ``seat`` of the party that became its seat."""
    parties = {p.get("id"): j for j, p in enumerate(data.get("parties") or [])}
    places = data.get("territory") or []
    seats = {p.get("holder"): i for i, p in enumerate(places) if p.get("seat_of_government")}

    def move(path: Path) -> Path:
        if path[2:3] == ("seat_of_government",) and type(path[1]) is int:
            holder = places[path[1]].get("holder")
            if seats.get(holder) == path[1] and holder in parties:
                return ("parties", parties[holder], "seat", *path[3:])
        return v1_path(path)

    return move
