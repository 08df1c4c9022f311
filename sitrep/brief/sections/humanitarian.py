"""The humanitarian (figures by topic, notes) and outlook sections."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sitrep.brief import figure_text, words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import cell, inline
from sitrep.brief.limits import export_command, left_out
from sitrep.brief.markdown import bullets, heading, table
from sitrep.model.derived.derive import TOPIC_ORDER
from sitrep.model.entries import FigureEntry, FigurePoint, Note

T = TypeVar("T")


def humanitarian_section(ctx: BriefContext) -> str:
    """'## Humanitarian': a table of figures per topic, then the notes in date order."""
    s = ctx.situation
    blocks = [heading(2, "Humanitarian")]
    day = s.header.as_of
    shown = [(e, p) for e in s.figures if (p := e.point_on(day)) is not None]
    if shown:
        blocks.append("Each figure has its own scope, date and source; they are not added up.")
    else:
        blocks.append("No figures recorded.")
    for topic in TOPIC_ORDER:
        chosen = [(e, p) for e, p in shown if e.topic == topic]
        if chosen:
            chosen.sort(key=lambda ep: (ep[1].as_of.key, ep[0].counted.casefold(), ep[0].id))
            blocks.append(heading(3, figure_text.TOPIC_TITLES[topic]))
            blocks += _newest(ctx, chosen, "figure", "figures", lambda c: [_figure_table(ctx, c)])
    blocks.append(heading(3, "Notes"))
    notes = sorted(s.notes, key=lambda n: n.date)
    blocks += _newest(ctx, notes, "note", "notes", lambda chosen: [_notes(ctx, chosen)])
    if not notes:
        blocks.append("No notes recorded.")
    return "\n\n".join(blocks)


def _newest(
    ctx: BriefContext, items: list[T], noun: str, section: str, show: Callable[[list[T]], list[str]]
) -> list[str]:
    """The blocks ``show`` makes of items (oldest first), or of the newest up to the limit.

    Above the limit: a line saying which are shown, the newest first, and one
    counting the earlier ones with the export command that writes them all.
    """
    if len(items) <= ctx.limit:
        return show(items) if items else []
    newest = items[-ctx.limit :][::-1]
    intro = f"The newest {ctx.limit:,} of {len(items):,} {noun}s, newest first:"
    command = export_command(ctx.source_name, section)
    return [intro, *show(newest), left_out(len(items) - ctx.limit, noun, command, earlier=True)]


def _notes(ctx: BriefContext, notes: list[Note]) -> str:
    items = []
    for note in notes:
        label = words.day(note.date) + (f" ({note.sector})" if note.sector else "")
        items.append(
            ctx.citations.cite_after(f"{inline(label)}: {inline(note.text)}", note.sources)
        )
    return bullets(items)


def _figure_table(ctx: BriefContext, chosen: list[tuple[FigureEntry, FigurePoint]]) -> str:
    with_earlier = any(e.series[0] is not p for e, p in chosen)
    with_note = any(e.note or p.note for e, p in chosen)
    with_by = any(e.counted_by for e, _ in chosen)
    header = ["As of", "Counted", "Area", "Figure", "Measure"]
    header += (["Counted by"] if with_by else []) + ["Sources"]
    header += (["Earlier"] if with_earlier else []) + (["Note"] if with_note else [])
    rows = []
    for entry, point in chosen:
        row = [
            inline(str(point.as_of)),
            inline(entry.counted),
            inline(entry.area),
            inline(figure_text.amount(point.value, entry.unit)),
            _measure(entry),
            *([cell(entry.counted_by)] if with_by else []),
            ctx.citations.cite(point.sources) or "—",
        ]
        if with_earlier:
            row.append(cell(_earlier(entry, point)))
        if with_note:
            row.append(cell("; ".join(n for n in (point.note, entry.note) if n) or None))
        rows.append(row)
    return table(header, rows)


def _earlier(entry: FigureEntry, point: FigurePoint) -> str | None:
    """The value before this one: 'at least 10,000 (28 Feb 2024)'."""
    index = next(i for i, p in enumerate(entry.series) if p is point)
    if index == 0:
        return None
    before = entry.series[index - 1]
    return f"{figure_text.amount(before.value, entry.unit)} ({before.as_of})"


def _measure(entry: FigureEntry) -> str:
    """'new since 1 Jan 2021', 'total', 'total, counted from 1 Jan 2021'."""
    if entry.measure == "new":
        return f"new since {words.day(entry.since)}" if entry.since else "new"
    total = "share" if entry.unit == "percent" else "total"
    return f"{total}, counted from {words.day(entry.since)}" if entry.since else total


def outlook_section(ctx: BriefContext) -> str:
    """'## Outlook': forecasts and assessments, labelled, with who made them and when."""
    title = heading(2, "Outlook")
    if not ctx.situation.outlook:
        return f"{title}\n\nNo forecasts or assessments recorded."
    items = []
    for item in ctx.situation.outlook:
        made = f", {words.day(item.made_on)}" if item.made_on else ", date not given"
        horizon = f"; horizon: {item.horizon}" if item.horizon else ""
        label = f"**{words.say(item.kind).capitalize()}** ({inline(item.by + made + horizon)})"
        items.append(ctx.citations.cite_after(f"{label}: {inline(item.statement)}", item.sources))
    intro = (
        "Forecasts and assessments by those named, as the analyst listed them. They are not facts."
    )
    return f"{title}\n\n{intro}\n\n{bullets(items)}"
