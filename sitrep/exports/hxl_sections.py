"""The HXL tables of parties, sources, evacuations, notes and the outlook."""

from __future__ import annotations

from sitrep.exports.hxl import Column, Row, Table, joined, source_cells, source_columns, table_of
from sitrep.exports.hxl_figures import value_cells
from sitrep.model.situation import Situation


def parties_table(s: Situation, history: bool) -> Table:
    """One row per party: names, side, seat of government, status."""
    rows: list[Row] = []
    for party in s.parties:
        seat = s.place(party.seat)
        rows.append(
            {
                "#group+code": party.id,
                "#group+name": party.name,
                "#group+name+short": party.short,
                "#group+name+text": party.in_text,
                "#group+name+alt": joined(party.aliases),
                "#group+code+side": party.side_id,
                "#meta+seat": party.seat,
                "#loc+name+seat": seat.name if seat is not None else None,
                "#status": party.status,
                "#date+status": party.status_since,
                "#group+code+merged_into": party.merged_into,
                **source_cells(s, party.sources),
                "#description": party.note,
            }
        )
    columns = [
        Column("ID", "#group+code"),
        Column("Name", "#group+name"),
        Column("Short name?", "#group+name+short"),
        Column("In running text?", "#group+name+text"),
        Column("Other names?", "#group+name+alt"),
        Column("Side", "#group+code+side"),
        Column("Seat of government (id)?", "#meta+seat"),
        Column("Seat of government?", "#loc+name+seat"),
        Column("Status", "#status"),
        Column("Status since?", "#date+status"),
        Column("Merged into?", "#group+code+merged_into"),
        *source_columns(),
        Column("Note?", "#description"),
    ]
    return table_of("parties", columns, rows)


def sources_table(s: Situation, history: bool) -> Table:
    """One row per source: publisher, title, address, kind, reliability, date."""
    rows: list[Row] = [
        {
            "#meta+id": src.id,
            "#org+name": src.publisher,
            "#meta+title": src.title,
            "#meta+url": src.url,
            "#org+type": src.kind,
            "#meta+reliability": src.reliability,
            "#date+reported": src.published,
            "#description": src.note,
        }
        for src in s.sources
    ]
    columns = [
        Column("ID", "#meta+id"),
        Column("Publisher", "#org+name"),
        Column("Title?", "#meta+title"),
        Column("Address?", "#meta+url"),
        Column("Kind", "#org+type"),
        Column("Reliability?", "#meta+reliability"),
        Column("Published?", "#date+reported"),
        Column("Note?", "#description"),
    ]
    return table_of("sources", columns, rows)


def evacuations_table(s: Situation, history: bool) -> Table:
    """One row per actor: status, evacuees and troops (numbers and wording), embassy."""
    rows: list[Row] = []
    for e in s.evacuations:
        row: Row = {
            "#org+name": e.actor,
            "#org+type": e.actor_kind,
            "#status": e.status,
            "#status+confidence": e.confidence,
            "#meta+according_to": e.according_to,
            "#beneficiary+name": joined(e.nationalities),
            "#modality": joined(e.means),
            "#description+route": e.route,
            "#loc+name+dest": joined(e.destinations),
            "#description+purpose": e.purpose,
            "#description+wording": e.wording,
            "#date+announced": e.announced,
            "#status+embassy": e.embassy,
            "#date+embassy": e.embassy_since,
            "#status+embassy+confidence": e.embassy_confidence,
            **source_cells(s, e.sources),
            **source_cells(s, e.embassy_sources, "+embassy"),
            "#description": e.note,
        }
        for what, value in (("evacuees", e.evacuees), ("troops", e.troops)):
            if value is not None:
                cells = value_cells(value, f"#indicator+num+{what}")
                row |= {
                    f"{tag}+{what}" if tag.startswith("#meta") else tag: v
                    for tag, v in cells.items()
                }
        rows.append(row)
    columns = [
        Column("Actor", "#org+name"),
        Column("Actor kind", "#org+type"),
        Column("Status", "#status"),
        Column("Confidence", "#status+confidence"),
        Column("According to?", "#meta+according_to"),
        *_figure_columns("Evacuees", "evacuees"),
        Column("Who?", "#beneficiary+name"),
        Column("Means?", "#modality"),
        Column("Route?", "#description+route"),
        Column("Destinations?", "#loc+name+dest"),
        *_figure_columns("Troops deployed for it", "troops"),
        Column("Purpose?", "#description+purpose"),
        Column("Official wording?", "#description+wording"),
        Column("Announced?", "#date+announced"),
        Column("Embassy", "#status+embassy"),
        Column("Embassy status since?", "#date+embassy"),
        Column("Embassy status confidence", "#status+embassy+confidence"),
        *source_columns(),
        *source_columns("Embassy", "+embassy"),
        Column("Note?", "#description"),
    ]
    return table_of("evacuations", columns, rows)


def _figure_columns(label: str, what: str) -> list[Column]:
    return [
        Column(f"{label}?", f"#indicator+num+{what}"),
        Column(f"{label}, qualifier?", f"#meta+qualifier+{what}"),
        Column(f"{label}, upper bound?", f"#meta+upper+{what}"),
        Column(f"{label}, as the source put it?", f"#meta+wording+{what}"),
    ]


def notes_table(s: Situation, history: bool) -> Table:
    """One row per humanitarian note."""
    rows: list[Row] = [
        {
            "#date": note.date,
            "#description": note.text,
            "#sector+name": note.sector,
            "#meta+tags": joined(note.tags),
            **source_cells(s, note.sources),
        }
        for note in s.notes
    ]
    columns = [
        Column("Date", "#date"),
        Column("Note", "#description"),
        Column("Sector?", "#sector+name"),
        Column("Tags?", "#meta+tags"),
        *source_columns(),
    ]
    return table_of("notes", columns, rows)


def outlook_table(s: Situation, history: bool) -> Table:
    """One row per outlook item (forecasts and assessments, kept apart from facts)."""
    rows: list[Row] = [
        {
            "#description": item.statement,
            "#meta+by": item.by,
            "#meta+kind": item.kind,
            "#meta+horizon": item.horizon,
            "#date": item.made_on,
            **source_cells(s, item.sources),
            "#description+note": item.note,
        }
        for item in s.outlook
    ]
    columns = [
        Column("Statement", "#description"),
        Column("By", "#meta+by"),
        Column("Kind", "#meta+kind"),
        Column("Horizon?", "#meta+horizon"),
        Column("Made on?", "#date"),
        *source_columns(),
        Column("Note?", "#description+note"),
    ]
    return table_of("outlook", columns, rows)
