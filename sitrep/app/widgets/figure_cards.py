"""The key-figures strip's cards: what the brief's key figures say, fitted to a card.

Each card has a title line and two lines. Its figures are derived (model.control,
model.derive) into plain data, in a thread when the situation is large; the data
is then drawn at the card's width, with the longest wording that fits (fit.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.content import Content

from sitrep.app.widgets.fit import (
    GAP,
    MORE_STYLE,
    Item,
    Piece,
    content,
    cut,
    first_fitting,
    flow,
    flow_with_more,
    name,
    width_of,
)
from sitrep.app.widgets.fresh_card import fresh_card, fresh_data
from sitrep.app.widgets.marks import CONFIDENCE_MARK, party_color, party_name
from sitrep.app.widgets.seat_card import seat_card
from sitrep.brief import words
from sitrep.brief.figure_text import amount
from sitrep.geo.marks import GLYPHS
from sitrep.model.derived.control import (
    ControlSummary,
    PartyCount,
    control_summary,
    headline_places,
)
from sitrep.model.derived.derive import (
    EvacuationSummary,
    FigureLine,
    evacuation_summary,
    figure_headlines,
    seat_statuses,
)
from sitrep.model.situation import Situation

TITLE = "bold $text-muted"
MUTED = "$text-muted"
NAME_LIMITS = (None, 12, 9, 7, 5, 3)
"""Party names are shortened to these many cells, in turn, until every party fits."""
READABLE = 5
"""How short names get when some parties must be left out anyway ('+N more')."""
EMBASSY_ORDER = ("closed", "temporarily_closed", "relocated", "reduced", "open")
ACTOR_WORDS = {
    "state": ("state", "states", "states"),
    "organisation": ("organisation", "organisations", "org."),
    "company": ("company", "companies", "co."),
    "other": ("other actor", "other actors", "oth."),
}


@dataclass(frozen=True)
class ControlData:
    """Control of the headline places (the most common kind with control stated)."""

    kind: str
    summary: ControlSummary | None


@dataclass(frozen=True)
class EvacuationData:
    """The evacuations and the embassies, counted."""

    summary: EvacuationSummary
    embassies: list[tuple[str, int]]


def _lines(title: Item, body: list[Item]) -> Content:
    return Content("\n").join([content(title), *(content(line) for line in body)])


def _title(variants: list[str], width: int) -> Item:
    return first_fitting([[(v.upper(), TITLE)] for v in variants], width)


# -- control ----------------------------------------------------------------------------
def control_data(s: Situation) -> ControlData:
    """Counts over the headline places, as the brief's key figures count them."""
    kind, chosen = headline_places(s)
    return ControlData(kind, control_summary(s, places=chosen) if chosen else None)


def control_card(s: Situation, data: ControlData, width: int) -> Content:
    """Every party holding headline places, most first, then the contested and unclear."""
    summary = data.summary
    if summary is None:
        return _lines([("CONTROL", TITLE)], [[("no control stated", f"{MUTED} italic")]])
    places = words.places(summary.total, data.kind)
    title = _title([f"control · {places}", places], width)
    for level, limit in enumerate(NAME_LIMITS):
        items = [_party(s, count, min(level, 2), limit) for count in summary.holding]
        items += _others(summary, short=level > 0)
        laid = flow(items, width, 2)
        if laid is not None:
            return _lines(title, laid)
    # Too many to show them all: the largest, with names still readable, then '+N more'.
    items = [_party(s, count, 2, READABLE) for count in summary.holding]
    return _lines(title, flow_with_more(items + _others(summary, short=True), width, 2))


def _party(s: Situation, count: PartyCount, level: int, limit: int | None) -> Item:
    """'Taliban 18 ◆2 reported' (level 0), 'Taliban 18 ◆2' (1), 'Taliban 18' (2)."""
    item: Item = [
        (name(party_name(s, count.party_id), limit), f"bold {party_color(s, count.party_id)}"),
        (f" {count.held:,}", "bold"),
    ]
    if level < 2:
        split = [
            (CONFIDENCE_MARK["reported"], count.reported, "reported"),
            (CONFIDENCE_MARK["claimed"], count.claimed, "claimed"),
            (GLYPHS["besieged"], count.under_pressure, "under pressure"),
        ]
        for mark, n, word in split:
            if n:
                item.append((f" {mark}{n:,}" + (f" {word}" if level == 0 else ""), MUTED))
    return item


def _others(summary: ControlSummary, *, short: bool) -> list[Item]:
    items: list[Item] = []
    for glyph, n, word in (
        (GLYPHS["contested"], summary.contested, "contested"),
        (GLYPHS["unclear"], summary.unclear, "unclear"),
    ):
        if n:
            items.append([(f"{glyph}{n:,}" if short else f"{glyph} {n:,} {word}", "bold")])
    return items


# -- figures ----------------------------------------------------------------------------
def figures_data(s: Situation) -> list[FigureLine]:
    """Each figure's latest value; those of the report's period first."""
    header = s.header
    return figure_headlines(s, header.period_from, header.as_of)


def figures_card(s: Situation, data: list[FigureLine], width: int) -> Content:
    """The first two figures: the value as written (never cut), what is counted, where."""
    title = _title([f"figures · {len(data)}", "figures"], width)
    if not data:
        return _lines(title, [[("no figures yet", f"{MUTED} italic")]])
    if len(data) <= 2:
        return _lines(title, [_figure(line, width) for line in data])
    # More than two: the second line ends with '+N more' (all are in the Figures table).
    first, rest = _figure(data[0], width), len(data) - 2
    more: Piece = (f"{GAP}+{rest} more", MORE_STYLE)
    second = _figure(data[1], width - width_of([more]))
    if not second or second[0][0] != amount(data[1].point.value, data[1].entry.unit):
        return _lines(title, [first, [(f"+{rest + 1} more", MORE_STYLE)]])
    return _lines(title, [first, [*second, more]])


def _figure(line: FigureLine, width: int) -> Item:
    entry, point = line.entry, line.point
    value = (amount(point.value, entry.unit), "bold" if line.in_period else f"bold {MUTED}")
    counted, area = name(entry.counted), name(entry.area)
    when = f" · {point.as_of}" if point.as_of.first is not None else ""
    rest = MUTED if line.in_period else f"{MUTED} italic"
    return first_fitting(
        [
            [value, (f" {counted} · {area}{when}", rest)],
            [value, (f" {counted} · {area}", rest)],
            [value, (f" {counted}", rest)],
        ],
        width,
    )


# -- evacuations ------------------------------------------------------------------------
def evacuation_data(s: Situation) -> EvacuationData:
    """Who evacuates (states and organisations apart), the troops, the embassies."""
    embassies: Counter[str] = Counter(e.embassy for e in s.evacuations if e.embassy != "unknown")
    return EvacuationData(
        evacuation_summary(s), [(k, embassies[k]) for k in EMBASSY_ORDER if embassies[k]]
    )


def evacuation_card(s: Situation, data: EvacuationData, width: int) -> Content:
    """'EVACUATING · 5 STATES', the troops as an honest total, the embassies."""
    summary = data.summary
    counts = [_actors(n, kind, 0) for kind, n in summary.actors.items()]
    long, mid = words.join(counts), ", ".join(counts)
    brief = ", ".join(_actors(n, kind, 2) for kind, n in summary.actors.items())
    variants = [f"evacuating · {v}" for v in (long, mid)] + [f"{mid} evacuating", mid, brief]
    title = _title(variants if summary.evacuating else ["evacuations"], width)
    body: list[Item] = []
    if not summary.evacuating:
        body.append([("no evacuation", f"{MUTED} italic")])
    if summary.with_troops:
        body += _troops(summary, width)
    if data.embassies:
        parts = [f"{n:,} {words.say(k)}" for k, n in data.embassies]
        body.append(
            first_fitting(
                [[(f"embassies: {', '.join(parts)}", "")], [(", ".join(parts), "")]], width
            )
        )
    return _lines(title, body[:2])


def _actors(count: int, kind: str, form: int) -> str:
    """'5 states', '1 organisation'; form 2 shortens all but states ('1 org.')."""
    one, many, short = ACTOR_WORDS[kind]
    if form == 2 and kind != "state":
        return f"{count:,} {short}"
    return f"{count:,} {one if count == 1 else many}"


def _troops(summary: EvacuationSummary, width: int) -> list[Item]:
    """The troops as an honest total on one line, else on two; never without its
    undisclosed or unknown parts."""
    total = summary.troops
    main, _, rest = str(total).partition(", plus ")  # the Total's own honest words
    plus = f"plus {rest}" if rest else ""
    variants: list[Item] = [[("troops: ", ""), (str(total), "bold")]]
    if main:
        variants.append([(main, "bold"), (f" troops, {plus}" if plus else " troops", "")])
    for variant in variants:
        if width_of(variant) <= width:
            return [variant]
    if main and plus:
        two = [[(main, "bold"), (" troops,", "")], [(plus, "")]]
        if all(width_of(line) <= width for line in two):
            return two
    # A sum of several ('about 100 + about 150 + more than 1,000'): broken between its
    # terms over two lines, so that no number is cut.
    terms = main.split(" + ")
    for first in range(len(terms) - 1, 0, -1):
        head = " + ".join(terms[:first]) + " +"
        tail = " + ".join(terms[first:])
        two = [[(head, "bold")], [(tail, "bold"), (f" troops, {plus}" if plus else " troops", "")]]
        if all(width_of(line) <= width for line in two):
            return two
    if total.low:  # too narrow for the parts: the floor they all respect, and the rest
        floor: Item = [(f"at least {total.low:,}", "bold"), (" troops", "")]
        lines = [floor, [(plus, "")]] if plus else [floor]
        if all(width_of(line) <= width for line in lines):
            return lines
    return [cut(variants[-1], width)]


CARDS: dict[str, tuple[Callable[[Situation], Any], Callable[[Situation, Any, int], Content]]] = {
    "control": (control_data, control_card),
    "seat": (seat_statuses, seat_card),
    "figures": (figures_data, figures_card),
    "evacuations": (evacuation_data, evacuation_card),
    "fresh": (fresh_data, fresh_card),
}
"""Each card: what it derives from the situation, and how it draws that at a width."""
