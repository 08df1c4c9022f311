"""What an EntryTable tells its parents: the cursor moved, an entry was chosen, the view changed.

Handlers are named as for messages defined in the table's class
(on_entry_table_row_highlighted...), and EntryTable.RowHighlighted names them too.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


class TableMessage(Message, namespace="entry_table"):
    """A message from a table (its control)."""

    def __init__(self, table: Widget) -> None:
        super().__init__()
        self.table = table

    @property
    def control(self) -> Widget:
        """The table that sent the message."""
        return self.table


class RowHighlighted(TableMessage, namespace="entry_table"):
    """The cursor moved to another entry (index None: the table shows no rows)."""

    def __init__(self, table: Widget, index: int | None) -> None:
        super().__init__(table)
        self.index = index


class RowSelected(TableMessage, namespace="entry_table"):
    """An entry was chosen (double click)."""

    def __init__(self, table: Widget, index: int) -> None:
        super().__init__(table)
        self.index = index


class ViewChanged(TableMessage, namespace="entry_table"):
    """The rows shown, the sort or the filter changed (for titles and counts)."""
