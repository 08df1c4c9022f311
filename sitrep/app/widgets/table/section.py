"""One section's table with a title bar and a filter box that appears on '/'."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from sitrep.app.describe import section_noun
from sitrep.app.safe import clean
from sitrep.app.widgets.symbols import legend, symbols_in
from sitrep.app.widgets.table.layout import sample
from sitrep.app.widgets.table.matched import hidden_match
from sitrep.app.widgets.table.rows import Column
from sitrep.app.widgets.table.table import EntryTable
from sitrep.app.widgets.table.view import scanned
from sitrep.model.sections import Section

FILTER_PLACEHOLDER = "Filter: type to match any cell; Esc clears"


class FilterInput(Input):
    """The filter box: typing filters at once; Enter goes back to the table."""


class SectionView(Vertical):
    """A titled EntryTable of one section, with its filter box."""

    BINDINGS: ClassVar = [
        Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
    ]

    def __init__(self, section: Section, title: str, columns: list[Column[Any]]) -> None:
        super().__init__(id=f"section-{section}", classes="section")
        self.section: Section = section
        self.title = title
        self._columns = columns
        self._title_parts: list[tuple[str, str] | str] = []
        self._filter_box: FilterInput | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(self.title), classes="section-title")
        yield EntryTable(
            self._columns,
            id=f"table-{self.section}",
            empty_text=f"No {section_noun(self.section, 2)} yet: press a to add one.",
        )

    @property
    def table(self) -> EntryTable[Any]:
        """The section's table."""
        return self.query_one(EntryTable)

    @property
    def filter_input(self) -> FilterInput | None:
        """The filter box (hidden unless filtering; None until the first '/')."""
        return self._filter_box

    async def open_filter(self) -> None:
        """Show the filter box and type into it (it is made on first use: seven Inputs
        made up front cost ~25 ms of the first screen)."""
        box = self._filter_box
        if box is None:
            box = FilterInput(
                placeholder="Filter: type to match any cell; Esc clears", compact=True
            )
            self._filter_box = box
            await self.mount(box, before=self.table)
        box.display = True
        # At once, not after the keys already waiting (Widget.focus waits its turn):
        # what is typed right after '/' goes into the box, even when pasted.
        self.screen.set_focus(box)

    def action_clear_filter(self) -> None:
        """Escape: drop the filter, hide the box, back to the table."""
        box = self._filter_box
        if (box is None or not box.display) and not self.table.model.query:
            return
        if box is not None:
            box.value = ""
            box.display = False
        self._filter_table("")
        self.table.focus()

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter_table(event.value)

    def _filter_table(self, query: str) -> None:
        # Run in the table's own context: Textual stops a message bubbling at the
        # widget that was active when it was posted, and the screen must hear the
        # table's RowHighlighted.
        self.table.call_later(self.table.set_filter, query)

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value and self._filter_box is not None:
            self._filter_box.display = False
        self.table.focus()

    @on(EntryTable.ViewChanged)
    def _view_changed(self, event: EntryTable.ViewChanged) -> None:
        self.refresh_title()

    @on(EntryTable.RowHighlighted)
    def _row_highlighted(self, event: EntryTable.RowHighlighted) -> None:
        if self.table.model.query:  # the title says where the row under the cursor matched
            self.refresh_title()

    def _legend(self) -> list[tuple[str, str] | str]:
        """The marks the table shows (on a sample of its rows), explained after the title."""
        columns = self.table.columns
        kinds = symbols_in(" ".join(row.cells(columns)) for row in sample(self.table.model.rows))
        return [("  " + legend(kinds), "$text-muted")] if kinds else []

    def refresh_title(self) -> None:
        """Title, count (of total when filtered), sort and filter."""
        table = self.table
        model = table.model
        total, shown = len(model), table.row_count
        count = f"{shown:,} of {total:,}" if model.query else f"{total:,}"
        parts: list[tuple[str, str] | str] = [(self.title, "bold"), (f"  {count}", "$text-muted")]
        if table.filtering:  # the count is of the rows looked at so far
            parts.append((f" so far, filtering… {scanned(model.progress)}", "$text-muted"))
        if model.sort_column is not None:
            arrow = "▼" if model.reverse else "▲"
            parts.append(
                (f"  sorted by {table.columns[model.sort_column].title} {arrow}", "$accent")
            )
        elif model.reverse:
            parts.append(("  newest first", "$accent"))
        if model.query:
            parts.append(("  filter: ", "$text-muted"))
            typed = self._filter_box.value if self._filter_box is not None else ""
            parts.append((clean(typed, one_line=True), "bold $warning"))
            where = hidden_match(model, table.widths, table.cursor_index)
            if where is not None:
                parts.append((f"  matched in {where}", "italic $text-muted"))
        parts += self._legend()
        if parts == self._title_parts:
            return  # an edit that changes no count: no redraw, no extra frame
        self._title_parts = parts
        title = Content.assemble(*parts)
        self.query_one(".section-title", Static).update(title, layout=False)  # one line, always
