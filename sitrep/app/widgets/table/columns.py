"""The columns each section's table shows, with their widths, sort keys and styles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sitrep.app.describe import shorten
from sitrep.app.widgets.marks import (
    CONFIDENCE_MARK,
    CONFIDENCE_STYLE,
    CONTESTED_MARK,
    SEAT_MARK,
    party_color,
    party_name,
)
from sitrep.app.widgets.table.rows import Column
from sitrep.model.entries import (
    Place,
)
from sitrep.model.figure import Figure
from sitrep.model.sections import Section
from sitrep.model.situation import Situation

EntryColumn = Column[Any]


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _figure(value: Figure | None) -> str:
    return str(value) if value is not None else ""


def _figure_key(value: Figure | None) -> int | None:
    return None if value is None or value.low is None else value.low


def _label(value: str) -> str:
    """An enum value as words: 'temporarily_closed' -> 'temporarily closed'."""
    return value.replace("_", " ")


def _count(values: list[str]) -> str:
    return str(len(values)) if values else ""


def _sources(width: int = 4) -> EntryColumn:
    return Column(
        "Src",
        lambda e: _count(e.sources),
        width=width,
        align="right",
        sort_key=lambda e: len(e.sources),
        priority=3,
    )


def _date_column(
    title: str, get: Callable[[Any], dt.date | None], priority: int = 0
) -> EntryColumn:
    return Column(title, lambda e: _date(get(e)), width=10, sort_key=get, priority=priority)


def territory_columns(situation: Situation) -> list[EntryColumn]:
    """Places: who holds each, how sure we are, since when."""

    def holder_style(place: Place) -> str:
        return f"bold {party_color(situation, place.holder)} {CONFIDENCE_STYLE[place.confidence]}"

    return [
        Column(
            "Place",
            lambda p: p.name + (f" {SEAT_MARK}" if p.seat_of_government else ""),
            min_width=8,
            max_width=20,
        ),
        Column("Capital", lambda p: p.capital or "", min_width=7, max_width=18, priority=1),
        Column(
            "Holder",
            lambda p: party_name(situation, p.holder),
            min_width=8,
            max_width=16,
            style=holder_style,
        ),
        Column(
            "Confidence",
            lambda p: f"{CONFIDENCE_MARK[p.confidence]} {p.confidence}",
            width=11,
            sort_key=lambda p: ("confirmed", "reported", "claimed").index(p.confidence),
            style=lambda p: CONFIDENCE_STYLE[p.confidence] or None,
        ),
        _date_column("Since", lambda p: p.since),
        Column(
            "Control",
            lambda p: f"{CONTESTED_MARK} contested" if p.control == "contested" else "",
            width=11,
            style=lambda p: "bold" if p.control == "contested" else None,
            priority=1,
        ),
        Column("How", lambda p: "" if p.how == "unknown" else p.how, width=10, priority=2),
        _sources(),
        Column("Note", lambda p: p.note or "", min_width=16, max_width=200, flex=True, priority=4),
    ]


def evacuation_columns(situation: Situation) -> list[EntryColumn]:
    """Countries evacuating: troops, embassy, when announced."""
    return [
        Column("Country", lambda e: e.country, min_width=8, max_width=22),
        Column(
            "Troops",
            lambda e: _figure(e.troops),
            min_width=6,
            max_width=16,
            align="right",
            sort_key=lambda e: _figure_key(e.troops),
        ),
        Column("Embassy", lambda e: _label(e.embassy), min_width=7, max_width=18),
        _date_column("Announced", lambda e: e.announced, priority=1),
        _sources(),
        Column(
            "Purpose", lambda e: e.purpose or "", min_width=16, max_width=200, flex=True, priority=2
        ),
    ]


def displacement_columns(situation: Situation) -> list[EntryColumn]:
    """Displacement figures, each with its own scope (never summed)."""
    return [
        Column(
            "Figure",
            lambda d: _figure(d.figure),
            min_width=8,
            max_width=22,
            align="right",
            sort_key=lambda d: _figure_key(d.figure),
        ),
        Column("Counted", lambda d: d.counted, min_width=8, max_width=30),
        Column("Area", lambda d: d.area, min_width=6, max_width=18),
        Column(
            "Scope",
            lambda d: f"{d.measure}" + (f" since {d.since.isoformat()}" if d.since else ""),
            min_width=5,
            max_width=18,
            priority=1,
        ),
        _date_column("As of", lambda d: d.as_of),
        Column("Unit", lambda d: d.unit, width=10, priority=2),
        _sources(),
        Column("Note", lambda d: d.note or "", min_width=16, max_width=200, flex=True, priority=4),
    ]


def note_columns(situation: Situation) -> list[EntryColumn]:
    """Dated humanitarian notes."""
    return [
        _date_column("Date", lambda n: n.date),
        Column("Sector", lambda n: n.sector or "", min_width=6, max_width=14, priority=1),
        Column("Text", lambda n: n.text, min_width=20, max_width=400, flex=True),
        Column("Tags", lambda n: ", ".join(n.tags), min_width=4, max_width=24, priority=2),
        _sources(),
    ]


def outlook_columns(situation: Situation) -> list[EntryColumn]:
    """Forecasts and assessments, kept apart from facts."""
    return [
        Column("Kind", lambda a: a.kind, width=10, priority=1),
        Column("Statement", lambda a: a.statement, min_width=24, max_width=400, flex=True),
        Column("By", lambda a: a.by, min_width=6, max_width=24, priority=2),
        Column("Horizon", lambda a: a.horizon or "", min_width=7, max_width=16, priority=1),
        _date_column("Made on", lambda a: a.made_on, priority=3),
    ]


def source_columns(situation: Situation) -> list[EntryColumn]:
    """Sources, with the Admiralty reliability grade."""
    return [
        Column("Id", lambda s: s.id, min_width=4, max_width=18),
        Column("Publisher", lambda s: s.publisher, min_width=9, max_width=26),
        Column("Kind", lambda s: _label(s.kind), width=15, priority=3),
        Column("Rel", lambda s: s.reliability or "", width=3, priority=1),
        _date_column("Published", lambda s: s.published, priority=2),
        Column("Title", lambda s: shorten(s.title or "", 200), min_width=16, flex=True, priority=1),
    ]


def party_columns(situation: Situation) -> list[EntryColumn]:
    """Parties, in their own colors."""
    return [
        Column(
            "Id",
            lambda p: p.id,
            min_width=4,
            max_width=18,
            style=lambda p: f"bold {party_color(situation, p.id)}",
        ),
        Column("Short", lambda p: p.short or "", min_width=5, max_width=16),
        Column("Name", lambda p: p.name, min_width=10, max_width=200, flex=True),
    ]


COLUMNS: dict[Section, Callable[[Situation], list[EntryColumn]]] = {
    "territory": territory_columns,
    "evacuations": evacuation_columns,
    "displacement": displacement_columns,
    "notes": note_columns,
    "outlook": outlook_columns,
    "sources": source_columns,
    "parties": party_columns,
}
