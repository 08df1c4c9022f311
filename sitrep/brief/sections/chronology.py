"""'Changes of control in the period': every dated change in words, oldest first.

Each change says what it is: a change of hands (from whom, to whom), control
by a party with no earlier holder recorded, fighting breaking out, a siege, a
confirmation of the same holder, a claim retracted. Nothing is called a change
of hands that is not one.
"""

from __future__ import annotations

import datetime as dt
import heapq

from sitrep.brief import control_text, words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import inline
from sitrep.brief.limits import export_command, left_out
from sitrep.brief.markdown import bullets
from sitrep.model.derived.control import controller_before
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation

Event = tuple[dt.date, str, Place, ControlChange, bool]
"""(date, sort key, place, change, whether it is the change's retraction)."""


def chronology(ctx: BriefContext) -> str:
    """The changes of control dated in the period, one line each, in date order.

    Above the brief's limit, the newest changes up to it, newest first, then a
    line counting the earlier ones. Only the changes shown are put in words.
    """
    found = ctx.census.events
    when = words.period(ctx.start, ctx.end)
    if not found:
        return f"No change of control recorded from {when}."
    if len(found) > ctx.limit:  # only the changes as new as the limit-th are sorted by name
        cut = heapq.nlargest(ctx.limit, [date for date, _, _, _ in found])[-1]
        chosen = [e for e in found if e[0] >= cut]
    else:
        chosen = found
    events = [(date, place.label.casefold(), place, change, r) for date, place, change, r in chosen]
    events.sort(key=lambda e: (e[0], e[1]))
    if len(found) <= ctx.limit:
        return f"From {when}, in date order:\n\n{bullets(_items(ctx, events))}"
    shown = events[-ctx.limit :][::-1]
    intro = f"From {when}, the newest {ctx.limit:,} of {len(found):,} changes, newest first:"
    command = export_command(ctx.source_name, "places", history=True)
    rest = left_out(len(found) - len(shown), "change in the period", command, earlier=True)
    return f"{intro}\n\n{bullets(_items(ctx, shown))}\n\n{rest}"


def _items(ctx: BriefContext, events: list[Event]) -> list[str]:
    s = ctx.situation
    items = []
    for date, _, place, change, retraction in events:
        text = _retraction(s, place, change) if retraction else describe(s, place, change)
        items.append(ctx.citations.cite_after(inline(f"{words.day(date)}: {text}"), change.sources))
    return items


def describe(s: Situation, place: Place, change: ControlChange) -> str:
    """One change in words, with how it happened and how sure it is."""
    title = words.place_title(place)
    what, confirmation = _what(s, place, change)
    if confirmation:  # nothing happened but a change of how sure it is
        return f"{title}{what}"
    how = "how not known" if change.how == "unknown" else words.say(change.how)
    return f"{title}{what} ({how}; {words.confidence(change)})"


def _what(s: Situation, place: Place, change: ControlChange) -> tuple[str, bool]:
    """What the change did (' changed hands, from A to B'...), and whether only sureness moved."""
    after = change.controller
    before = place.previous_change(change)
    phrase = control_text.state_phrase(s, change)
    if after is not None:
        earlier = controller_before(place, change)
        if earlier is not None and earlier != after:
            was, now = s.party_name(earlier), s.party_name(after)
            held = "" if change.state == "controlled" else f" ({phrase})"
            return f" changed hands, from {was} to {now}{held}", False
        if earlier is None and change.state == "controlled":
            return f" came under the control of {s.party_name(after)}", False
    if before is None:
        return f": {phrase}", False
    was = control_text.state_phrase(s, before)
    if was == phrase:
        if before.confidence != change.confidence:
            sure = words.confidence(change)
            return f": {phrase}, now {sure} (was {before.confidence})", True
        return f": {phrase}, restated", False
    if after is not None and before.controller == after:
        if change.state == "controlled":
            return f": {phrase}, no longer {_NO_LONGER.get(before.state, before.state)}", False
        return f": {phrase}", False
    if before.state == "unclear":
        return f": {phrase}, after a spell of unclear control", False
    return f": {phrase}, after being {was}", False


_NO_LONGER = {"partial": "only partly held"}


def _retraction(s: Situation, place: Place, change: ControlChange) -> str:
    title = words.place_title(place)
    claimed = f" of {words.day(change.date)}" if change.date else ""
    note = f": {change.retracted_note}" if change.retracted_note else ""
    return (
        f"{title}: the claim{claimed} that it was {control_text.state_phrase(s, change)} "
        f"was retracted{note}"
    )
