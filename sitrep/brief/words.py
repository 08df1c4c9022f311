"""Plain words for dates, enum values, counts and places in the brief.

Everything returned here is plain text, not yet escaped: pass user-derived
results through :func:`sitrep.brief.escape.inline` before writing them out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from sitrep.model.entries import ControlChange, Place
from sitrep.model.kinds.places import place_noun

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ENUM_WORDS = {
    "temporarily_closed": "temporarily closed",
    "party_statement": "party statement",
    "un_ngo": "UN/NGO",
    "unknown": "not known",
    "under_way": "under way",
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
    """Text with its first letter in upper case, to start a line: 'The rebels ...'."""
    return text[:1].upper() + text[1:]


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 capital', '3 capitals' (with thousands separators)."""
    return f"{count:,} {singular if count == 1 else many or singular + 's'}"


def join(items: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def places(count: int, kind: str = "other") -> str:
    """'1 province', '18 provinces', '3 places' (kind 'other')."""
    return f"{count:,} {place_noun(kind, count)}"


def kind_of(items: Iterable[Place]) -> str:
    """The kind all these places share, else 'other' (counted as 'places')."""
    kinds = {p.kind for p in items}
    return kinds.pop() if len(kinds) == 1 else "other"


def kind_counts(items: Iterable[Place]) -> str:
    """'17 provinces and 1 airport': places counted by kind, most first."""
    return counted_kinds(Counter(p.kind for p in items))


def counted_kinds(counts: Counter[str]) -> str:
    """'17 provinces and 1 airport' from places counted by kind."""
    ordered = sorted(counts, key=lambda k: (-counts[k], k == "other", k))
    return join([places(counts[k], k) for k in ordered])


def place_title(place: Place) -> str:
    """'Port City (Coast Province)': the capital with its place, or just the name."""
    if place.capital and place.capital != place.name:
        return f"{place.capital} ({place.name})"
    return place.label


def confidence(change: ControlChange) -> str:
    """'confirmed', 'claimed, according to a rebel spokesman', 'reported'."""
    text: str = change.confidence
    if change.according_to and change.confidence != "confirmed":
        text += f", according to {change.according_to}"
    return text
