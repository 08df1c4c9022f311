"""Walking through a merged file's conflicts: ours, theirs, base or an edit, one at a time.

A file `git merge` left with a ``conflicts:`` section opens as any situation;
the walkthrough is offered at once and comes back with its key. Each answer is
one undo step through the document (editing/resolve.py): the value chosen set,
the conflict gone. "Edit" opens the entry's form (or the header's) on the entry
as that side has it; saving the form resolves the conflict with what it holds,
again as one step. When no conflict is left the user is told to save: the file
then passes `sitrep check`.

The walk is one dialog that stays open from conflict to conflict, and the form
opens from its key: no worker turn between two questions where keys typed in
a burst would fall through to the main screen.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from sitrep.app.dialogs.conflict import ConflictScreen, ConflictView, conflict_view, where_text
from sitrep.app.safe import Say
from sitrep.editing.document import Change, Document, EditRejected
from sitrep.editing.resolve import resolve_in
from sitrep.model.merging.resolve import Side, resolve
from sitrep.model.merging.unresolved import file_path
from sitrep.model.situation import Header

if TYPE_CHECKING:
    from sitrep.app.flows.edit import EditFlow
    from sitrep.app.forms.base import FormResult

KEY_HINT = "C or ctrl+g"
"""The keys named in messages (the walkthrough's binding, unless remapped)."""
Then = Callable[[], None]
OFFER_AGAIN = 0.25
"""Seconds between looks, while a question is open at start, for the moment to offer the walk."""


class ConflictFlow:
    """Shows the conflicts one by one and applies each answer as one undo step."""

    def __init__(self, screen: Screen[Any], document: Document, say: Say, edits: EditFlow) -> None:
        self.screen = screen
        self.document = document
        self.say = say
        self.edits = edits

    @property
    def count(self) -> int:
        """How many conflicts are left in the file."""
        return len(self.document.situation.conflicts)

    def offer(self) -> None:
        """On opening a file with conflicts: walk through them; once answered, when a
        question comes first (recovering a crashed session's edits, which may resolve some)."""
        if not self.count or not self.screen.is_attached:
            return
        if self.screen.app.screen is self.screen:
            self.walk()
        else:
            self.screen.set_timer(OFFER_AGAIN, self.offer, name="offer the conflicts")

    def walk(self, start: int = 0) -> None:
        """Show the conflicts from number start (0-based), in a dialog shown at once."""
        if not self.count:
            self.say("No merge conflicts in this file")
            return
        if isinstance(self.screen.app.screen, ConflictScreen):
            return
        dialog = ConflictScreen(self, min(start, self.count - 1))
        self.screen.app.push_screen(dialog, self._closed)

    def view(self, index: int) -> ConflictView:
        """What the dialog shows of conflict number index."""
        return conflict_view(self.document.situation, index)

    def _closed(self, _: None) -> None:
        if self.count:
            self.say(self._left(), severity="warning")
        else:
            self.say("Every merge conflict is resolved: save (ctrl+s) for a clean file")

    def _left(self) -> str:
        count = self.count
        return (
            f"{count} merge conflict{'s' if count != 1 else ''} left: {KEY_HINT} resolves "
            "them (sitrep check fails until then)"
        )

    # -- answers ---------------------------------------------------------------------------
    def resolve(self, index: int, side: Side) -> None:
        """Keep one side's value: one undo step."""
        situation = self.document.situation
        where = where_text(situation, situation.conflicts[index])
        try:
            made = resolve_in(self.document, [(index, side)])
        except EditRejected as exc:
            self.say(f"Not resolved: {exc}", severity="error")
            return
        shown = [c for c in made if c.section not in ("header", "conflicts")]
        if shown:  # the row it changed, behind the dialog
            self.edits.reveal(shown[0].section, shown[0].index)
        self.say(f"Kept {side}: {where}")

    def edit(self, index: int, side: Side, then: Then) -> None:
        """Open the form of the entry (or the header) as one side has it; apply what it saves."""
        from sitrep.app.forms.entry import EditEntryScreen
        from sitrep.app.forms.header import EditHeaderScreen

        situation = self.document.situation
        path = situation.conflicts[index].path
        try:
            preview = resolve(situation, index, side)
        except EditRejected as exc:
            self.say(f"Cannot start from {side}: {exc}", severity="error")
            return
        app = self.screen.app
        if path[0] == "header":
            form = EditHeaderScreen(preview.header, produced_by_default=self.edits.produced_by)
            app.push_screen(form, partial(self._header_saved, index, side, then))
            return
        at = file_path(preview, path[:2])
        if at is None:
            self.say(f"{side.capitalize()} deleted it: nothing to edit", severity="warning")
            return
        section, position = str(at[0]), int(at[1])
        entry = getattr(preview, section)[position]
        screen = EditEntryScreen(section, preview, entry)  # type: ignore[arg-type]
        app.push_screen(screen, partial(self._entry_saved, index, side, then))

    def _header_saved(self, index: int, side: Side, then: Then, header: Header | None) -> None:
        if header is not None:
            self._apply(index, side, lambda: self.document.set_header(header))
        then()

    def _entry_saved(self, index: int, side: Side, then: Then, result: FormResult | None) -> None:
        if result is None:  # cancelled: the conflict stays
            then()
            return
        path = self.document.situation.conflicts[index].path

        def replace() -> Change:
            for party in result.new_parties:
                self.document.add("parties", party)
            for source in result.new_sources:
                self.document.add("sources", source)
            now = file_path(self.document.situation, path[:2])
            assert now is not None  # the side's resolution has it
            section = str(now[0])
            return self.document.replace(section, int(now[1]), result.entry)  # type: ignore[arg-type]

        self._apply(index, side, replace)
        then()

    def _apply(self, index: int, side: Side, edit: Callable[[], Change]) -> None:
        """Resolve with a side, then make the edit: one undo step, or nothing."""

        def step() -> Change:
            resolve_in(self.document, [(index, side)])
            return edit()

        change = self.edits.apply_step(step)
        if change is not None:
            self.edits.reveal(change.section, change.index)
