"""`sitrep import figures`: values of counted things by area and date (a displacement table).

Each row gives a value (kept in the source's wording: 'about 600' stays so),
its date, where it applies (an area, or a place by p-code or name) and what is
counted. A row whose scope (topic, what is counted, unit, measure, area, start
of the period) is that of a figure in the file adds a point to that figure's
series (or corrects the point of the same date); another scope makes a new figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, get_args

from pydantic import ValidationError

from sitrep.imports.apply import Outcome, new_id, split_list
from sitrep.imports.csvread import CsvRow, CsvTable, row_problem
from sitrep.imports.figure_columns import FIGURE_FIELDS, ValueColumn, value_columns
from sitrep.imports.mapping import Mapping, map_columns
from sitrep.model.entries import FigureEntry, FigurePoint, Source
from sitrep.model.kinds.figures import Topic
from sitrep.model.situation import Situation

TOPICS: tuple[str, ...] = get_args(Topic)
Bad = Callable[[str], None]


def import_figures(
    situation: Situation, table: CsvTable, overrides: list[str], defaults: dict[str, str]
) -> Outcome:
    """The situation with the table's values added to figures (new ones made as needed)."""
    mapping = map_columns(table, FIGURE_FIELDS, overrides)
    values = value_columns(table, mapping)
    outcome = Outcome(situation)
    if not values:
        problem = row_problem(
            table.name, 1, "no column of values; name it with --column value=HEADER"
        )
        return Outcome(situation, problems=[problem])
    figures = list(situation.figures)
    sources = list(situation.sources)
    ids = {f.id for f in figures}
    source_ids = {s.id for s in sources}
    for row in table.rows:

        def bad(message: str, line: int = row.line) -> None:
            outcome.problems.append(row_problem(table.name, line, message))

        data = _row(situation, row, mapping, values, defaults, bad)
        if data is None:
            continue
        cited = _sources(row, mapping, defaults, sources, source_ids, table.name, outcome)
        try:
            point = FigurePoint.model_validate(
                {
                    "as_of": data.pop("as_of"),
                    "value": data.pop("value"),
                    "sources": cited,
                    "note": data.pop("point_note", None),
                }
            )
        except ValidationError as exc:
            for error in exc.errors():
                bad(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}")
            continue
        _add_point(figures, ids, data, point, outcome, bad)
    outcome.situation = situation.model_copy(update={"figures": figures, "sources": sources})
    return outcome


def _row(
    s: Situation,
    row: CsvRow,
    mapping: Mapping,
    values: list[ValueColumn],
    defaults: dict[str, str],
    bad: Bad,
) -> dict[str, Any] | None:
    column = next((v for v in values if row.cells[v.index]), None)
    number = row.cells[column.index] if column is not None else ""
    if column is None and mapping.get(row, "wording"):
        column = values[0]  # 'hundreds of thousands': words, no number
    if column is None:
        bad("no value in this row")
        return None
    data: dict[str, Any] = {"value": _wording(row, mapping, number)}
    for name in ("id", "counted", "unit", "measure", "counted_by", "topic", "note", "area"):
        value = mapping.get(row, name) or defaults.get(name, "")
        if value:
            data[name] = value
    data.setdefault("topic", column.topic)
    data.setdefault("counted", column.counted)
    if column.unit and "unit" not in data:
        data["unit"] = column.unit
    data["topic"] = str(data.get("topic") or "other").lower()
    if data["topic"] not in TOPICS:
        bad(f"topic {data['topic']!r}: use one of {', '.join(TOPICS)}")
        return None
    if not data.get("counted"):
        bad("what is counted? give a 'counted' column or --counted, e.g. --counted IDPs")
        return None
    as_of = mapping.get(row, "as_of_text") or mapping.get(row, "as_of") or defaults.get("as_of", "")
    if not as_of:
        bad("no date: give a 'date' column (YYYY-MM-DD)")
        return None
    data["as_of"] = as_of
    for name in ("since",):
        if text := mapping.get(row, name):
            try:
                data[name] = dt.date.fromisoformat(text)
            except ValueError:
                bad(f"{name} {text!r}: write dates as YYYY-MM-DD, e.g. 2024-12-02")
                return None
    place = _place(s, row, mapping)
    if place is not None:
        data["place"] = place.id
        data.setdefault("area", place.name)
    if not data.get("area"):
        bad("where does it apply? give an 'area' column, a place's p-code or name, or --area")
        return None
    return data


def _wording(row: CsvRow, mapping: Mapping, number: str) -> str:
    """The value as the source put it: its wording, else qualifier and number, else the number."""
    if wording := mapping.get(row, "wording"):
        return wording
    qualifier = mapping.get(row, "qualifier").lower()
    upper = mapping.get(row, "upper")
    if qualifier == "range" and upper:
        return f"{number}-{upper}"
    if qualifier in ("about", "nearly", "just over", "at least", "more than", "up to"):
        return f"{qualifier} {number}"
    return number


def _place(s: Situation, row: CsvRow, mapping: Mapping) -> Any:
    if place_id := mapping.get(row, "place"):
        return s.place(place_id) or _by_name(s, place_id)
    level = mapping.level_of(row)
    for lv in sorted(mapping.levels, reverse=True) if level is None else [level]:
        pcode = mapping.at_level(row, lv, "pcode")
        if pcode and (
            found := next(
                (p for p in s.places if (p.pcode or "").casefold() == pcode.casefold()), None
            )
        ):
            return found
        name = mapping.at_level(row, lv, "name")
        if name and (found := _by_name(s, name)):
            return found
    return None


def _by_name(s: Situation, name: str) -> Any:
    key = name.casefold()
    return next((p for p in s.places if key in {n.casefold() for n in (p.name, *p.aliases)}), None)


def _sources(
    row: CsvRow,
    mapping: Mapping,
    defaults: dict[str, str],
    sources: list[Source],
    ids: set[str],
    file: str,
    outcome: Outcome,
) -> list[str]:
    cited: list[str] = []
    for name in split_list(mapping.get(row, "source") or defaults.get("source", "")):
        found = next((s.id for s in sources if s.id == name), None) or next(
            (s.id for s in sources if s.publisher.casefold() == name.casefold()), None
        )
        if found is None:
            found = new_id(name, ids, "source")
            sources.append(
                Source(id=found, publisher=name, note=f"Added by sitrep import from {file}.")
            )
            outcome.lines.append(f"+ source {found}: {name}")
        if found not in cited:
            cited.append(found)
    return cited


def _add_point(
    figures: list[FigureEntry],
    ids: set[str],
    data: dict[str, Any],
    point: FigurePoint,
    outcome: Outcome,
    bad: Bad,
) -> None:
    try:
        probe = FigureEntry.model_validate(
            {**data, "id": data.get("id") or "probe", "series": [point]}
        )
    except ValidationError as exc:
        for error in exc.errors():
            bad(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}")
        return
    position = next(
        (
            i
            for i, f in enumerate(figures)
            if (data.get("id") and f.id == data["id"])
            or (not data.get("id") and f.scope == probe.scope)
        ),
        None,
    )
    if position is None:
        fid = data.get("id") or new_id(f"{probe.area} {probe.counted}", ids, "figure")
        ids.add(fid)
        figures.append(probe.model_copy(update={"id": fid}))
        outcome.added += 1
        outcome.lines.append(
            f"+ {fid}: {probe.counted}, {probe.area}: {point.value} ({point.as_of})"
        )
        return
    figure = figures[position]
    series = list(figure.series)
    same = next((i for i, p in enumerate(series) if p.as_of == point.as_of), None)
    if same is not None and series[same].value.same_value(point.value):
        outcome.unchanged += 1
        return
    if same is not None:
        old = series[same]
        series[same] = old.model_copy(
            update={"value": point.value, "sources": point.sources or old.sources}
        )
        outcome.lines.append(
            f"~ {figure.id}: value as of {point.as_of}: {old.value} -> {point.value}"
        )
    else:
        series.append(point)
        series.sort(key=lambda p: p.as_of.key)
        outcome.lines.append(f"~ {figure.id}: new value {point.value} as of {point.as_of}")
    figures[position] = figure.model_copy(update={"series": series})
    outcome.updated += 1
