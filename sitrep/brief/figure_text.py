"""Figures in words: what is counted, where, how much, by whom and as of when.

'People in need in the region: about 7.2 million (UN, as of Aug 2021)'.
The value is shown as the source wrote it ("about 7.2 million", never
"about 7,200,000"); "unknown" and "undisclosed" stay apart. Plain text, not
yet escaped (see words.py).
"""

from __future__ import annotations

from sitrep.brief import words
from sitrep.model.derived.derive import FigureLine
from sitrep.model.entries import FigureEntry, FigurePoint
from sitrep.model.numbers.figure import Figure
from sitrep.model.numbers.figure_words import PREFIXES
from sitrep.model.situation import Situation

TOPIC_TITLES = {
    "displacement": "Displacement",
    "casualties": "Casualties",
    "need": "People in need",
    "assistance": "Assistance",
    "funding": "Funding",
    "other": "Other figures",
}


def amount(figure: Figure, unit: str) -> str:
    """The value in its unit: '389,645', '1,200 households', 'about 40%', 'about USD 1.3 billion'.

    People are not named again (the counted text says who is counted).
    """
    if not figure.is_known:
        return str(figure)
    value = str(figure)
    if unit == "people":
        return value
    if figure.kind == "words":
        return f"{value} of {'households' if unit == 'households' else unit}"
    if unit == "households":
        return f"{value} households"
    if unit == "percent":
        return f"{value}%"
    return _money(value, unit)


def _money(value: str, currency: str) -> str:
    """The currency after the qualifier: 'about USD 1.3 billion', 'USD 868 million'."""
    lowered = value.lower()
    for prefix, _ in (*PREFIXES, ("between", "range")):
        if lowered.startswith(prefix) and (prefix == "~" or lowered[len(prefix) :][:1] == " "):
            rest = value[len(prefix) :].strip()
            qualifier = "about" if prefix == "~" else value[: len(prefix)]
            return f"{qualifier} {currency} {rest}"
    return f"{currency} {value}"


def label(entry: FigureEntry) -> str:
    """'IDPs in the region since 1 Jan 2021': what is counted, where, over what period.

    The area is left out when the counted text already names it (counted 'IDPs in X', area X),
    and the start when the counted text already says since when.
    """
    text = words.capitalized(entry.counted)
    counted = entry.counted.casefold()
    area_name = entry.area.split(" (", 1)[0].casefold()  # 'X (from Y)' is named by 'X'
    if area_name not in counted:
        text += f" in {entry.area}"
    if " since " in f" {counted} ":  # 'people displaced since 27 November': said already
        pass
    elif entry.measure == "new":
        text += f" since {words.day(entry.since)}" if entry.since else " (new)"
    elif entry.since:
        text += f" (counted from {words.day(entry.since)})"
    return text


def by(s: Situation, entry: FigureEntry, point: FigurePoint) -> str:
    """Who counted: the entry's counted_by, else the publishers of the point's sources."""
    if entry.counted_by:
        return entry.counted_by
    publishers: list[str] = []
    for source_id in point.sources:
        source = s.source(source_id)
        if source is not None and source.publisher not in publishers:
            publishers.append(source.publisher)
    return words.join(publishers)


def line(s: Situation, entry: FigureEntry, point: FigurePoint) -> str:
    """'People in need in the region: about 7.2 million (UN, as of Aug 2021)'."""
    who = by(s, entry, point)
    when = f"as of {point.as_of}" if point.as_of.first is not None else "date not known"
    about = f"{who}, {when}" if who else when
    return f"{label(entry)}: {amount(point.value, entry.unit)} ({about})"


def headline(s: Situation, figure: FigureLine) -> str:
    """The line of one of figure_headlines()."""
    return line(s, figure.entry, figure.point)
