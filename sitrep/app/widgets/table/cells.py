"""Columns and cell texts that several sections' tables share: dates, figures, sources,
freshness, a figure's trend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sitrep.app.widgets.marks import FRESHNESS_STYLE, FRESHNESS_WORDS
from sitrep.app.widgets.table.rows import Column
from sitrep.brief.words import say
from sitrep.model.derived.freshness import REFRESHED, Freshness, last_confirmed, state_of
from sitrep.model.entries import Evacuation, FigureEntry, Place
from sitrep.model.numbers.figure import Figure
from sitrep.model.sections import Section
from sitrep.model.situation import Situation

EntryColumn = Column[Any]

_POINT_LIKE = frozenset({"exact", "about", "nearly", "just_over"})
"""Kinds of figure that stand for one number: comparable with each other."""


def date_text(value: dt.date | None) -> str:
    """ISO, or nothing."""
    return value.isoformat() if value else ""


def figure_text(value: Figure | None) -> str:
    """A figure as the source wrote it (thousands separators added), or nothing."""
    return str(value) if value is not None else ""


def figure_key(value: Figure | None) -> int | None:
    """Sort figures by their lower bound (unknown ones last)."""
    return None if value is None or value.low is None else value.low


def words(value: str) -> str:
    """An enum value as words: 'temporarily_closed' -> 'temporarily closed'."""
    return say(value) if value != "unknown" else ""


def count_text(values: list[str]) -> str:
    """How many, or nothing for none."""
    return str(len(values)) if values else ""


def cited(entry: Any) -> list[str]:
    """Every source an entry cites, its parts' included, each once."""
    if isinstance(entry, Place):
        refs = [*entry.sources, *(ref for change in entry.control for ref in change.sources)]
        return list(dict.fromkeys(refs))
    if isinstance(entry, Evacuation):
        return entry.all_sources
    return list(getattr(entry, "sources", []))


def sources_column() -> EntryColumn:
    """How many sources an entry cites."""
    return Column(
        "Src",
        lambda e: count_text(cited(e)),
        width=4,
        align="right",
        sort_key=lambda e: len(cited(e)),
        priority=3,
        searched=False,  # a count: typing a digit should not match it
    )


def date_column(title: str, get: Callable[[Any], dt.date | None], priority: int = 0) -> EntryColumn:
    """A date, ISO, sorted as a date."""
    return Column(title, lambda e: date_text(get(e)), width=10, sort_key=get, priority=priority)


def figure_column(
    title: str, get: Callable[[Any], Figure | None], *, text: Callable[[Any], str] | None = None
) -> EntryColumn:
    """A figure, right-aligned and never cut."""
    return Column(
        title,
        text or (lambda e: figure_text(get(e))),
        min_width=6,
        align="right",
        sort_key=lambda e: figure_key(get(e)),
        whole=True,
    )


def freshness_columns(situation: Situation, section: Section) -> list[EntryColumn]:
    """'up to date', 'due', 'overdue' (coloured) when the header sets a refresh rate."""
    refresh = situation.header.refresh
    every = getattr(refresh, section, None) if refresh is not None else None
    if every is None or section not in REFRESHED:
        return []
    header = situation.header

    def state(entry: Any) -> Freshness | None:
        if isinstance(entry, Place) and not entry.control:
            return None  # nothing stated to confirm
        return state_of(last_confirmed(entry), every, header.as_of)

    def text(entry: Any) -> str:
        fresh = state(entry)
        return FRESHNESS_WORDS[fresh] if fresh is not None else ""

    def key(entry: Any) -> int | None:
        fresh = state(entry)
        order: tuple[Freshness, ...] = ("unknown", "overdue", "due", "up_to_date")
        return order.index(fresh) if fresh is not None else None

    def style(entry: Any) -> str | None:
        fresh = state(entry)
        return FRESHNESS_STYLE[fresh] if fresh is not None else None

    return [Column("Fresh", text, width=10, sort_key=key, style=style, priority=1)]


def trend(entry: FigureEntry) -> str:
    """How the last two values standing compare: '↑ up', '↓ down', '= same', '? unclear'.

    Two values of one kind (or both single numbers, exact or approximate) compare
    by their numbers; otherwise only when their bounds do not overlap. Nothing
    for a figure with one value.
    """
    values = [p.value for p in entry.series if p.retracted is None and p.value.is_known]
    if len(values) < 2:
        return ""
    old, new = values[-2], values[-1]
    if old.kind == new.kind or {old.kind, new.kind} <= _POINT_LIKE:
        a, b = old.stated, new.stated
    elif old.high is not None and new.low is not None and new.low > old.high:
        return "↑ up"
    elif new.high is not None and old.low is not None and new.high < old.low:
        return "↓ down"
    else:
        return "? unclear"
    return "↑ up" if b > a else "↓ down" if b < a else "= same"
