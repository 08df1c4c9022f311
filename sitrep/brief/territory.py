"""The territory section: who holds what, grouped by holder, and what changed in the period."""

from __future__ import annotations

from sitrep.brief import words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import cell, inline, relative_path
from sitrep.brief.markdown import bullets, heading, table
from sitrep.model.derive import control_summary
from sitrep.model.entries import Place


def territory_section(ctx: BriefContext, map_path: str | None = None) -> str:
    """'## Territory': the map if any, a table per holder, then the changes in the period."""
    s = ctx.situation
    blocks = [heading(2, "Territory")]
    if map_path:
        alt = inline(f"Map of {s.header.region} as of {words.day(s.header.as_of)}")
        blocks.append(f"![{alt}]({relative_path(map_path)})")
    if not s.territory:
        blocks.append("No places recorded.")
    summary = control_summary(s)
    _, many = words.place_noun(s)
    for count in summary.parties:
        places = [p for p in s.territory if p.holder == count.party_id]
        if not places:
            continue
        name = inline(words.party_name(s, count.party_id))
        blocks.append(heading(3, f"{name}: {count.held:,} of {summary.total:,} {many}"))
        blocks.append(_holder_table(ctx, places))
    blocks.append(heading(3, "Changes in the period"))
    blocks.append(_changes_in_period(ctx))
    return "\n\n".join(blocks)


def _holder_table(ctx: BriefContext, places: list[Place]) -> str:
    territory = ctx.situation.territory
    with_capital = any(p.capital for p in territory)
    with_note = any(p.note for p in territory)
    header = ["Place"] + (["Capital"] if with_capital else [])
    header += ["Since", "How", "Confidence", "Sources"] + (["Note"] if with_note else [])
    rows = []
    for place in sorted(places, key=lambda p: (p.name.casefold(), p.name, p.id)):
        name = inline(place.name)
        if place.seat_of_government:
            name += " (seat of government)"
        row = [name] + ([cell(place.capital)] if with_capital else [])
        row += [
            words.day_or(place.since),
            words.say(place.how),
            inline(words.confidence(place)),
            ctx.citations.cite(place.sources) or "—",
        ]
        if with_note:
            row.append(cell(place.note))
        rows.append(row)
    return table(header, rows)


def _changes_in_period(ctx: BriefContext) -> str:
    """One line per place that changed hands in the period, in date order."""
    changed = ctx.changed_hands()
    when = words.period(ctx.start, ctx.end)
    if not changed:
        return f"No place changed hands from {when}."
    items = []
    for place in changed:
        assert place.since is not None
        text = f"{words.day(place.since)}: {words.place_title(place)} to "
        text += words.party_name(ctx.situation, place.holder)
        before = ctx.previous_holder(place)
        if before is not None and ctx.previous is not None:
            text += f" from {words.party_name(ctx.previous, before)}"
        how = "how not known" if place.how == "unknown" else words.say(place.how)
        text += f" ({how}; {words.confidence(place)})"
        items.append(ctx.citations.cite_after(inline(text), place.sources))
    return f"From {when}, in date order:\n\n{bullets(items)}"
