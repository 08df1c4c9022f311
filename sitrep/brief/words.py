"""Plain words for dates, enum values, places and figures in the brief.

Everything returned here is plain text, not yet escaped: pass user-derived
results through :func:`sitrep.brief.escape.inline` before writing them out.
"""

from __future__ import annotations

import datetime as dt

from sitrep.model.entries import Displacement, Place
from sitrep.model.figure import Figure
from sitrep.model.situation import Situation

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ENUM_WORDS = {
    "temporarily_closed": "temporarily closed",
    "party_statement": "party statement",
    "un_ngo": "UN/NGO",
    "unknown": "not known",
}


def say(value: str) -> str:
    """An enum value in words: 'temporarily closed', 'UN/NGO', 'not known'."""
    return _ENUM_WORDS.get(value, value.replace("_", " "))


def day(date: dt.date) -> str:
    """A date as '13 Aug 2021' (English month names, whatever the locale)."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def day_or(date: dt.date | None, missing: str = "—") -> str:
    """A date as '13 Aug 2021', or ``missing`` when there is none."""
    return day(date) if date is not None else missing


def period(start: dt.date, end: dt.date) -> str:
    """A period as '6 Aug 2021 to 13 Aug 2021'."""
    return f"{day(start)} to {day(end)}"


def capitalized(text: str) -> str:
    """Text with its first letter in upper case, to start a line: 'Refugees in ...'."""
    return text[:1].upper() + text[1:]


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 capital', '3 capitals' (with thousands separators)."""
    return f"{count:,} {singular if count == 1 else many or singular + 's'}"


def join(items: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def place_noun(situation: Situation) -> tuple[str, str]:
    """('capital', 'capitals') when every place has a capital, else ('place', 'places')."""
    if situation.territory and all(p.capital for p in situation.territory):
        return "capital", "capitals"
    return "place", "places"


def place_title(place: Place) -> str:
    """'Pul-e Alam (Logar)': the capital with its place, or just the name."""
    if place.capital and place.capital != place.name:
        return f"{place.capital} ({place.name})"
    return place.label


def party_name(situation: Situation, party_id: str) -> str:
    """A party's name, falling back to its id when it is not listed."""
    party = situation.party(party_id)
    return party.name if party is not None else party_id


def confidence(place: Place) -> str:
    """'confirmed', 'claimed, according to Taliban', 'contested; reported'."""
    text: str = place.confidence
    if place.according_to and place.confidence != "confirmed":
        text += f", according to {place.according_to}"
    if place.control == "contested":
        text = f"contested; {text}"
    return text


def figure_with_unit(figure: Figure, unit: str) -> str:
    """'at least 389,645 people', 'hundreds of thousands of people'; 'undisclosed' alone."""
    if not figure.is_known:
        return str(figure)
    return f"{figure} of {unit}" if figure.kind == "words" else f"{figure} {unit}"


def displacement_scope(d: Displacement) -> str:
    """What a displacement figure counts, where and over what period, e.g.
    'IDPs in Afghanistan (new since 1 Jan 2021)'.
    """
    if d.measure == "new":
        span = f"new since {day(d.since)}" if d.since else "new"
    else:
        span = f"total, counting from {day(d.since)}" if d.since else "total"
    return f"{d.counted} in {d.area} ({span})"


def displacement_line(d: Displacement) -> str:
    """'IDPs in Afghanistan (new since 1 Jan 2021): 389,645 people, as of 8 Aug 2021'."""
    scope = capitalized(displacement_scope(d))
    return f"{scope}: {figure_with_unit(d.figure, d.unit)}, as of {day(d.as_of)}"
