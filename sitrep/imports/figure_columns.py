"""Columns of a figures table: the fields, and the value columns with what they imply.

A value column's hashtag says what it counts: ``#affected+idps`` is a
displacement figure of IDPs, ``#affected+killed`` casualties, ``#inneed`` people
in need, ``#reached`` people reached, ``#value`` money (its currency in
``#currency``). A plain header says nothing: the topic and what is counted then
come from their own columns or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.imports.csvread import CsvTable
from sitrep.imports.mapping import FieldSpec, Mapping, tag_is


def _headers(*names: str) -> frozenset[str]:
    return frozenset(names)


FIGURE_FIELDS: dict[str, FieldSpec] = {
    "id": FieldSpec(_headers("id", "figure_id"), tag_is("#meta", "id")),
    "value": FieldSpec(
        _headers(
            "value",
            "figure",
            "count",
            "number",
            "total",
            "amount",
            "people",
            "individuals",
            "idps",
            "persons",
        )
    ),
    "wording": FieldSpec(
        _headers("wording", "as_stated", "value_text", "as_the_source_put_it"),
        tag_is("#meta", "wording"),
    ),
    "qualifier": FieldSpec(_headers("qualifier"), tag_is("#meta", "qualifier")),
    "upper": FieldSpec(_headers("upper", "upper_bound", "high", "max"), tag_is("#meta", "upper")),
    "as_of": FieldSpec(
        _headers("date", "as_of", "reporting_date", "report_date", "date_of_data"),
        tag_is("#date", without=("start", "end", "reported", "retracted")),
    ),
    "as_of_text": FieldSpec(_headers("as_of_as_written"), tag_is("#meta", "date")),
    "since": FieldSpec(
        _headers("since", "start", "start_date", "period_start", "counted_since"),
        tag_is("#date", "start"),
    ),
    "topic": FieldSpec(_headers("topic"), tag_is("#indicator", "type")),
    "counted": FieldSpec(
        _headers("counted", "indicator", "what", "category", "population_group"),
        tag_is("#indicator", "name"),
    ),
    "unit": FieldSpec(
        _headers("unit", "currency"),
        lambda head, attrs: (head == "#indicator" and "unit" in attrs) or head == "#currency",
    ),
    "measure": FieldSpec(_headers("measure"), tag_is("#indicator", "measure")),
    "area": FieldSpec(
        _headers(
            "area",
            "admin_area",
            "location",
            "province",
            "district",
            "region",
            "country",
            "admin1",
            "admin2",
        ),
        tag_is("#loc", "name", "area"),
    ),
    "place": FieldSpec(_headers("place", "place_id"), tag_is("#meta", "place")),
    "counted_by": FieldSpec(
        _headers("counted_by", "organisation", "organization", "org", "reported_by", "agency"),
        tag_is("#org", "name"),
    ),
    "source": FieldSpec(
        _headers("source", "sources", "source_id"), tag_is("#meta", "source", without=("id",))
    ),
    "note": FieldSpec(
        _headers("note", "notes", "comment", "comments", "remarks"),
        tag_is("#description", without=("value",)),
    ),
}

_PEOPLE_TOPICS = {
    "#affected": "displacement",
    "#inneed": "need",
    "#reached": "assistance",
    "#targeted": "assistance",
    "#population": "other",
}
_ATTRIBUTES = {
    "idps": ("displacement", "IDPs"),
    "refugees": ("displacement", "refugees"),
    "displaced": ("displacement", "displaced people"),
    "killed": ("casualties", "people killed"),
    "injured": ("casualties", "people injured"),
    "abducted": ("casualties", "people abducted"),
}


@dataclass(frozen=True)
class ValueColumn:
    """A column of values and what its hashtag says about them."""

    index: int
    topic: str | None = None
    counted: str | None = None
    unit: str | None = None


def value_columns(table: CsvTable, mapping: Mapping) -> list[ValueColumn]:
    """The columns holding values: the mapped 'value', or the people and money hashtags."""
    if "value" in mapping.columns:
        return [ValueColumn(mapping.columns["value"])]
    found: list[ValueColumn] = []
    for index, tag in enumerate(table.tags):
        if tag is None:
            continue
        head, *attrs = tag.split("+")
        if head in _PEOPLE_TOPICS:
            topic, counted = _PEOPLE_TOPICS[head], None
            for attribute in attrs:
                if attribute in _ATTRIBUTES:
                    topic, counted = _ATTRIBUTES[attribute]
            if head in ("#inneed", "#reached", "#targeted") and counted is not None:
                topic = _PEOPLE_TOPICS[head]
            unit = "households" if "hh" in attrs else None
            found.append(ValueColumn(index, topic, counted, unit))
        elif head == "#value":
            unit = "percent" if "pct" in attrs else None
            found.append(ValueColumn(index, "funding", None, unit))
        elif head == "#indicator" and ("num" in attrs or "pct" in attrs) and len(attrs) <= 2:
            found.append(ValueColumn(index, None, None, "percent" if "pct" in attrs else None))
    return found
