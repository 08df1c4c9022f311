"""The territory section: who holds what (grouped by holder), what is fought over, what changed.

A situation whose places have no control stated gets a plain list of places
instead ('## Places'), with no claim of who holds anything; one with no places
gets no section at all.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.brief import control_text, words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import cell, inline, relative_path
from sitrep.brief.markdown import heading, table
from sitrep.brief.sections.chronology import chronology
from sitrep.model.derived.control import control_summary
from sitrep.model.entries import Place
from sitrep.model.situation import Situation

Column = tuple[str, Callable[[Place], str]]


def territory_section(
    ctx: BriefContext, map_path: str | None = None, timeline_path: str | None = None
) -> str:
    """'## Territory' (or '## Places' when no control is stated); '' when there are no places."""
    s = ctx.situation
    if not s.places:
        return ""
    with_control = any(p.control for p in s.places)
    blocks = [heading(2, "Territory" if with_control else "Places")]
    if map_path:
        alt = inline(f"Map of {s.header.region} as of {words.day(s.header.as_of)}")
        blocks.append(f"![{alt}]({relative_path(map_path)})")
    if timeline_path and with_control:
        alt = inline(f"Control over time, to {words.day(s.header.as_of)}")
        blocks.append(f"![{alt}]({relative_path(timeline_path)})")
    if not with_control:
        blocks.append("No control of any place is recorded.")
        blocks.append(_table(ctx, s.places, []))
        return "\n\n".join(blocks)
    groups = _groups(s)
    summary = control_summary(s)
    for count in summary.holding:
        held = groups.get(count.party_id, [])
        title = f"Held by {inline(s.party_name(count.party_id))}: {words.kind_counts(held)}"
        blocks += [heading(3, title), _table(ctx, held, _held_columns(ctx))]
    for key, title, columns in (
        ("contested", "Contested", _contested_columns(ctx)),
        ("unclear", "Control unclear", _since_column()),
        ("unstated", "Control not stated", []),
    ):
        chosen = groups.get(f":{key}", [])
        if chosen:
            blocks.append(heading(3, f"{title}: {words.kind_counts(chosen)}"))
            blocks.append(_table(ctx, chosen, columns))
    blocks.append(heading(3, "Changes of control in the period"))
    blocks.append(chronology(ctx))
    return "\n\n".join(blocks)


def _groups(s: Situation) -> dict[str, list[Place]]:
    """Places by holder id, or by ':contested', ':unclear', ':unstated'; sorted by name."""
    groups: dict[str, list[Place]] = {}
    for place in sorted(s.places, key=lambda p: (p.name.casefold(), p.name, p.id)):
        change = place.current
        if change is None:
            key = ":unstated"
        elif change.controller is None:
            key = f":{change.state}"
        else:
            key = change.controller
        groups.setdefault(key, []).append(place)
    return groups


def _table(ctx: BriefContext, chosen: list[Place], columns: list[Column]) -> str:
    """A table of places: name, then kind, within and capital when any place has them."""
    s = ctx.situation
    every = s.places
    first: list[Column] = [("Place", lambda p: inline(p.name))]
    if len({p.kind for p in every}) > 1:
        first.append(("Kind", lambda p: words.say(p.kind)))
    if any(p.within for p in every):
        names = {p.id: p.name for p in every}
        first.append(("Within", lambda p: cell(names.get(p.within or "", p.within))))
    if any(p.capital for p in every):
        first.append(("Capital", lambda p: cell(p.capital)))
    last: list[Column] = [("Sources", lambda p: _cite(ctx, p))]
    if any(p.note for p in every):
        last.append(("Note", lambda p: cell(p.note)))
    used = [*first, *columns, *last]
    return table([name for name, _ in used], [[make(p) for _, make in used] for p in chosen])


def _cite(ctx: BriefContext, place: Place) -> str:
    """The place's own sources and those of its current control (the whole current hold)."""
    hold = ctx.hold(place) or ([place.current] if place.current else [])
    ids = [*place.sources, *(ref for change in hold for ref in change.sources)]
    return ctx.citations.cite(ids) or "—"


def _held_columns(ctx: BriefContext) -> list[Column]:
    s = ctx.situation

    def control(place: Place) -> str:
        change = place.current
        assert change is not None
        since = f" since {words.day(change.date)}" if change.date else ""
        if change.state in ("besieged", "encircled"):
            return inline(f"{change.state} by {control_text.names(s, change.by)}{since}")
        if change.state == "partial":
            others = [p for p in change.parties if p != change.holder]
            text = "partly held"
            if others:
                text += f"; {control_text.names(s, others)} holding parts"
            if change.share:
                text += f" ({change.share})"
            return inline(text + since)
        return "held"

    def since(place: Place) -> str:
        hold = ctx.hold(place)
        return words.day_or(hold[0].date if hold else None)

    def how(place: Place) -> str:
        hold = ctx.hold(place)
        return words.say(hold[0].how) if hold else "not known"

    def sure(place: Place) -> str:
        change = place.current
        return inline(words.confidence(change)) if change is not None else "—"

    return [("Control", control), ("Held since", since), ("How", how), ("Confidence", sure)]


def _contested_columns(ctx: BriefContext) -> list[Column]:
    s = ctx.situation

    def between(place: Place) -> str:
        change = place.current
        assert change is not None
        return inline(control_text.names(s, change.parties))

    def sure(place: Place) -> str:
        change = place.current
        return inline(words.confidence(change)) if change is not None else "—"

    return [("Between", between), *_since_column(), ("Confidence", sure)]


def _since_column() -> list[Column]:
    def since(place: Place) -> str:
        change = place.current
        return words.day_or(change.date if change is not None else None)

    return [("Since", since)]
