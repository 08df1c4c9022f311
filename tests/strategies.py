"""Hypothesis strategies for valid situations: every entry type, every figure kind, tricky text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import (
    Assessment,
    ControlChange,
    Evacuation,
    FigureEntry,
    FigurePoint,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.numbers.figure import MAX_FIGURE, WORD_BOUNDS, Figure
from sitrep.model.report import PastReport, Refresh
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
    kind = draw(
        st.sampled_from(
            ["exact", "about", "nearly", "just over", "at least", "more than", "up to", "range"]
        )
    )
    roll = draw(st.integers(0, 9))
    if roll == 0:
        return Figure.parse(draw(st.sampled_from(["undisclosed", "unknown", *WORD_BOUNDS])))
    n = draw(numbers)
    if kind == "exact":
        return Figure.exact(n) if roll % 2 else Figure.parse(f"{n:,}")
    if kind == "range":
        low = min(n, MAX_FIGURE - 1)
        return Figure.parse(f"{low}-{draw(st.integers(low + 1, min(low + 10**6, MAX_FIGURE)))}")
    if kind in ("nearly", "just over") and n == 0:
        n = 1
    return Figure.parse(f"{kind} {n:,}" if roll % 3 == 0 else f"{kind} {n}")


fuzzy_dates = st.one_of(
    dates.map(FuzzyDate.parse),
    dates.map(lambda d: FuzzyDate.parse(d.isoformat()[:7])),
    dates.map(lambda d: FuzzyDate.parse(f"{d.year:04d}")),
    dates.map(lambda d: FuzzyDate.parse(f"about {d.isoformat()}")),
    st.just(FuzzyDate.parse("unknown")),
)

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
    refresh=st.none()
    | st.builds(
        Refresh,
        places=st.none() | st.integers(1, 30),
        evacuations=st.none() | st.integers(1, 30),
        figures=st.none() | st.integers(1, 30),
    ),
    past_reports=st.lists(
        st.builds(
            PastReport,
            report_number=st.none() | st.integers(1, MAX_REPORT_NUMBER),
            as_of=dates,
            period_start=optional_dates,
            highlights=st.lists(tricky_text, max_size=2),
        ),
        max_size=2,
    ).map(lambda reports: sorted(reports, key=lambda r: r.as_of)),
)


def _header_ok(header: Header, draw: st.DrawFn) -> Header:
    updates: dict[str, Any] = {}
    if header.as_of_time is not None and draw(st.booleans()):
        updates["timezone"] = draw(st.sampled_from(["UTC+04:30", "UTC", "Etc/GMT-3", "-05:00"]))
    if draw(st.booleans()):
        start = draw(dates)
        updates["period_start"] = start
        updates["period_end"] = draw(st.none() | st.dates(min_value=start))
    return header.model_copy(update=updates) if updates else header


def parties() -> st.SearchStrategy[Party]:
    return st.builds(
        Party,
        id=ids,
        name=text,
        short=optional_text,
        in_text=optional_text,
        aliases=st.lists(tricky_text, max_size=2),
        side=st.none() | ids,
        note=optional_text,
    )


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
    """A valid situation: unique ids, references that resolve, histories in order."""
    header = _header_ok(draw(headers), draw)
    the_parties = draw(
        st.lists(parties(), max_size=max_entries, unique_by=lambda p: p.id.casefold())
    )
    the_sources = draw(
        st.lists(sources(), max_size=max_entries, unique_by=lambda s: s.id.casefold())
    )
    source_ids = [s.id for s in the_sources]
    refs = _refs(source_ids)
    party_ids = [p.id for p in the_parties]
    place_ids = draw(st.lists(ids, max_size=max_entries, unique_by=str.casefold))
    places = [draw(_place(pid, party_ids, place_ids[:i], refs)) for i, pid in enumerate(place_ids)]
    if places and the_parties and draw(st.booleans()):
        the_parties[0] = the_parties[0].model_copy(
            update={"seat": draw(st.sampled_from(place_ids))}
        )
    evacuations = draw(
        st.lists(
            st.builds(
                Evacuation,
                actor=text,
                actor_kind=st.sampled_from(["state", "organisation", "company", "other"]),
                status=st.sampled_from(
                    ["none", "planned", "announced", "under_way", "completed", "suspended"]
                ),
                evacuees=st.none() | figures(),
                nationalities=st.lists(tricky_text, max_size=2),
                means=st.lists(st.sampled_from(["air", "sea", "land"]), max_size=2, unique=True),
                route=optional_text,
                destinations=st.lists(tricky_text, max_size=2),
                troops=st.none() | figures(),
                purpose=optional_text,
                embassy=st.sampled_from(["unknown", "open", "closed", "relocated"]),
                embassy_since=optional_dates,
                embassy_confidence=st.sampled_from(["confirmed", "reported", "claimed"]),
                embassy_sources=refs,
                wording=optional_text,
                announced=optional_dates,
                sources=refs,
                note=optional_text,
            ),
            max_size=max_entries,
            unique_by=lambda e: e.actor.casefold(),
        )
    )
    figure_entries = draw(
        st.lists(
            _figure_entry(place_ids, refs),
            max_size=max_entries,
            unique_by=lambda d: d.id.casefold(),
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
        places=places,
        evacuations=evacuations,
        figures=figure_entries,
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
def _figure_entry(
    draw: st.DrawFn, place_ids: list[str], refs: st.SearchStrategy[list[str]]
) -> FigureEntry:
    points = draw(
        st.lists(
            st.builds(
                FigurePoint, as_of=fuzzy_dates, value=figures(), sources=refs, note=optional_text
            ),
            min_size=1,
            max_size=3,
        )
    )
    points.sort(key=lambda p: p.as_of.key)
    return FigureEntry(
        id=draw(ids),
        topic=draw(
            st.sampled_from(
                ["displacement", "casualties", "need", "assistance", "funding", "other"]
            )
        ),
        counted=draw(text),
        unit=draw(st.sampled_from(["people", "households", "percent", "USD", "EUR"])),
        measure=draw(st.sampled_from(["stock", "new"])),
        area=draw(text),
        place=draw(st.none() | st.sampled_from(place_ids)) if place_ids else None,
        since=draw(optional_dates),
        counted_by=draw(optional_text),
        series=points,
        note=draw(optional_text),
    )


@st.composite
def _changes(
    draw: st.DrawFn, party_ids: list[str], refs: st.SearchStrategy[list[str]]
) -> list[ControlChange]:
    if not party_ids:
        return []
    days = sorted(draw(st.lists(dates, max_size=3)))
    out: list[ControlChange] = []
    for i, day in enumerate([None, *days] if draw(st.booleans()) else days):
        state = draw(st.sampled_from(["controlled", "contested", "besieged", "partial", "unclear"]))
        holder = draw(st.sampled_from(party_ids))
        fields: dict[str, Any] = {
            "date": day,
            "state": state,
            "how": draw(
                st.sampled_from(["fighting", "negotiated", "withdrawal", "surrender", "unknown"])
            ),
            "confidence": draw(st.sampled_from(["confirmed", "reported", "claimed"])),
            "according_to": draw(optional_text),
            "sources": draw(refs),
            "note": draw(optional_text),
        }
        if state in ("controlled", "partial", "besieged"):
            fields["holder"] = holder
        if state == "contested":
            fields["parties"] = draw(st.lists(st.sampled_from(party_ids), min_size=1, max_size=2))
        if state == "besieged":
            fields["by"] = [draw(st.sampled_from(party_ids))]
        if state == "partial":
            fields["share"] = draw(optional_text)
        if day is not None and i and draw(st.integers(0, 5)) == 0:
            fields["retracted"] = day
        out.append(ControlChange(**fields))
    return out


@st.composite
def _place(
    draw: st.DrawFn,
    place_id: str,
    party_ids: list[str],
    earlier: list[str],
    refs: st.SearchStrategy[list[str]],
) -> Place:
    located = draw(st.booleans())
    return Place(
        id=place_id,
        name=draw(text),
        kind=draw(st.sampled_from(["country", "province", "district", "city", "airport", "other"])),
        within=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
        capital=draw(optional_text),
        aliases=draw(st.lists(tricky_text, max_size=2)),
        iso=draw(optional_text),
        pcode=draw(optional_text),
        lat=draw(st.floats(-90, 90)) if located else None,
        lon=draw(st.floats(-180, 180)) if located else None,
        control=draw(_changes(party_ids, refs)),
        sources=draw(refs),
        note=draw(optional_text),
    )
