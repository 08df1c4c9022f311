"""The strip's seat card: where the first seat of government stands, as the brief says it.

Held: by whom, and the nearest place held by a hostile side with its distance.
Fallen, contested, besieged, unclear: that, since when. A dissolved or merged
party: that, and when; never a distance.
"""

from __future__ import annotations

from textual.content import Content

from sitrep.app.widgets.fit import MORE_STYLE, Item, content, first_fitting, name
from sitrep.app.widgets.marks import control_label, party_color, party_name
from sitrep.brief import words
from sitrep.geo.marks import GLYPHS, change_kind
from sitrep.model.derived.derive import SeatStatus
from sitrep.model.situation import Situation

TITLE = "bold $text-muted"
MUTED = "$text-muted"


def seat_card(s: Situation, seats: list[SeatStatus], width: int) -> Content:
    """The headline seat (the first party's with one), '+N' when there are more."""
    if not seats:
        title = first_fitting([[("SEAT OF GOVERNMENT", TITLE)], [("SEAT", TITLE)]], width)
        return _join(title, [[("no party has a seat", f"{MUTED} italic")]])
    status = seats[0]
    more = f" +{len(seats) - 1}" if len(seats) > 1 else ""
    seat, party = name(status.seat.label), name(status.party.label)
    title = first_fitting(
        [
            [(f"SEAT OF {party.upper()} · {seat.upper()}", TITLE), (more, MORE_STYLE)],
            [(f"SEAT · {seat.upper()}", TITLE), (more, MORE_STYLE)],
            [(seat.upper(), TITLE), (more, MORE_STYLE)],
        ],
        width,
    )
    return _join(title, [first_fitting(v, width) for v in _body(s, status, width)])


def _join(title: Item, body: list[Item]) -> Content:
    return Content("\n").join([content(title), *(content(line) for line in body)])


def _party(s: Situation, party_id: str | None) -> tuple[str, str]:
    return name(party_name(s, party_id)), f"bold {party_color(s, party_id)}"


def _body(s: Situation, status: SeatStatus, width: int) -> list[list[Item]]:
    """Each line's wordings, longest first."""
    change = status.seat.current
    since = words.day(status.since) if status.since else None
    if status.state == "gone":
        party = name(status.party.label)
        verb = "merged into " + party_name(s, status.party.merged_into)
        what = verb if status.party.status == "merged" else "dissolved"
        return [[[(f"{party} {what}", "bold")], [(what, "bold")]], _on(since)]
    if status.state == "unknown" or change is None:
        return [[[("control not stated", f"{MUTED} italic")]]]
    label = name(control_label(s, change))
    if status.state == "fallen":
        glyph = GLYPHS[change_kind(change)]
        sure = "" if change.confidence == "confirmed" else f" ({change.confidence})"
        if change.state == "controlled":
            fell = [(f"{glyph} fell to ", "bold"), _party(s, status.holder), (sure, MUTED)]
            return [[fell, [_party(s, status.holder)]], _on(since)]
        return [[[(label, "bold"), (sure, MUTED)]], _on(since, "since")]
    if status.state == "contested" and change.state == "contested":
        return _contested(s, change.parties, label, since, width)
    if status.state in ("contested", "unclear"):
        text = label if status.state == "contested" else f"{GLYPHS['unclear']} control unclear"
        return [[[(text, "bold")]], _on(since, "since")]
    glyph = GLYPHS[change_kind(change)]
    if status.state == "held":
        held = [[(f"{glyph} held by ", ""), _party(s, status.holder)], [_party(s, status.holder)]]
    else:  # besieged, encircled, partly held
        held = [[(label, "bold")]]
    return [held, _nearest(s, status, width)]


def _contested(
    s: Situation, parties: list[str], label: str, since: str | None, width: int
) -> list[list[Item]]:
    """'◐ contested: Army, RSF' then 'since 15 Apr 2023'; when that is too wide,
    '◐ contested since 15 Apr 2023' then the parties, each in its colour."""
    if len(label) <= width:
        return [[[(label, "bold")]], _on(since, "since")]
    names: Item = []
    for party in dict.fromkeys(parties):
        names += [(", ", "")] if names else []
        names.append(_party(s, party))
    glyph = GLYPHS["contested"]
    first = [[(f"{glyph} contested since {since}", "bold")]] if since else []
    return [
        [*first, [(f"{glyph} contested between", "bold")], [(f"{glyph} contested", "bold")]],
        [names],
    ]


def _on(day: str | None, word: str = "on") -> list[Item]:
    return [[(f"{word} {day}", MUTED)]] if day else [[("", "")]]


def _nearest(s: Situation, status: SeatStatus, width: int) -> list[Item]:
    """'nearest hostile: Pul-e Alam, 61 km'; when narrow the place's name gives way first."""
    place, km = status.nearest, status.km
    if place is None or km is None:
        if status.seat.lat is None or status.seat.lon is None:
            return [[("seat has no coordinates", f"{MUTED} italic")]]
        return [[("no hostile place located", f"{MUTED} italic")]]
    color = _party(s, place.holder)[1]
    distance = (f"{round(km):,} km", "bold")
    room = width - len("hostile: ") - len(f" {distance[0]}")
    return [
        [("nearest hostile: ", MUTED), (name(place.label), color), (", ", ""), distance],
        [("hostile: ", MUTED), (name(place.label), color), (" ", ""), distance],
        [("hostile: ", MUTED), (name(place.label, max(room, 4)), color), (" ", ""), distance],
        [("hostile ", MUTED), distance],
    ]
