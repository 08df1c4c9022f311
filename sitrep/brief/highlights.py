"""The first screen of the brief: highlights and key figures, all derived from the entries."""

from __future__ import annotations

import datetime as dt

from sitrep.brief import words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import inline
from sitrep.brief.markdown import bullets, heading
from sitrep.model.derive import (
    PartyCount,
    control_summary,
    displacement_headlines,
    evacuation_summary,
    nearest_to_seat,
)
from sitrep.model.entries import Evacuation, Place

MAX_DATA_HIGHLIGHTS = 5
MIN_DATA_HIGHLIGHTS = 3
MAX_DISPLACEMENT_HIGHLIGHTS = 2
MAX_NAMED_PLACES = 10
"""How many places the changed-hands highlight names before saying 'and N earlier'."""


def highlights_section(ctx: BriefContext) -> str:
    """'## Highlights': the analyst's own highlights first, then up to five from the data."""
    items = [inline(text) for text in ctx.situation.header.highlights if inline(text)]
    items.extend(_data_highlights(ctx))
    body = bullets(items) if items else "Nothing to highlight for this period."
    return f"{heading(2, 'Highlights')}\n\n{body}"


def _data_highlights(ctx: BriefContext) -> list[str]:
    found: list[str] = []
    changed = ctx.changed_hands()
    if changed:
        found.append(_changed_hands(ctx, changed))
    evacuations = ctx.new_evacuations()
    if evacuations:
        named = "; ".join(_evacuation_phrase(e) for e in evacuations)
        found.append(f"New evacuation announcements: {named}.")
    room = min(MAX_DATA_HIGHLIGHTS - len(found), MAX_DISPLACEMENT_HIGHLIGHTS)
    for d in displacement_headlines(ctx.situation)[:room]:
        found.append(inline(f"{words.displacement_line(d)}{_by(ctx, d.sources)}."))
    for filler in (_control_standing(ctx), _nearest(ctx)):
        if filler and len(found) < MIN_DATA_HIGHLIGHTS:
            found.append(filler)
    return found


def _changed_hands(ctx: BriefContext, changed: list[Place]) -> str:
    """'**18 capitals changed hands** between ..., all to Taliban: on 13 Aug 2021 ...'."""
    one, many = words.place_noun(ctx.situation)
    holders: dict[str, list[Place]] = {}
    for place in changed:
        holders.setdefault(place.holder, []).append(place)
    count = words.plural(len(changed), one, many)
    between = f"between {words.day(ctx.start)} and {words.day(ctx.end)}"
    parts = [
        (inline(words.party_name(ctx.situation, holder)), _latest_first(places))
        for holder, places in holders.items()
    ]
    if len(parts) == 1:
        who, dates = parts[0]
        everyone = "all " if len(changed) > 1 else ""
        return f"**{count} changed hands** {between}, {everyone}to {who}: {dates}."
    return f"**{count} changed hands** {between}. " + " ".join(
        f"To {who}: {dates}." for who, dates in parts
    )


def _latest_first(places: list[Place]) -> str:
    """'on 13 Aug 2021 Qalat and Pul-e Alam (claimed); on 12 Aug 2021 Herat; and 8 earlier'.

    Whole days are named, newest first, while they fit in MAX_NAMED_PLACES names.
    """
    days: dict[dt.date, list[Place]] = {}
    for place in places:
        if place.since is not None:
            days.setdefault(place.since, []).append(place)
    groups: list[str] = []
    named = 0
    for day in sorted(days, reverse=True):
        on_day = sorted(days[day], key=lambda p: (p.label.casefold(), p.id))
        if groups and named + len(on_day) > MAX_NAMED_PLACES:
            break
        groups.append(f"on {words.day(day)} {words.join([_claimed(p) for p in on_day])}")
        named += len(on_day)
    if named < len(places):
        groups.append(f"and {len(places) - named} earlier")
    return "; ".join(groups)


def _claimed(place: Place) -> str:
    """The place's label, with its confidence when it is not confirmed."""
    label = inline(place.label)
    return label if place.confidence == "confirmed" else f"{label} ({place.confidence})"


def _evacuation_phrase(evacuation: Evacuation) -> str:
    details = [words.day(evacuation.announced)] if evacuation.announced else []
    if evacuation.troops is not None:
        troops = evacuation.troops
        details.append(f"{troops} troops" if troops.is_known else "troops undisclosed")
    if evacuation.embassy not in ("open", "unknown"):
        details.append(f"embassy {words.say(evacuation.embassy)}")
    country = inline(evacuation.country)
    return f"{country} ({inline(', '.join(details))})" if details else country


def _by(ctx: BriefContext, source_ids: list[str]) -> str:
    """', according to UNHCR and OCHA': the publishers of the sources, in the order given."""
    publishers: list[str] = []
    for source_id in source_ids:
        source = ctx.situation.source(source_id)
        if source is not None and source.publisher not in publishers:
            publishers.append(source.publisher)
    return f", according to {words.join(publishers)}" if publishers else ""


def _control_standing(ctx: BriefContext) -> str | None:
    summary = control_summary(ctx.situation)
    holding = [c for c in summary.parties if c.held]
    if not holding:
        return None
    leader = max(holding, key=lambda c: c.held)
    return _control_line(ctx, leader, summary.total) + "."


def _control_line(ctx: BriefContext, count: PartyCount, total: int) -> str:
    _, many = words.place_noun(ctx.situation)
    name = inline(words.party_name(ctx.situation, count.party_id))
    split = [
        f"{n} {label}"
        for n, label in (
            (count.confirmed, "confirmed"),
            (count.reported, "reported"),
            (count.claimed, "claimed"),
        )
        if n
    ]
    if count.held and count.confirmed == count.held:
        split = ["all confirmed"]
    if count.contested:
        split.append(f"{count.contested} contested")
    detail = f" ({', '.join(split)})" if split else ""
    return f"{name}: {count.held:,} of {total:,} {many}{detail}"


def _nearest(ctx: BriefContext) -> str | None:
    nearest = nearest_to_seat(ctx.situation)
    if nearest is None:
        return None
    place = nearest.place
    holder = words.party_name(ctx.situation, place.holder)
    claim = "" if place.confidence == "confirmed" else f" ({place.confidence})"
    text = (
        f"Nearest to the seat of government: {words.place_title(place)}, held by {holder}"
        f"{claim}, {round(nearest.km):,} km from {nearest.seat.label}"
    )
    return inline(text)


def key_figures_section(ctx: BriefContext) -> str:
    """'## Key figures': control, distance to the seat, displacement, evacuations."""
    s = ctx.situation
    summary = control_summary(s)
    items = [_control_line(ctx, c, summary.total) for c in summary.parties if summary.total]
    nearest = _nearest(ctx)
    if nearest:
        items.append(nearest)
    headlines = displacement_headlines(s)
    for d in headlines:
        text = inline(f"{words.displacement_line(d)}{_by(ctx, d.sources)}")
        items.append(ctx.citations.cite_after(text, d.sources))
    evacuations = _evacuation_figures(ctx)
    if evacuations:
        items.append(evacuations)
    if not items:
        return f"{heading(2, 'Key figures')}\n\nNo figures recorded."
    body = bullets(items)
    if len(headlines) > 1:
        body += "\n\nDisplacement figures have different scopes and dates; they are not added up."
    return f"{heading(2, 'Key figures')}\n\n{body}"


def _evacuation_figures(ctx: BriefContext) -> str | None:
    """'Countries evacuating: 6; troops committed: at least 3,600 (from 3 countries; ...)'."""
    summary = evacuation_summary(ctx.situation)
    if not summary.countries:
        return None
    text = f"Countries evacuating: {len(summary.countries):,}"
    if summary.with_troops:
        senders = words.plural(summary.with_troops, "country", "countries")
        text += f"; troops committed: {summary.troops} (from {senders}"
        undisclosed = sum(1 for e in summary.countries if e.troops and not e.troops.is_known)
        if undisclosed:
            text += f"; {words.plural(undisclosed, 'number')} undisclosed"
        text += ")"
    return text
