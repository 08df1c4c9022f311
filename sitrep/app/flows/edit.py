"""Every change to the situation: add, edit, delete, quick holder changes, the header, undo, redo.

Forms return whole entries; each is applied to the Document as ONE undo step
(new parties and sources first, then the entry). A step the Document refuses
(EditRejected) changes nothing and is shown as an error. A form is pushed at
once, from the key that opens it (keys typed right after it go to the form),
and its result is applied when it closes: one question, one step, no worker.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from textual.screen import Screen

from sitrep.app.describe import describe_step, entry_label, principal_change
from sitrep.app.safe import Say
from sitrep.editing.document import Change, Document, EditRejected
from sitrep.model.entries import Entry, Place
from sitrep.model.sections import Section
from sitrep.model.situation import Header

if TYPE_CHECKING:
    from sitrep.app.forms.base import FormResult
    from sitrep.app.forms.holder import HolderScreen

Selection = tuple[Section, int | None] | None
"""The section worked in and the selected entry's index (None: nothing to select)."""
Reveal = Callable[[Section | str, int], None]
"""Show the row a change touched: its pane, its table, the cursor on it."""
PlaceField = Literal["holder", "confidence"]


class EditFlow:
    """Changes the document through forms and quick actions, one undo step each."""

    def __init__(
        self,
        screen: Screen[Any],
        document: Document,
        say: Say,
        *,
        reveal: Reveal,
        produced_by: str | None = None,
    ) -> None:
        self.screen = screen
        """The screen the forms open over."""
        self.document = document
        self.say = say
        self.reveal = reveal
        self.produced_by = produced_by
        """The default 'produced by' of the header form (from the settings)."""
        self._holder: HolderScreen | None = None

    # -- add and edit through the forms ------------------------------------------------
    def add(self, section: Section) -> None:
        """Add an entry to a section, through its form (dates start at the as-of date)."""
        from sitrep.app.forms.entry import EditEntryScreen

        screen = EditEntryScreen(section, self.document.situation, None)
        self.screen.app.push_screen(screen, partial(self.apply_form, section, None))

    def edit_selected(self, selection: Selection) -> None:
        """Edit the selected entry, through its form."""
        selected = self._selected(selection)
        if selected is not None:
            self.edit(selected[0], selected[1])

    def edit(self, section: Section, index: int) -> None:
        """Open the form of one entry; its result replaces the entry as one undo step."""
        from sitrep.app.forms.entry import EditEntryScreen

        entry = self.document.entries(section)[index]
        screen = EditEntryScreen(section, self.document.situation, entry)
        self.screen.app.push_screen(screen, partial(self.apply_form, section, index))

    def apply_form(self, section: Section, index: int | None, result: FormResult | None) -> None:
        """Apply a form's result as one undo step; index None adds, else replaces."""
        if result is None:  # the form was cancelled
            return
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

    # -- delete, holder, confidence, header --------------------------------------------
    def delete_selected(self, selection: Selection) -> None:
        """Delete the selected entry at once (u undoes it)."""
        selected = self._selected(selection)
        if selected is None:
            return
        section, index, entry = selected
        if self.apply_step(lambda: self.document.delete(section, index)) is not None:
            self.say(f"Deleted {entry_label(entry)} (u to undo)")

    def change_place(self, selection: Selection, focus: PlaceField) -> None:
        """Record a change of control of the selected place, or how sure it is."""
        selected = self._selected(selection)
        if selected is None or selected[0] != "places":
            return
        _, index, place = selected
        assert isinstance(place, Place)
        # The dialog returns the place with a change of control recorded (and any
        # source made on the spot): one undo step, as a form's result.
        screen = self._holder_screen(place, focus)
        self.screen.app.push_screen(screen, partial(self.apply_form, "places", index))

    def _holder_screen(self, place: Place, focus: PlaceField) -> HolderScreen:
        """The holder dialog, made once and kept: opening it again costs no composing."""
        from sitrep.app.forms.holder import HolderScreen

        app, situation = self.screen.app, self.document.situation
        screen = self._holder
        if screen is not None and app.is_screen_installed(screen):
            screen.load(situation, place, focus=focus)
            return screen
        screen = HolderScreen(situation, place, focus=focus)
        app.install_screen(screen, f"holder-{id(self)}")
        self._holder = screen
        return screen

    def edit_header(self) -> None:
        """Edit the title, as-of date and the rest of the header."""
        from sitrep.app.forms.header import EditHeaderScreen

        def apply(result: Header | None) -> None:
            if result is not None and result != self.document.situation.header:
                self.apply_step(lambda: self.document.set_header(result))

        header = self.document.situation.header
        screen = EditHeaderScreen(header, produced_by_default=self.produced_by)
        self.screen.app.push_screen(screen, apply)

    def _selected(self, selection: Selection) -> tuple[Section, int, Entry] | None:
        if selection is None:
            return None
        section, index = selection
        if index is None:
            self.say("Nothing selected", severity="warning")
            return None
        return section, index, self.document.entries(section)[index]

    # -- undo and redo -----------------------------------------------------------------
    def undo(self) -> None:
        """Undo the last step and show the row it touched."""
        self._history("Undid", self.document.undo(), undone=True)

    def redo(self) -> None:
        """Redo the last undone step and show the row it touched."""
        self._history("Redid", self.document.redo(), undone=False)

    def _history(self, verb: str, changes: list[Change], *, undone: bool) -> None:
        principal = principal_change(changes, undone=undone)
        if principal is None:
            self.say("Nothing to undo" if undone else "Nothing to redo")
            return
        self.reveal(principal.section, principal.index)
        self.say(f"{verb}: {describe_step(principal, changes)}")
