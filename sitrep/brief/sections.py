"""The evacuations, humanitarian and outlook sections."""

from __future__ import annotations

from sitrep.brief import words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import cell, inline
from sitrep.brief.markdown import bullets, heading, table
from sitrep.model.entries import Displacement


def evacuations_section(ctx: BriefContext) -> str:
    """'## Evacuations': one row per country, alphabetical."""
    evacuations = sorted(ctx.situation.evacuations, key=lambda e: (e.country.casefold(), e.country))
    title = heading(2, "Evacuations")
    if not evacuations:
        return f"{title}\n\nNo evacuations recorded."
    with_note = any(e.note for e in evacuations)
    header = ["Country", "Troops", "Purpose", "Embassy", "Official wording", "Announced"]
    header += ["Sources"] + (["Note"] if with_note else [])
    rows = []
    for e in evacuations:
        row = [
            inline(e.country),
            cell(str(e.troops) if e.troops is not None else None),
            cell(e.purpose),
            words.say(e.embassy),
            cell(e.wording),
            words.day_or(e.announced),
            ctx.citations.cite(e.sources) or "—",
        ]
        if with_note:
            row.append(cell(e.note))
        rows.append(row)
    return f"{title}\n\n{table(header, rows)}"


def humanitarian_section(ctx: BriefContext) -> str:
    """'## Humanitarian': displacement figures, then notes, each in date order."""
    s = ctx.situation
    blocks = [heading(2, "Humanitarian"), heading(3, "Displacement")]
    figures = sorted(s.displacement, key=lambda d: (d.as_of, d.counted.casefold(), d.id))
    if figures:
        blocks.append("Each figure has its own scope, date and source; they are not added up.")
        with_note = any(d.note for d in figures)
        header = ["As of", "Counted", "Area", "Figure", "Measure", "Sources"]
        header += ["Note"] if with_note else []
        rows = []
        for d in figures:
            row = [
                words.day(d.as_of),
                inline(d.counted),
                inline(d.area),
                inline(words.figure_with_unit(d.figure, d.unit)),
                _measure(d),
                ctx.citations.cite(d.sources) or "—",
            ]
            rows.append([*row, cell(d.note)] if with_note else row)
        blocks.append(table(header, rows))
    else:
        blocks.append("No displacement figures recorded.")
    blocks.append(heading(3, "Notes"))
    notes = sorted(s.notes, key=lambda n: n.date)
    items = []
    for note in notes:
        label = words.day(note.date) + (f" ({note.sector})" if note.sector else "")
        items.append(
            ctx.citations.cite_after(f"{inline(label)}: {inline(note.text)}", note.sources)
        )
    blocks.append(bullets(items) if items else "No notes recorded.")
    return "\n\n".join(blocks)


def _measure(d: Displacement) -> str:
    """'new since 1 Jan 2021', 'total'."""
    start = f" since {words.day(d.since)}" if d.since else ""
    return ("new" if d.measure == "new" else "total") + start


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
