"""The figures table: one row per figure (its current value), or per value with --history.

Each figure's number goes in the column of its topic's hashtag: displaced
people ``#affected+idps`` (``+refugees``, ``+displaced``), casualties
``#affected+killed`` (``+injured``), people in need ``#inneed``, people reached
``#reached``, money ``#value+funding+required``/``+total`` with ``#currency``
(as OCHA's Financial Tracking Service tags it on HDX), percentages
``#indicator+pct`` and anything else ``#indicator+num``. The number is the one
the source stated ('about 600' gives 600); its qualifier ('about') and the
wording as written are columns of their own, so nothing the source said is lost.
"""

from __future__ import annotations

import re

from sitrep.exports.hxl import Column, Row, Table, source_cells, source_columns, table_of
from sitrep.exports.hxl_places import location_cells, location_columns
from sitrep.model.entries import FigureEntry, FigurePoint
from sitrep.model.numbers.figure import CANONICAL_PREFIX, Figure, FigureKind
from sitrep.model.situation import Situation

_PEOPLE = (
    (re.compile(r"\bidps?\b|internally displaced", re.I), "+idps"),
    (re.compile(r"refugee", re.I), "+refugees"),
    (re.compile(r"\b(killed|dead|deaths?|fatalities|died)\b", re.I), "+killed"),
    (re.compile(r"\b(injured|wounded)\b", re.I), "+injured"),
    (re.compile(r"\b(abducted|kidnapped|hostages?)\b", re.I), "+abducted"),
)
_REQUIRED = re.compile(r"\b(requirements?|required|appeal|requested|asked)\b", re.I)
_PEOPLE_TAGS = {
    "displacement": "#affected",
    "casualties": "#affected",
    "need": "#inneed",
    "assistance": "#reached",
}
QUALIFIER_WORDS: dict[FigureKind, str] = {
    "exact": "exact",
    **CANONICAL_PREFIX,
    "range": "range",
    "words": "in words",
    "undisclosed": "undisclosed",
    "unknown": "unknown",
}
"""The qualifier column's word for each kind of figure."""


def value_tag(figure: FigureEntry) -> str:
    """The hashtag of the column that holds this figure's number."""
    if figure.topic == "funding" and figure.unit == "percent":
        return "#value+funding+pct"
    if figure.unit == "percent":
        return "#indicator+pct"
    if figure.is_money:
        kind = "+required" if _REQUIRED.search(figure.counted) else "+total"
        return f"#value{'+funding' + kind if figure.topic == 'funding' else ''}"
    base = _PEOPLE_TAGS.get(figure.topic)
    if base is None or figure.unit not in ("people", "households"):
        return "#indicator+num"
    attribute = next((a for pattern, a in _PEOPLE if pattern.search(figure.counted)), "")
    if not attribute and figure.topic == "displacement":
        attribute = "+displaced"
    return base + attribute + ("+hh" if figure.unit == "households" else "")


def value_cells(value: Figure, tag: str) -> Row:
    """The stated number in the topic's column, its qualifier, upper bound and wording."""
    number: int | None = None
    if value.kind == "range":
        number = value.low
    elif value.is_known and value.kind != "words":
        number = value.stated
    return {
        tag: number,
        "#meta+qualifier": QUALIFIER_WORDS[value.kind],
        "#meta+upper": value.high if value.kind == "range" else None,
        "#meta+wording": value.written,
    }


def figures_table(s: Situation, history: bool) -> Table:
    """One row per figure, its latest value (history: one row per value in its series)."""
    rows: list[Row] = []
    tags: list[str] = []
    for figure in s.figures:
        tag = value_tag(figure)
        tags.append(tag)
        points = figure.series if history else [figure.latest]
        for point in points:
            rows.append(_row(s, figure, point, tag, history))
    value_columns = [Column(_label(tag), tag) for tag in dict.fromkeys(sorted(tags, key=_order))]
    columns = [
        Column("ID", "#meta+id"),
        Column("Topic", "#indicator+type"),
        Column("Counted", "#indicator+name"),
        Column("Measure", "#indicator+measure"),
        Column("Unit", "#indicator+unit"),
        Column("Currency?", "#currency"),
        *value_columns,
        Column("Qualifier", "#meta+qualifier"),
        Column("Upper bound?", "#meta+upper"),
        Column("As the source put it", "#meta+wording"),
        Column("As of", "#date"),
        Column("As of, as written", "#meta+date"),
        Column("Counted since?", "#date+start"),
        Column("Area", "#loc+name+area"),
        Column("Place?", "#meta+place"),
        *location_columns(),
        Column("Counted by", "#org+name"),
        *source_columns(),
        Column("Withdrawn?", "#date+retracted"),
        Column("Note?", "#description"),
        Column("Value note?", "#description+value"),
    ]
    return table_of("figures", columns, rows)


def _row(s: Situation, figure: FigureEntry, point: FigurePoint, tag: str, history: bool) -> Row:
    row: Row = {
        "#meta+id": figure.id,
        "#indicator+type": figure.topic,
        "#indicator+name": figure.counted,
        "#indicator+measure": figure.measure,
        "#indicator+unit": figure.unit,
        "#currency": figure.unit if figure.is_money else None,
        **value_cells(point.value, tag),
        "#date": point.as_of.iso.removeprefix("about ") if point.as_of.first else None,
        "#meta+date": point.as_of.iso,
        "#date+start": figure.since,
        "#loc+name+area": figure.area,
        "#meta+place": figure.place,
        "#org+name": figure.counted_by,
        **source_cells(s, point.sources),
        "#date+retracted": point.retracted,
        "#description": figure.note,
        "#description+value": point.note,
    }
    place = s.place(figure.place)
    if place is not None:
        row |= location_cells(s, place)
    return row


_VALUE_ORDER = ("#affected", "#inneed", "#reached", "#value", "#indicator")


def _order(tag: str) -> tuple[int, str]:
    base = tag.split("+", 1)[0]
    return (_VALUE_ORDER.index(base) if base in _VALUE_ORDER else len(_VALUE_ORDER), tag)


_BASE_LABELS = {
    "#affected": "People affected",
    "#inneed": "People in need",
    "#reached": "People reached",
    "#value": "Amount",
    "#indicator": "Value",
}
_ATTRIBUTE_LABELS = {
    "+idps": "IDPs",
    "+refugees": "refugees",
    "+displaced": "displaced",
    "+killed": "killed",
    "+injured": "injured",
    "+abducted": "abducted",
    "+hh": "households",
    "+funding": "funding",
    "+required": "required",
    "+total": "received",
    "+pct": "percent",
    "+num": "number",
}


def _label(tag: str) -> str:
    base, *attributes = tag.split("+")
    label = _BASE_LABELS.get(base, base)
    words = [_ATTRIBUTE_LABELS.get(f"+{a}", a) for a in attributes]
    return f"{label}: {', '.join(words)}" if words else label
