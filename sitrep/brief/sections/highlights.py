"""The brief's highlights: the analyst's own first, then what the data says happened.

Only news of the period is highlighted: places that changed hands (or came under
a party's control with no earlier holder recorded), fighting that began, a seat
of government that fell, evacuations announced, embassies changed, figures dated
in the period. Older values are context (see key_figures.py), never a highlight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sitrep.brief import control_text, figure_text, words
from sitrep.brief.context import BriefContext, embassy_date
from sitrep.brief.escape import inline
from sitrep.brief.markdown import bullets, heading
from sitrep.model.derived.control import change_on
from sitrep.model.entries import ControlChange, Evacuation, Place

MAX_DATA_HIGHLIGHTS = 6
MAX_FIGURE_HIGHLIGHTS = 2
MAX_NAMED_PLACES = 10
"""How many places a highlight names before saying 'and N more before <date>'."""
UNDER_PRESSURE = {
    "contested": "contested",
    "besieged": "besieged",
    "encircled": "encircled",
    "partial": "partly held",
}

Dated = tuple[dt.date, Place, ControlChange]


def highlights_section(ctx: BriefContext) -> str:
    """'## Highlights': the analyst's own highlights first, then the period's news from the data."""
    items = [inline(text) for text in ctx.situation.header.highlights if inline(text)]
    items.extend(data_highlights(ctx))
    body = bullets(items) if items else "Nothing to highlight for this period."
    return f"{heading(2, 'Highlights')}\n\n{body}"


def data_highlights(ctx: BriefContext) -> list[str]:
    """What happened in the period, most important first, at most MAX_DATA_HIGHLIGHTS."""
    s = ctx.situation
    seats = [
        status
        for status in ctx.seats
        if status.state not in ("held", "unknown") and ctx.in_period(status.since)
    ]
    found = [inline(control_text.seat_line(s, status)) + "." for status in seats]
    hands = [(h.change.date, h.place, h.change, h.after) for h in ctx.hands]
    if hands:
        found.append(_moves(ctx, hands, gained=False))
    gains = [(g.change.date, g.place, g.change, g.holder) for g in ctx.gains]
    if gains:
        found.append(_moves(ctx, gains, gained=True))
    fighting = _fighting(ctx, {status.seat.id for status in seats})
    if fighting:
        found.append(fighting)
    evacuations = ctx.new_evacuations()
    if evacuations:
        named = "; ".join(_evacuation_phrase(e) for e in evacuations)
        found.append(f"New evacuation announcements: {named}.")
    embassies = ctx.embassy_changes()
    if embassies:
        named = "; ".join(_embassy_phrase(e) for e in embassies)
        found.append(f"Embassy status in the period: {named}.")
    news = [f for f in ctx.figures if f.in_period and f.point.value.is_known]
    news = news[:MAX_FIGURE_HIGHLIGHTS]
    for figure in news:
        found.append(inline(figure_text.headline(s, figure)) + ".")
    return found[:MAX_DATA_HIGHLIGHTS]


def _moves(
    ctx: BriefContext,
    moves: list[tuple[dt.date | None, Place, ControlChange, str]],
    *,
    gained: bool,
) -> str:
    """'**18 provinces changed hands** between ..., all to the rebels: on 13 Aug 2021 ...'.

    With ``gained``, places that came under a party's control with no earlier
    holder recorded: '**2 cities came under the control of the Northern Front** ...'.
    """
    s = ctx.situation
    by_holder: dict[str, list[Dated]] = {}
    for date, place, change, holder in moves:
        assert date is not None
        by_holder.setdefault(holder, []).append((date, place, change))
    kind = words.kind_of(place for _, place, _, _ in moves)
    count = words.places(len(moves), kind)
    between = f"between {words.day(ctx.start)} and {words.day(ctx.end)}"
    parts = [
        (inline(s.party_name(holder)), _latest_first(ctx, dated))
        for holder, dated in by_holder.items()
    ]
    if gained:
        aside = " (earlier holder not recorded)"
        if len(parts) == 1:
            who, dates = parts[0]
            return f"**{count} came under the control of {who}** {between}{aside}: {dates}."
        head = f"**{count} came under a party's control** {between}{aside}."
        return f"{head} " + " ".join(f"Under {who}: {dates}." for who, dates in parts)
    if len(parts) == 1:
        who, dates = parts[0]
        everyone = "all " if len(moves) > 1 else ""
        return f"**{count} changed hands** {between}, {everyone}to {who}: {dates}."
    head = f"**{count} changed hands** {between}."
    return f"{head} " + " ".join(f"To {who}: {dates}." for who, dates in parts)


def _latest_first(ctx: BriefContext, dated: Sequence[Dated]) -> str:
    """'on 13 Aug 2021 North Town and West Town (claimed); on 12 Aug 2021 Port City; and 8 more
    before 12 Aug 2021'. Whole days are named, newest first, while they fit.
    """
    days: dict[dt.date, list[tuple[Place, ControlChange]]] = {}
    for date, place, change in dated:
        days.setdefault(date, []).append((place, change))
    groups: list[str] = []
    named = 0
    last = None
    for day in sorted(days, reverse=True):
        on_day = sorted(days[day], key=lambda pc: (pc[0].label.casefold(), pc[0].id))
        if groups and named + len(on_day) > MAX_NAMED_PLACES:
            break
        labels = [_sureness(ctx, place, change) for place, change in on_day]
        groups.append(f"on {words.day(day)} {words.join(labels)}")
        named += len(on_day)
        last = day
    if named < len(dated) and last is not None:
        groups.append(f"and {len(dated) - named:,} more before {words.day(last)}")
    return "; ".join(groups)


def _sureness(ctx: BriefContext, place: Place, change: ControlChange) -> str:
    """The place's label, with how sure its control is when not confirmed, or what it is now.

    A capture first claimed and since confirmed by the same holder reads as
    confirmed; a place that has since been retaken or fought over says so.
    """
    label = inline(place.label)
    now = change_on(place, ctx.end)
    if now is not None and now.controller != change.controller:
        if now.controller is not None:
            return f"{label} (now held by {inline(ctx.situation.party_name(now.controller))})"
        return f"{label} (now {'contested' if now.state == 'contested' else 'unclear'})"
    sure = now or change
    return label if sure.confidence == "confirmed" else f"{label} ({sure.confidence})"


def _fighting(ctx: BriefContext, said: set[str]) -> str | None:
    """'**2 places newly contested or besieged**: X, contested between A and B since ...'.

    Places whose current state (contested, besieged, encircled, partly held)
    began in the period. None of them changed hands by it. Seats whose state
    has a highlight of its own (``said``) are not named twice.
    """
    s = ctx.situation
    found: list[tuple[dt.date, Place, ControlChange]] = []
    for date, place, change, retraction in ctx.census.events:  # those dated in the period
        if retraction or change.state not in UNDER_PRESSURE or place.id in said:
            continue
        if change is ctx.current(place):
            found.append((date, place, change))
    if not found:
        return None
    found.sort(key=lambda d: (d[0], d[1].label.casefold(), d[1].id))
    states = dict.fromkeys(UNDER_PRESSURE[c.state] for _, _, c in found)
    kind = words.kind_of(place for _, place, _ in found)
    count = f"**{words.places(len(found), kind)} newly {words.join(list(states), 'or')}**"
    shown = []
    for date, place, change in found[-MAX_NAMED_PLACES:]:
        sure = "" if change.confidence == "confirmed" else f" ({words.confidence(change)})"
        phrase = control_text.state_phrase(s, change).replace(", besieged", " and besieged")
        phrase = phrase.replace(", encircled", " and encircled")
        shown.append(inline(f"{place.label}, {phrase} since {words.day(date)}{sure}"))
    more = len(found) - len(shown)
    tail = f"; and {more:,} more since earlier dates" if more > 0 else ""
    return f"{count}: {'; '.join(shown)}{tail}."


def _evacuation_phrase(evacuation: Evacuation) -> str:
    """'United Kingdom (12 Aug 2021, about 600 troops)'; an organisation says so."""
    details = [] if evacuation.actor_kind == "state" else [words.say(evacuation.actor_kind)]
    if evacuation.status != "announced":
        details.append(words.say(evacuation.status))
    if evacuation.announced:
        details.append(words.day(evacuation.announced))
    if evacuation.evacuees is not None:
        details.append(f"evacuees: {evacuation.evacuees}")
    if evacuation.troops is not None:
        troops = evacuation.troops
        details.append(f"{troops} troops" if troops.is_known else f"troops {troops}")
    actor = inline(evacuation.actor)
    return f"{actor} ({inline(', '.join(details))})" if details else actor


def _embassy_phrase(evacuation: Evacuation) -> str:
    """'Freedonia, reduced (8 Mar 2024)'."""
    date = embassy_date(evacuation)
    sure = "" if evacuation.embassy_confidence == "confirmed" else evacuation.embassy_confidence
    details = ", ".join(x for x in (words.day_or(date, ""), sure) if x)
    when = f" ({details})" if details else ""
    return inline(f"{evacuation.actor}, {words.say(evacuation.embassy)}{when}")
