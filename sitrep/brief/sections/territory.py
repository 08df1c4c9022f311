"""The territory section: who holds what (grouped by holder), what is fought over, what changed.

A situation whose places have no control stated gets a plain list of places
instead ('## Places'), with no claim of who holds anything; one with no places
gets no section at all. A group of more places than the brief's limit is
summarised (see place_tables.py), and so is a long chronology.
"""

from __future__ import annotations

from collections import Counter

from sitrep.brief import control_text, words
from sitrep.brief.census import Standing
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import inline, relative_path
from sitrep.brief.markdown import heading
from sitrep.brief.sections.chronology import chronology
from sitrep.brief.sections.place_tables import Column, PlaceTables
from sitrep.model.entries import Place
from sitrep.model.situation import Situation


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
    tables = PlaceTables(ctx)
    if not with_control:
        counted = f" {_kinds(ctx.standing)} in all." if len(s.places) > ctx.limit else ""
        blocks.append(f"No control of any place is recorded.{counted}")
        blocks += tables.group(ctx.standing, [], by_name=False)
        return "\n\n".join(blocks)
    groups = _groups(ctx)
    for party_id in _holders(s, groups):
        held = groups[party_id]
        title = f"Held by {inline(s.party_name(party_id))}: {_kinds(held)}"
        blocks += [heading(3, title), *tables.group(held, _held_columns(ctx))]
    for key, title, columns in (
        ("contested", "Contested", _contested_columns(ctx)),
        ("unclear", "Control unclear", _since_column(ctx)),
        ("unstated", "Control not stated", []),
    ):
        chosen = groups.get(f":{key}", [])
        if chosen:
            blocks.append(heading(3, f"{title}: {_kinds(chosen)}"))
            blocks += tables.group(chosen, columns)
    blocks.append(heading(3, "Changes of control in the period"))
    blocks.append(chronology(ctx))
    return "\n\n".join(blocks)


def _groups(ctx: BriefContext) -> dict[str, list[Standing]]:
    """Places by holder id, or by ':contested', ':unclear', ':unstated', in file order.

    Keys come in the order of their first place in the file.
    """
    groups: dict[str, list[Standing]] = {}
    for standing in ctx.standing:
        change = standing.current
        # contested and unclear places have no holder; every other state has one
        key = ":unstated" if change is None else change.holder or f":{change.state}"
        groups.setdefault(key, []).append(standing)
    return groups


def _kinds(chosen: list[Standing]) -> str:
    """'17 provinces and 1 airport' (words.kind_counts, from the census)."""
    return words.counted_kinds(Counter(st.kind for st in chosen))


def _holders(s: Situation, groups: dict[str, list[Standing]]) -> list[str]:
    """Holders with a group, most places first; ties in file order of parties, then unlisted ids.

    The order of control_summary(s).holding, without counting every place again.
    """
    rank = {party_id: i for i, party_id in enumerate(dict.fromkeys(p.id for p in s.parties))}
    held = [key for key in groups if not key.startswith(":")]
    for key in held:
        rank.setdefault(key, len(rank))
    return sorted(held, key=lambda key: (-len(groups[key]), rank[key]))


def _held_columns(ctx: BriefContext) -> list[Column]:
    s = ctx.situation

    def control(place: Place) -> str:
        change = ctx.current(place)
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
        change = ctx.current(place)
        return inline(words.confidence(change)) if change is not None else "—"

    return [("Control", control), ("Held since", since), ("How", how), ("Confidence", sure)]


def _contested_columns(ctx: BriefContext) -> list[Column]:
    s = ctx.situation

    def between(place: Place) -> str:
        change = ctx.current(place)
        assert change is not None
        return inline(control_text.names(s, change.parties))

    def sure(place: Place) -> str:
        change = ctx.current(place)
        return inline(words.confidence(change)) if change is not None else "—"

    return [("Between", between), *_since_column(ctx), ("Confidence", sure)]


def _since_column(ctx: BriefContext) -> list[Column]:
    def since(place: Place) -> str:
        change = ctx.current(place)
        return words.day_or(change.date if change is not None else None)

    return [("Since", since)]
