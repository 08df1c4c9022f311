"""Why a filtered row matched, when the match is in text the table does not show.

The filter matches every cell of a row, including columns left out at a narrow
width and the end of a cell cut to its column. A row that seems not to match
must say where it did: the section title then reads "matched in Note".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import set_cell_size

from sitrep.app.widgets.table.rows import TableRows


def hidden_match(model: TableRows[Any], widths: Sequence[int], index: int | None) -> str | None:
    """The title of the column a row matched in, when no shown text of the row matches."""
    query = model.query
    if not query or index is None or not 0 <= index < len(model):
        return None
    columns = model.columns
    cells = model.rows[index].cells(columns)
    hits = [i for i, cell in enumerate(cells) if columns[i].searched and query in cell.casefold()]
    for i in hits:
        width = widths[i] if i < len(widths) else 0
        shown = cells[i] if len(cells[i]) <= width else set_cell_size(cells[i], max(0, width - 1))
        if width > 0 and query in shown.casefold():
            return None  # the user can see why it matched
    return columns[hits[0]].title if hits else None
