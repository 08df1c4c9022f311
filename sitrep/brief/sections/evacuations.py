"""'## Evacuations': the evacuations (only entries that are evacuations), then the embassies."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.brief import words
from sitrep.brief.context import BriefContext, embassy_date
from sitrep.brief.escape import cell, inline
from sitrep.brief.markdown import heading, table
from sitrep.model.entries import Evacuation


def evacuations_section(ctx: BriefContext) -> str:
    """One row per evacuating actor (alphabetical), then one per embassy whose status is known."""
    entries = sorted(ctx.situation.evacuations, key=lambda e: (e.actor.casefold(), e.actor))
    evacuating = [e for e in entries if e.is_evacuation]
    embassies = [e for e in entries if e.embassy != "unknown"]
    blocks = [heading(2, "Evacuations")]
    if evacuating:
        blocks.append(_evacuation_table(ctx, evacuating))
    else:
        blocks.append("No evacuations recorded.")
    if embassies:
        blocks += [heading(3, "Embassies"), _embassy_table(ctx, embassies)]
    return "\n\n".join(blocks)


def _evacuation_table(ctx: BriefContext, evacuating: list[Evacuation]) -> str:
    """One row per actor; the kind, purpose, wording and note columns only when any has one."""
    columns: list[tuple[str, Callable[[Evacuation], str]]] = [("Actor", lambda e: inline(e.actor))]
    if any(e.actor_kind != "state" for e in evacuating):
        columns.append(("Kind", lambda e: words.say(e.actor_kind)))
    columns += [
        ("Status", lambda e: words.say(e.status)),
        ("Evacuees", lambda e: cell(_who(e))),
        ("Troops", lambda e: cell(str(e.troops) if e.troops is not None else None)),
        ("How", lambda e: cell(_how(e))),
    ]
    if any(e.purpose for e in evacuating):
        columns.append(("Purpose", lambda e: cell(e.purpose)))
    if any(e.wording for e in evacuating):
        columns.append(("Official wording", lambda e: cell(e.wording)))
    columns += [
        ("Announced", lambda e: words.day_or(e.announced)),
        ("Sources", lambda e: ctx.citations.cite(e.sources) or "—"),
    ]
    if any(e.note for e in evacuating):
        columns.append(("Note", lambda e: cell(e.note)))
    rows = [[make(e) for _, make in columns] for e in evacuating]
    return table([name for name, _ in columns], rows)


def _who(e: Evacuation) -> str | None:
    """'about 4,000: own nationals, local staff'."""
    parts = [str(e.evacuees)] if e.evacuees is not None else []
    if e.nationalities:
        parts.append(", ".join(e.nationalities))
    return ": ".join(parts) or None


def _how(e: Evacuation) -> str | None:
    """'air; from the capital's airport; to two neighbouring states'."""
    parts = []
    if e.means:
        parts.append(words.join([words.say(m) for m in e.means]))
    if e.route:
        parts.append(e.route)
    if e.destinations:
        parts.append(f"to {words.join(e.destinations)}")
    return "; ".join(parts) or None


def _embassy_table(ctx: BriefContext, embassies: list[Evacuation]) -> str:
    header = ["Actor", "Embassy", "Since", "Confidence", "Sources"]
    rows = [
        [
            inline(e.actor),
            words.say(e.embassy),
            words.day_or(embassy_date(e)),
            e.embassy_confidence,
            ctx.citations.cite(e.embassy_sources or e.sources) or "—",
        ]
        for e in embassies
    ]
    return table(header, rows)
