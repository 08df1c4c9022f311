"""HXL-tagged CSV: one table per section, a header row then an HXL hashtag row.

Tags follow the HXL 1.1 hashtag dictionary (hxlstandard.org): places by
administrative level (``#adm1+name``, ``#adm1+code+v_pcode``), ``#loc`` for
point locations, ``#geo+lat``/``#geo+lon``, ``#group`` for armed parties,
``#status`` for states, ``#date`` for dates, ``#meta+source`` for sources and
the people hashtags (``#affected+idps``, ``#inneed``, ``#reached``) or
``#value`` (money) for figures, whose qualifier has its own column.
docs/exports.md lists every column.

Every text cell is cleaned of control characters, and a cell that a spreadsheet
would read as a formula (it starts with = + - @, a tab or a carriage return,
or their full-width forms) gets a leading apostrophe (OWASP's advice on CSV
injection), so an export opened in Excel or LibreOffice runs nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.brief.escape import clean
from sitrep.model.situation import Situation

Cell = str | int | float | dt.date | None
"""A value in a table: text (user text is made safe on output), a number, a date, or empty."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
"""What a spreadsheet may take for the start of a formula (OWASP CSV injection)."""


def neutralise(text: str) -> str:
    """Text that no spreadsheet runs as a formula: a leading apostrophe when it could be one."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def format_cell(value: Cell) -> str:
    """A cell as CSV text: numbers without exponents, ISO dates, safe one-line text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return f"{value:.10f}".rstrip("0").rstrip(".") if "e" in text else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(clean(value))


@dataclass(frozen=True)
class Column:
    """A column: its header (for people), its HXL hashtag (for tools)."""

    header: str
    tag: str


@dataclass
class Table:
    """One section as rows of cells under named, tagged columns."""

    section: str
    columns: list[Column] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    def to_csv(self) -> str:
        """The table as CSV: header row, hashtag row, then one row per entry."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([format_cell(c.header) for c in self.columns])
        writer.writerow([c.tag for c in self.columns])
        for row in self.rows:
            writer.writerow([format_cell(value) for value in row])
        return out.getvalue()


Row = dict[str, Cell]
"""A row being built: values by hashtag."""


def table_of(section: str, columns: Sequence[Column], rows: Sequence[Row]) -> Table:
    """A Table from rows keyed by hashtag; columns that no row fills and that are optional go.

    A column whose header ends with '?' is optional: it is kept only when some row has a value.
    """
    kept: list[Column] = []
    for column in columns:
        optional = column.header.endswith("?")
        if optional and all(row.get(column.tag) in (None, "") for row in rows):
            continue
        kept.append(Column(column.header.rstrip("?"), column.tag))
    tags = [c.tag for c in kept]
    if len(set(tags)) != len(tags):
        raise ValueError(f"{section}: a hashtag is used twice: {tags}")
    return Table(section, kept, [[row.get(tag) for tag in tags] for row in rows])


def joined(items: Sequence[str]) -> str | None:
    """Several values in one cell, separated by '; ' (None when there are none)."""
    return "; ".join(clean(i) for i in items) or None


def source_cells(s: Situation, ids: Sequence[str], suffix: str = "") -> Row:
    """Publishers, ids and the latest publication date of the sources cited."""
    found = [src for i in ids if (src := s.source(i)) is not None]
    dates = [src.published for src in found if src.published is not None]
    return {
        f"#meta+source{suffix}": joined(list(dict.fromkeys(src.publisher for src in found))),
        f"#meta+source+id{suffix}": joined(list(ids)),
        f"#date+reported{suffix}": max(dates) if dates else None,
    }


def source_columns(label: str = "", suffix: str = "") -> list[Column]:
    """The columns source_cells fills."""
    what = f"{label} sources" if label else "Sources"
    return [
        Column(f"{what}?" if label else what, f"#meta+source{suffix}"),
        Column(f"{what} (ids)?" if label else f"{what} (ids)", f"#meta+source+id{suffix}"),
        Column(f"{what}, latest published?", f"#date+reported{suffix}"),
    ]
