"""The main screen's edit actions: add, edit, delete, quick holder changes, undo and redo.

Forms return whole entries; each is applied to the Document as ONE undo step
(new parties and sources first, then the entry). A step the Document refuses
(EditRejected) changes nothing and is shown as an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from textual.screen import Screen

from sitrep.app.describe import describe_change, entry_label, principal_change
from sitrep.app.panes import BRIEF, MAP
from sitrep.app.safe import clean
from sitrep.editing.document import Change, Document, EditRejected
from sitrep.model.entries import Entry, Place
from sitrep.model.sections import Section
from sitrep.model.situation import Header
from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.app.forms.base import FormResult
    from sitrep.app.forms.holder import HolderScreen
    from sitrep.app.widgets.table.section import SectionView
    from sitrep.app.widgets.table.table import EntryTable

TABLE_ACTIONS = {"add", "filter", "sort", "reverse_sort", "scroll_detail"}
"""Actions on a table (not on the brief or the map)."""
ROW_ACTIONS = {"edit", "delete"}
"""Actions on the selected entry: a table's row, or the map's place."""
TERRITORY_ACTIONS = {"holder", "confidence"}


class EditActions(Screen[None]):
    """Mixed into the main screen: every action that changes the situation."""

    document: Document

    @property
    def current_view(self) -> SectionView | None:
        """The section being worked in (the main screen implements it)."""
        raise NotImplementedError

    @property
    def current_table(self) -> EntryTable[Any] | None:
        """The table being worked in (the main screen implements it)."""
        raise NotImplementedError

    def reveal(self, section: Section | str, index: int) -> None:
        """Show the row a change touched (the main screen implements it)."""
        raise NotImplementedError

    def selection(self) -> tuple[Section, int | None] | None:
        """The section worked in and the selected entry's index (the main screen knows)."""
        raise NotImplementedError

    @property
    def stop(self) -> str:
        """Where the user works: a section, the brief or the map (the main screen knows)."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that work where the user is (the footer follows).

        Decided from where the user works alone, touching no widget, so the footer
        can show its keys while the screen is still being built.
        """
        stop = self.stop
        if action in TABLE_ACTIONS:  # a table: not the brief, not the map
            return stop not in (BRIEF, MAP)
        if action in ROW_ACTIONS:  # a table's row or the map's place
            return stop != BRIEF
        if action in TERRITORY_ACTIONS:  # a place, in its table or on the map
            return stop in ("places", MAP)
        return True

    def say(
        self, message: str, *, severity: Literal["information", "warning", "error"] = "information"
    ) -> None:
        """Notify with text that may hold user data (never parsed as markup)."""
        self.notify(clean(message), severity=severity, markup=False)

    # -- selection ---------------------------------------------------------------
    def _selected(self) -> tuple[Section, int, Entry] | None:
        selection = self.selection()
        if selection is None:
            return None
        section, index = selection
        if index is None:
            self.say("Nothing selected", severity="warning")
            return None
        return section, index, self.document.entries(section)[index]

    # -- add and edit through the forms ------------------------------------------------
    def action_add(self) -> None:
        """Add an entry to the focused table, through its form."""
        view = self.current_view
        if view is None:
            return
        from sitrep.app.forms.entry import EditEntryScreen

        section = view.section  # date fields start at the as-of date (the form does it)
        screen = EditEntryScreen(section, self.document.situation, None)
        self.app.push_screen(screen, self._form_callback(section, None))

    def action_edit(self) -> None:
        """Edit the selected entry, through its form."""
        selected = self._selected()
        if selected is not None:
            self.edit_entry(selected[0], selected[1])

    def edit_entry(self, section: Section, index: int) -> None:
        """Open the form of one entry; its result replaces the entry as one undo step."""
        from sitrep.app.forms.entry import EditEntryScreen

        entry = self.document.entries(section)[index]
        screen = EditEntryScreen(section, self.document.situation, entry)
        self.app.push_screen(screen, self._form_callback(section, index))

    def _form_callback(
        self, section: Section, index: int | None
    ) -> Callable[[FormResult | None], None]:
        def apply(result: FormResult | None) -> None:
            if result is not None:
                self.apply_form(section, index, result)

        return apply

    def apply_form(self, section: Section, index: int | None, result: FormResult) -> None:
        """Apply a form's result as one undo step; index None adds, else replaces."""
        entries = self.document.entries(section)
        unchanged = index is not None and entries[index] == result.entry
        if unchanged and not (result.new_sources or result.new_parties):
            self.say("No changes")
            return

        def step() -> Change:
            for party in result.new_parties:
                self.document.add("parties", party)
            for source in result.new_sources:
                self.document.add("sources", source)
            if index is None:
                return self.document.add(section, result.entry)
            return self.document.replace(section, index, result.entry)

        change = self.apply_step(step)
        if change is not None:  # the row shows the change: no need to say it
            self.reveal(section, change.index)

    def apply_step(self, step: Callable[[], Change]) -> Change | None:
        """Run edits as one undo step; if the Document refuses one, nothing changes."""
        try:
            with self.document.group():  # rolls back by itself if a change is refused
                return step()
        except EditRejected as exc:
            self.say(f"Not changed: {exc}", severity="error")
            return None

    # -- delete, holder, confidence ----------------------------------------------------
    def action_delete(self) -> None:
        """Delete the selected entry at once (u undoes it)."""
        selected = self._selected()
        if selected is None:
            return
        section, index, entry = selected
        if self.apply_step(lambda: self.document.delete(section, index)) is not None:
            self.say(f"Deleted {entry_label(entry)} (u to undo)")

    def action_holder(self) -> None:
        """Record a change of control of the selected place."""
        self._quick_place_edit("holder")

    def action_confidence(self) -> None:
        """Record how sure the selected place's control is."""
        self._quick_place_edit("confidence")

    def _quick_place_edit(self, focus: Literal["holder", "confidence"]) -> None:
        selected = self._selected()
        if selected is None or selected[0] != "places":
            return
        _, index, place = selected
        assert isinstance(place, Place)
        # The dialog returns the place with a change of control recorded (and any
        # source made on the spot): one undo step, as a form's result.
        self.app.push_screen(
            self._holder_screen(place, focus), self._form_callback("places", index)
        )

    def _holder_screen(self, place: Place, focus: Literal["holder", "confidence"]) -> HolderScreen:
        """The holder dialog, made once and kept: opening it again costs no composing."""
        from sitrep.app.forms.holder import HolderScreen

        situation = self.document.situation
        screen = getattr(self, "_holder", None)
        if isinstance(screen, HolderScreen) and self.app.is_screen_installed(screen):
            screen.load(situation, place, focus=focus)
            return screen
        screen = HolderScreen(situation, place, focus=focus)
        self.app.install_screen(screen, f"holder-{id(self)}")
        self._holder = screen
        return screen

    def action_edit_header(self) -> None:
        """Edit the title, as-of date and the rest of the header."""
        from sitrep.app.forms.header import EditHeaderScreen

        settings: Settings | None = getattr(self.app, "settings", None)
        produced_by = settings.produced_by if settings is not None else None

        def apply(result: Header | None) -> None:
            if result is not None and result != self.document.situation.header:
                self.apply_step(lambda: self.document.set_header(result))

        screen = EditHeaderScreen(self.document.situation.header, produced_by_default=produced_by)
        self.app.push_screen(screen, apply)

    # -- undo and redo -----------------------------------------------------------------
    def action_undo(self) -> None:
        """Undo the last step and show the row it touched."""
        self._history("Undid", self.document.undo(), undone=True)

    def action_redo(self) -> None:
        """Redo the last undone step and show the row it touched."""
        self._history("Redid", self.document.redo(), undone=False)

    def _history(self, verb: str, changes: list[Change], *, undone: bool) -> None:
        principal = principal_change(changes, undone=undone)
        if principal is None:
            self.say("Nothing to undo" if undone else "Nothing to redo")
            return
        self.reveal(principal.section, principal.index)
        self.say(f"{verb}: {describe_change(principal)}")

    # -- sort and filter ---------------------------------------------------------------
    async def action_filter(self) -> None:
        """Open the filter box of the focused table."""
        view = self.current_view
        if view is not None:
            await view.open_filter()

    def action_sort(self) -> None:
        """Sort the focused table by its next column."""
        table = self.current_table
        if table is not None:
            table.cycle_sort()

    def action_reverse_sort(self) -> None:
        """Reverse the focused table's order."""
        table = self.current_table
        if table is not None:
            table.reverse_sort()
