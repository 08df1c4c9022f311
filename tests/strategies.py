"""Hypothesis strategies for valid situations: every entry type, every figure kind, tricky text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from sitrep.model.entries import (
    Assessment,
    Displacement,
    Evacuation,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.figure import MAX_FIGURE, WORD_BOUNDS, Figure
from sitrep.model.situation import MAX_REPORT_NUMBER, Header, Situation

# Strings YAML 1.1, YAML 1.2 or a careless emitter would read back as something else.
TRICKY = [
    "NO", "no", "Yes", "on", "OFF", "y", "n", "true", "False", "null", "Null", "~", "",
    "1:30", "0123", "0x1F", "0o17", "1_000", "1e5", "1E+5", ".5", "1.", "+1", "-0", ".inf",
    ".NaN", "2021-08-13", "2021-08-13 10:00:00", "=", "<<", "- x", "-", "#", "# x", "a #b",
    "a#b", ": ", "a: b", "a:", ":a", "? x", "@x", "`x", "!x", "!!str x", "&x", "*x", "%x", "|",
    "|-", ">", "'", "''", '"', "[x]", "{x: y}", ",", "--- x", "---", "...", " lead", "trail ",
    " ", "  ", "\t", "x\t", "\tx", "x\n", "x\n\n", "\n", "\n\n", "\nx", " \nx", "x \ny",
    "a\r\nb", "a\rb", "\r", "\x85", "a\x85b", "\u2028", "\u2029", "\ufeff", "\ufeffx", "\x00",
    "\x07", "\x1b[31m", "\x1b]0;t\x07", "\x7f", "\x9b", "\ud7ff", "\ue000", "\ufffd", "\ufffe",
    "é", "e\u0301", "🙂", "👨‍👩‍👧", "喀布尔", "کابل", "\u202eevil", "x" * 73, " " + "y" * 80,
    "y" * 80 + " ", "z" * 80 + "\n", "a  \n b", "line\n  indented\n", "|\n x", "\\", "\\n",
    "%TAG", "a\u00a0b", "\u00a0", "\u3000",
]  # fmt: skip

ID_TRICKS = ["NO", "0123", "1e5", "1.5", "null", "true", "y", "0x1F", "1_0", "2021-08-13", "a.b"]

tricky_text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=30),
    st.lists(st.sampled_from(TRICKY) | st.text(max_size=6), max_size=4).map("".join),
)
text = tricky_text.filter(bool)
optional_text = st.none() | tricky_text
ids = st.sampled_from(ID_TRICKS) | st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,12}\Z")
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
optional_dates = st.none() | dates
numbers = st.integers(min_value=0, max_value=MAX_FIGURE)


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    """A figure of any kind, built from the phrase a user would type."""
    kind = draw(st.sampled_from(["exact", "about", "at least", "more than", "up to", "range"]))
    if draw(st.integers(0, 9)) == 0:
        return Figure.parse(draw(st.sampled_from(["undisclosed", *WORD_BOUNDS])))
    n = draw(numbers)
    if kind == "exact":
        return Figure.exact(n)
    if kind == "range":
        low = min(n, MAX_FIGURE - 1)
        return Figure.parse(f"{low}-{draw(st.integers(low + 1, min(low + 10**6, MAX_FIGURE)))}")
    return Figure.parse(f"{kind} {n}")


headers = st.builds(
    Header,
    title=text,
    region=text,
    as_of=dates,
    as_of_time=st.none() | st.sampled_from(["00:00", "09:05", "18:30", "23:59"]),
    report_number=st.none() | st.integers(1, MAX_REPORT_NUMBER),
    produced_by=optional_text,
    highlights=st.lists(tricky_text, max_size=3),
    outline=optional_text,
)


def _header_ok(header: Header, draw: st.DrawFn) -> Header:
    updates: dict[str, Any] = {}
    if header.as_of_time is not None and draw(st.booleans()):
        updates["timezone"] = draw(st.sampled_from(["UTC+04:30", "UTC", "Asia/Kabul", "-05:00"]))
    if draw(st.booleans()):
        start = draw(dates)
        updates["period_start"] = start
        updates["period_end"] = draw(st.none() | st.dates(min_value=start))
    return header.model_copy(update=updates) if updates else header


def parties() -> st.SearchStrategy[Party]:
    return st.builds(Party, id=ids, name=text, short=optional_text)


def sources() -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        id=ids,
        publisher=text,
        title=optional_text,
        url=optional_text,
        kind=st.sampled_from(["official", "party_statement", "media", "un_ngo"]),
        reliability=st.none() | st.sampled_from(list("ABCDEF")),
        published=optional_dates,
        note=optional_text,
    )


def _refs(source_ids: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(source_ids), max_size=3) if source_ids else st.just([])


@st.composite
def situations(draw: st.DrawFn, max_entries: int = 4) -> Situation:
    """A valid situation: unique ids, references that resolve, one seat at most."""
    header = _header_ok(draw(headers), draw)
    the_parties = draw(st.lists(parties(), max_size=max_entries, unique_by=lambda p: p.id))
    the_sources = draw(st.lists(sources(), max_size=max_entries, unique_by=lambda s: s.id))
    source_ids = [s.id for s in the_sources]
    refs = _refs(source_ids)
    places: list[Place] = []
    if the_parties:
        for place_id in draw(st.lists(ids, max_size=max_entries, unique=True)):
            places.append(draw(_place(place_id, [p.id for p in the_parties], refs)))
    seat = next((i for i, p in enumerate(places) if p.seat_of_government), None)
    for i, place in enumerate(places):
        if place.seat_of_government and i != seat:
            places[i] = place.model_copy(update={"seat_of_government": False})
    evacuations = draw(
        st.lists(
            st.builds(
                Evacuation,
                country=text,
                troops=st.none() | figures(),
                purpose=optional_text,
                embassy=st.sampled_from(["unknown", "open", "closed", "relocated"]),
                wording=optional_text,
                announced=optional_dates,
                sources=refs,
                note=optional_text,
            ),
            max_size=max_entries,
            unique_by=lambda e: e.country.casefold(),
        )
    )
    displacement = draw(
        st.lists(
            st.builds(
                Displacement,
                id=ids,
                counted=text,
                figure=figures(),
                unit=st.sampled_from(["people", "households"]),
                measure=st.sampled_from(["stock", "new"]),
                area=text,
                since=optional_dates,
                as_of=dates,
                sources=refs,
                note=optional_text,
            ),
            max_size=max_entries,
            unique_by=lambda d: d.id,
        )
    )
    notes = draw(st.lists(notes_for(source_ids), max_size=max_entries))
    outlook = draw(
        st.lists(
            st.builds(
                Assessment,
                statement=text,
                by=text,
                kind=st.sampled_from(["forecast", "assessment"]),
                horizon=optional_text,
                made_on=optional_dates,
                sources=refs,
            ),
            max_size=max_entries,
        )
    )
    return Situation(
        header=header,
        parties=the_parties,
        sources=the_sources,
        territory=places,
        evacuations=evacuations,
        displacement=displacement,
        notes=notes,
        outlook=outlook,
    )


def notes_for(source_ids: list[str]) -> st.SearchStrategy[Note]:
    """A note citing only the given sources."""
    return st.builds(
        Note,
        date=dates,
        text=text,
        sector=optional_text,
        tags=st.lists(tricky_text, max_size=3),
        sources=_refs(source_ids),
    )


@st.composite
def _place(
    draw: st.DrawFn, place_id: str, party_ids: list[str], refs: st.SearchStrategy[list[str]]
) -> Place:
    located = draw(st.booleans())
    return Place(
        id=place_id,
        name=draw(text),
        capital=draw(optional_text),
        aliases=draw(st.lists(tricky_text, max_size=2)),
        iso=draw(optional_text),
        pcode=draw(optional_text),
        lat=draw(st.floats(-90, 90)) if located else None,
        lon=draw(st.floats(-180, 180)) if located else None,
        holder=draw(st.sampled_from(party_ids)),
        control=draw(st.sampled_from(["controlled", "contested"])),
        confidence=draw(st.sampled_from(["confirmed", "reported", "claimed"])),
        according_to=draw(optional_text),
        since=draw(optional_dates),
        how=draw(st.sampled_from(["fighting", "negotiated", "withdrawal", "unknown"])),
        seat_of_government=draw(st.booleans()),
        sources=draw(refs),
        note=draw(optional_text),
    )
