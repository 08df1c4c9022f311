"""'## Key figures': control, the seat of government, figures, evacuations; all derived.

Control is counted over the headline places (the most common kind with control
stated): every party that holds one appears, most first, and the parts of every
count add up on their face. Contested places are held by nobody: they have a
line of their own and are never in a party's count. A situation with no control
stated at all (a flood) gets no control lines whatsoever.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sitrep.brief import control_text, figure_text, words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import inline
from sitrep.brief.limits import export_command, left_out
from sitrep.brief.markdown import bullets, heading
from sitrep.model.derived.derive import FigureLine, evacuation_summary
from sitrep.model.entries import ControlChange, Place
from sitrep.model.kinds.places import place_noun

MAX_CONTESTED_NAMED = 4
_PRESSURE_WORDS = {"besieged": "besieged", "encircled": "encircled", "partial": "partly held"}


def key_figures_section(ctx: BriefContext) -> str:
    """Control, seats, in-period figures, evacuations; then older figures as context."""
    s = ctx.situation
    items = control_lines(ctx)
    items += [inline(control_text.seat_line(s, status)) for status in ctx.seats]
    news = [f for f in ctx.figures if f.in_period]
    context = [f for f in ctx.figures if not f.in_period]
    items += _figures(ctx, news, "figure of the period")
    items += evacuation_lines(ctx)
    blocks = [heading(2, "Key figures")]
    if items:
        blocks.append(bullets(items))
    if context:
        undated = any(f.point.as_of.last is None for f in context)
        blocks.append(f"Context, values from before this period{' or undated' if undated else ''}:")
        blocks.append(bullets(_figures(ctx, context, "figure")))
    if not items and not context:
        blocks.append("No figures recorded.")
    if len(ctx.figures) > 1:
        blocks.append("Figures have different scopes and dates; they are not added up.")
    return "\n\n".join(blocks)


def control_lines(ctx: BriefContext) -> list[str]:
    """One line per party holding headline places, then contested, unclear, other kinds."""
    summary = ctx.summary
    if summary is None:
        return []
    kind, _ = ctx.headline
    chosen = [(st.place, st.current) for st in ctx.headline_standing[1]]
    pressure = _pressure(c for _, c in chosen)
    lines = [
        inline(control_text.count_line(count, summary, kind, pressure.get(count.party_id, "")))
        for count in summary.holding
    ]
    of_total = f"of {words.places(summary.total, kind)}"
    if summary.contested:
        contested = [p for p, c in chosen if c is not None and c.state == "contested"]
        lines.append(
            inline(f"Contested: {summary.contested:,} {of_total}: {_named(ctx, contested)}")
        )
    if summary.unclear:
        lines.append(inline(f"Control unclear: {summary.unclear:,} {of_total}"))
    beyond = _beyond(ctx, kind, summary.total)
    return lines + ([beyond] if beyond else [])


def _named(ctx: BriefContext, contested: list[Place]) -> str:
    """'North Town, between the rebels and the government; ...' for a few contested places."""
    s = ctx.situation
    shown = contested[:MAX_CONTESTED_NAMED]
    parts = []
    for place in shown:
        phrase = control_text.state_phrase(s, place.current).removeprefix("contested")
        parts.append(f"{place.label}{',' if phrase.startswith(' between') else ''}{phrase}")
    more = len(contested) - len(shown)
    return "; ".join(parts) + (f"; and {more:,} more" if more else "")


def _pressure(
    changes: Iterable[ControlChange | None], *, alone: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Per holder: '1 of them besieged and 2 partly held' (part of its count, not added to it).

    Holders in ``alone`` hold a single place: theirs reads 'besieged', not '1 of them ...'.
    """
    counts: dict[str, Counter[str]] = {}
    for change in changes:
        if change is not None and change.state in _PRESSURE_WORDS and change.holder:
            counts.setdefault(change.holder, Counter())[_PRESSURE_WORDS[change.state]] += 1
    return _pressure_words(counts, alone)


def _pressure_words(counts: dict[str, Counter[str]], alone: frozenset[str]) -> dict[str, str]:
    found = {}
    for holder, counted in counts.items():
        parts = [f"{n:,} {w}" for w, n in sorted(counted.items())]
        if holder in alone:
            parts = sorted(counted)
        else:
            first, _, rest = parts[0].partition(" ")
            parts[0] = f"{first} of them {rest}"
        found[holder] = words.join(parts)
    return found


def _beyond(ctx: BriefContext, kind: str, total: int) -> str | None:
    """'Beyond the 34 provinces: 1 airport held by the government; 1 city contested'.

    One pass over the census: places of other kinds counted by kind per holder,
    contested or unclear, and the pressure on each holder's places.
    """
    held: Counter[tuple[str, str]] = Counter()
    pressed: Counter[tuple[str, str]] = Counter()
    contested: Counter[str] = Counter()
    unclear: Counter[str] = Counter()
    for standing in ctx.standing:
        change = standing.current
        if change is None or standing.kind == kind:  # None: every claim retracted
            continue
        state = change.state
        if state == "contested":
            contested[standing.kind] += 1
        elif state == "unclear":
            unclear[standing.kind] += 1
        else:
            assert change.holder is not None
            held[change.holder, standing.kind] += 1
            if state in _PRESSURE_WORDS:
                pressed[change.holder, _PRESSURE_WORDS[state]] += 1
    if not (held or contested or unclear):
        return None
    return _beyond_line(ctx, kind, total, _split(held), _split(pressed), contested, unclear)


def _split(counts: Counter[tuple[str, str]]) -> dict[str, Counter[str]]:
    """{holder: {what: n}} from {(holder, what): n}, holders in order of first count."""
    split: dict[str, Counter[str]] = {}
    for (holder, what), n in counts.items():
        split.setdefault(holder, Counter())[what] = n
    return split


def _beyond_line(
    ctx: BriefContext,
    kind: str,
    total: int,
    held: dict[str, Counter[str]],
    pressed: dict[str, Counter[str]],
    contested: Counter[str],
    unclear: Counter[str],
) -> str:
    s = ctx.situation
    sizes = {holder: sum(kinds.values()) for holder, kinds in held.items()}
    pressure = _pressure_words(pressed, frozenset(h for h, n in sizes.items() if n == 1))
    parts = []
    for holder, kinds in sorted(held.items(), key=lambda kv: -sizes[kv[0]]):
        under = f" ({pressure[holder]})" if holder in pressure else ""
        parts.append(f"{words.counted_kinds(kinds)} held by {s.party_name(holder)}{under}")
    if contested:
        parts.append(f"{words.counted_kinds(contested)} contested")
    if unclear:
        parts.append(f"{words.counted_kinds(unclear)} with control unclear")
    return inline(f"Beyond the {total:,} {place_noun(kind, total)}: {'; '.join(parts)}")


def _figures(ctx: BriefContext, figures: list[FigureLine], noun: str) -> list[str]:
    """A line per figure, in their order, up to the limit; then a line counting the rest."""
    lines = [_figure(ctx, f) for f in figures[: ctx.limit]]
    if len(figures) > ctx.limit:
        command = export_command(ctx.source_name, "figures")
        lines.append(left_out(len(figures) - ctx.limit, noun, command))
    return lines


def _figure(ctx: BriefContext, figure: FigureLine) -> str:
    text = inline(figure_text.headline(ctx.situation, figure))
    return ctx.citations.cite_after(text, figure.point.sources)


def evacuation_lines(ctx: BriefContext) -> list[str]:
    """'Evacuating: 4 states and 1 organisation'; 'Troops deployed for evacuations: ...'."""
    summary = evacuation_summary(ctx.situation)
    lines = []
    if summary.evacuating:
        actors = words.join([_actors(n, kind) for kind, n in summary.actors.items()])
        lines.append(f"Evacuating: {actors}")
    if summary.with_troops:
        senders = Counter(e.actor_kind for e in summary.with_troops)
        by = words.join([_actors(n, kind) for kind, n in senders.items()])
        lines.append(f"Troops deployed for evacuations: {summary.troops} (from {by})")
    embassies: Counter[str] = Counter(
        e.embassy for e in ctx.situation.evacuations if e.embassy != "unknown"
    )
    if embassies:
        order = ["closed", "temporarily_closed", "relocated", "reduced", "open"]
        counts = [f"{embassies[k]:,} {words.say(k)}" for k in order if embassies[k]]
        lines.append(f"Embassies: {', '.join(counts)}")
    return lines


_ACTOR_NOUNS = {
    "state": ("state", "states"),
    "organisation": ("organisation", "organisations"),
    "company": ("company", "companies"),
    "other": ("other actor", "other actors"),
}


def _actors(count: int, kind: str) -> str:
    one, many = _ACTOR_NOUNS[kind]
    return words.plural(count, one, many)
