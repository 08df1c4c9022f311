"""The columns each section's table shows, with their widths, sort keys and styles.

Columns read the situation when a cell is drawn (party names and colours, the
parent place, seats), so a renamed party shows at once. Figures are
right-aligned and never cut (``whole``); the other columns give way first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitrep.app.describe import shorten
from sitrep.app.widgets.marks import (
    CONFIDENCE_MARK,
    CONFIDENCE_STYLE,
    SEAT_MARK,
    control_label,
    control_style,
    party_color,
    party_name,
    seat_ids,
)
from sitrep.app.widgets.table.cells import (
    EntryColumn,
    date_column,
    figure_column,
    freshness_columns,
    sources_column,
    trend,
    words,
)
from sitrep.app.widgets.table.rows import Column
from sitrep.brief.figure_text import amount
from sitrep.model.derived.control import held_since
from sitrep.model.entries import Evacuation, FigureEntry, Party, Place
from sitrep.model.sections import Section
from sitrep.model.situation import Situation

_CONFIDENCE_ORDER = ("confirmed", "reported", "claimed")
_STATUS_ORDER = ("none", "planned", "announced", "under_way", "completed", "suspended")


def _note(title: str = "Note") -> EntryColumn:
    return Column(title, lambda e: e.note or "", min_width=16, max_width=200, flex=True, priority=4)


def place_columns(situation: Situation) -> list[EntryColumn]:
    """Places: what they are, who holds each and how (or between whom it is fought)."""

    def within(place: Place) -> str:
        parent = situation.place(place.within)
        return parent.name if parent is not None else place.within or ""

    def name(place: Place) -> str:
        return place.name + (f" {SEAT_MARK}" if place.id in seat_ids(situation) else "")

    def confidence(place: Place) -> str:
        change = place.current
        if change is None or change.state == "unclear":
            return ""
        return f"{CONFIDENCE_MARK[change.confidence]} {change.confidence}"

    def since(place: Place) -> Any:
        change = place.current
        if change is not None and change.controller is not None:
            return held_since(place)  # a confirmation does not restart the hold
        return change.date if change is not None else None

    def how(place: Place) -> str:
        change = place.current
        return words(change.how) if change is not None else ""

    return [
        Column("Place", name, min_width=8, max_width=22),
        Column("Kind", lambda p: p.kind, min_width=4, max_width=9, priority=2),
        Column("Within", within, min_width=6, max_width=24, priority=3),
        Column("Capital", lambda p: p.capital or "", min_width=7, max_width=24),
        Column(
            "Control",
            lambda p: control_label(situation, p.current),
            min_width=8,
            max_width=40,
            style=lambda p: control_style(situation, p.current),
        ),
        Column(
            "Confidence",
            confidence,
            width=11,
            narrow=4,
            narrow_title="Conf",
            sort_key=lambda p: _CONFIDENCE_ORDER.index(c.confidence) if (c := p.current) else None,
            style=lambda p: CONFIDENCE_STYLE[c.confidence] or None if (c := p.current) else None,
        ),
        date_column("Since", since),
        Column("How", how, width=10, priority=2),
        *freshness_columns(situation, "places"),
        sources_column(),
        _note(),
    ]


def evacuation_columns(situation: Situation) -> list[EntryColumn]:
    """Who is getting people out, how many, with how many troops; their embassies."""

    def status(e: Evacuation) -> str:
        return words(e.status) if e.status != "none" else "embassy only"

    return [
        Column("Actor", lambda e: e.actor, min_width=8, max_width=22),
        Column("Kind", lambda e: e.actor_kind, width=12, priority=3),
        Column(
            "Status",
            status,
            min_width=7,
            max_width=12,
            sort_key=lambda e: _STATUS_ORDER.index(e.status),
            style=lambda e: None if e.is_evacuation else "dim",
        ),
        figure_column("Evacuees", lambda e: e.evacuees),
        figure_column("Troops", lambda e: e.troops),
        Column("Embassy", lambda e: words(e.embassy), min_width=7, max_width=18, priority=1),
        date_column("Announced", lambda e: e.announced, priority=1),
        *freshness_columns(situation, "evacuations"),
        sources_column(),
        Column(
            "Purpose", lambda e: e.purpose or "", min_width=16, max_width=200, flex=True, priority=2
        ),
    ]


def figure_columns(situation: Situation) -> list[EntryColumn]:
    """Counted things, each with its own scope (never summed), and their latest value."""

    def value(f: FigureEntry) -> str:
        return amount(f.latest.value, f.unit)

    return [
        Column("Topic", lambda f: f.topic, min_width=6, max_width=12, priority=2),
        # Takes the room left: scopes often differ only at the end ('..., funding received').
        Column("Counted", lambda f: f.counted, min_width=24, max_width=80, flex=True),
        figure_column("Latest", lambda f: f.latest.value, text=value),
        Column(
            "As of",
            lambda f: str(f.latest.as_of),
            min_width=6,
            sort_key=lambda f: f.latest.as_of.key,
            whole=True,  # a date, never cut mid-number
        ),
        Column("Trend", trend, width=9, priority=2),
        Column("Area", lambda f: f.area, min_width=6, max_width=18, priority=1),
        *freshness_columns(situation, "figures"),
        sources_column(),
        Column("Note", lambda f: f.note or "", min_width=16, max_width=60, priority=4),
    ]


def note_columns(situation: Situation) -> list[EntryColumn]:
    """Dated humanitarian notes."""
    return [
        date_column("Date", lambda n: n.date),
        Column("Sector", lambda n: n.sector or "", min_width=6, max_width=14, priority=1),
        Column("Text", lambda n: n.text, min_width=20, max_width=400, flex=True),
        Column("Tags", lambda n: ", ".join(n.tags), min_width=4, max_width=24, priority=2),
        sources_column(),
    ]


def outlook_columns(situation: Situation) -> list[EntryColumn]:
    """Forecasts and assessments, kept apart from facts."""
    return [
        Column("Kind", lambda a: a.kind, width=10, priority=1),
        Column("Statement", lambda a: a.statement, min_width=24, max_width=400, flex=True),
        Column("By", lambda a: a.by, min_width=6, max_width=24, priority=2),
        Column("Horizon", lambda a: a.horizon or "", min_width=7, max_width=16, priority=1),
        date_column("Made on", lambda a: a.made_on, priority=3),
        sources_column(),
    ]


def source_columns(situation: Situation) -> list[EntryColumn]:
    """Sources, with the Admiralty reliability grade."""
    return [
        Column("Id", lambda s: s.id, min_width=4, max_width=18),
        Column("Publisher", lambda s: s.publisher, min_width=9, max_width=26),
        Column("Kind", lambda s: words(s.kind), width=15, priority=3),
        Column("Rel", lambda s: s.reliability or "", width=3, priority=1),
        date_column("Published", lambda s: s.published, priority=2),
        Column("Title", lambda s: shorten(s.title or "", 200), min_width=16, flex=True, priority=1),
    ]


def party_columns(situation: Situation) -> list[EntryColumn]:
    """Parties, in their own colours: their side, their seat of government, their status."""

    def side(party: Party) -> str:
        allies = [p.label for p in situation.parties if p.side_id == party.side_id and p != party]
        with_allies = f" (with {', '.join(allies)})" if allies else ""
        return (party.side or "own side") + with_allies

    def seat(party: Party) -> str:
        place = situation.place(party.seat)
        return place.label if place is not None else party.seat or ""

    def status(party: Party) -> str:
        if party.status == "active":
            return "active"
        when = f" {party.status_since.isoformat()}" if party.status_since else ""
        into = f" into {party_name(situation, party.merged_into)}" if party.merged_into else ""
        return f"{party.status}{into}{when}"

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
        Column("Side", side, min_width=4, max_width=30, priority=1),
        Column("Seat", seat, min_width=4, max_width=16, priority=1),
        Column(
            "Status",
            status,
            min_width=6,
            max_width=30,
            style=lambda p: None if p.status == "active" else "dim",
            priority=2,
        ),
    ]


COLUMNS: dict[Section, Callable[[Situation], list[EntryColumn]]] = {
    "places": place_columns,
    "evacuations": evacuation_columns,
    "figures": figure_columns,
    "notes": note_columns,
    "outlook": outlook_columns,
    "sources": source_columns,
    "parties": party_columns,
}
"""Each section's columns, made from the situation (again when its header changes)."""
