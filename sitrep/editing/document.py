"""A situation being edited: every change is an undoable step. Imports no Textual.

The TUI never mutates entries in place: it asks the document to add, replace or
delete whole entries (or the header), and redraws just the rows a step touched,
which the returned Change names.

Comments from the file (sitrep.model.comments) live on the entries, the header
and their parts (control changes, series points...). A replacement keeps the
comments of what it replaces, part by part (unless it brings its own; see
sitrep.model.carry), a deleted entry or part takes its comments with it, and
undo brings back the very object, comments and all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from sitrep.model.carry import carry
from sitrep.model.entries import Entry
from sitrep.model.refs import REFERENCED
from sitrep.model.sections import SECTION_MODELS, SECTIONS, Section
from sitrep.model.situation import Header, Situation
from sitrep.model.validation.checks import EditRejected, check_entry, check_unused

__all__ = [
    "SECTIONS",
    "SECTION_MODELS",
    "Change",
    "Document",
    "EditRejected",
    "Section",
]


@dataclass(frozen=True)
class Change:
    """One step: in a section, the entry at index went from before to after.

    before None means an add; after None means a delete. Section "header" has index 0.
    """

    section: Section | Literal["header"]
    index: int
    before: BaseModel | None
    after: BaseModel | None

    def inverse(self) -> Change:
        """The step that undoes this one."""
        return Change(self.section, self.index, self.after, self.before)


class Document:
    """A situation with its file, undo and redo history, and a dirty marker."""

    def __init__(self, situation: Situation, path: Path | None = None) -> None:
        self.situation = situation
        self.path = path
        # Each step gets a serial when first made; the state's identity is the serial
        # of the last step applied (0 for the state as loaded), so undoing back to
        # the saved state makes the document clean again, and an abandoned redo
        # branch can never look saved.
        # A step is a list of changes undone together (an entry and the source added with it).
        self._undo: list[tuple[list[Change], int]] = []
        self._redo: list[tuple[list[Change], int]] = []
        self._group: list[Change] | None = None
        self.observers: list[Callable[[Change], None]] = []
        """Called after every change is applied, undo and redo included (journal, UI)."""
        self.step_observers: list[Callable[[], None]] = []
        """Called once every change of a step is applied (a single edit, a group, an undo
        or a redo): the journal makes a whole step durable at once."""
        self._steps = 0
        self._serial = 0
        self._saved_state: int | None = 0
        """The state on disk; a document never saved (the bundled sample) starts clean
        too: unsaved changes mean edits, and an untouched one loses nothing on quit."""

    # -- state ---------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True when there are edits since the last save (or since it was opened)."""
        return self._saved_state != self._state

    def mark_saved(self, path: Path, state: int | None = None) -> None:
        """Record that the current state (or an earlier one, state) is what is on disk at path.

        A save written from a snapshot passes the state it was taken at: edits made
        while it was written keep the document dirty.
        """
        self.path = path
        self._saved_state = self._state if state is None else state

    @property
    def state(self) -> int:
        """The identity of the current state (see mark_saved)."""
        return self._state

    @property
    def _state(self) -> int:
        return self._undo[-1][1] if self._undo else 0

    def entries(self, section: Section) -> list[Entry]:
        """The live list of one section's entries (read it; change it through the document)."""
        entries: list[Entry] = getattr(self.situation, section)
        return entries

    @property
    def in_step(self) -> bool:
        """True while the changes of one step are being applied (see step_observers)."""
        return self._steps > 0

    @contextmanager
    def _step(self) -> Iterator[None]:
        self._steps += 1
        try:
            yield
        finally:
            self._steps -= 1
            if not self._steps:
                for observer in self.step_observers:
                    observer()

    @property
    def can_undo(self) -> bool:
        """Whether there is a step to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone step to redo."""
        return bool(self._redo)

    # -- edits -----------------------------------------------------------------
    def add(self, section: Section, entry: Entry, index: int | None = None) -> Change:
        """Insert an entry (at the end by default)."""
        entries = self.entries(section)
        index = len(entries) if index is None else index
        return self._do(Change(section, index, None, entry))

    def replace(self, section: Section, index: int, entry: Entry) -> Change:
        """Replace the entry at index with a new one (which keeps the old one's comments)."""
        before = self.entries(section)[index]
        return self._do(Change(section, index, before, carry(before, entry)))

    def delete(self, section: Section, index: int) -> Change:
        """Delete the entry at index (undo brings it back at the same place)."""
        return self._do(Change(section, index, self.entries(section)[index], None))

    def set_header(self, header: Header) -> Change:
        """Replace the header (the new one keeps the old one's comments)."""
        before = self.situation.header
        return self._do(Change("header", 0, before, carry(before, header)))

    def apply_checked(self, changes: list[Change]) -> None:
        """Apply changes whose result was checked as a whole, as one undo step.

        For a large batch made and validated in full elsewhere (an import, checked
        off the UI thread): no check per change, each of which scans its section.
        """
        with self.group():
            for change in changes:
                self._apply(change)
                assert self._group is not None
                self._group.append(change)

    @contextmanager
    def group(self) -> Iterator[None]:
        """Make every change inside the block one undo step.

        If the block raises (say, EditRejected for its last change), the changes it
        already made are rolled back, so a step is applied whole or not at all.
        """
        if self._group is not None:  # nested: the outer group collects everything
            yield
            return
        self._group = []
        with self._step():  # the journal makes the whole group durable at once
            try:
                yield
            except BaseException:
                changes, self._group = self._group, None
                for change in reversed(changes):
                    self._apply(change.inverse())
                raise
            changes, self._group = self._group, None
            if changes:
                self._serial += 1
                self._undo.append((changes, self._serial))
                self._redo.clear()

    def undo(self) -> list[Change]:
        """Undo the last step; returns the changes applied (empty if nothing to undo)."""
        if not self._undo:
            return []
        step, serial = self._undo.pop()
        changes = [change.inverse() for change in reversed(step)]
        with self._step():
            for change in changes:
                self._apply(change)
        self._redo.append((step, serial))
        return changes

    def redo(self) -> list[Change]:
        """Redo the last undone step; returns the changes applied."""
        if not self._redo:
            return []
        step, serial = self._redo.pop()
        with self._step():
            for change in step:
                self._apply(change)
        self._undo.append((step, serial))
        return list(step)

    def _do(self, change: Change) -> Change:
        self._check(change)
        with self._step():
            self._apply(change)
        if self._group is not None:
            self._group.append(change)
        else:
            self._serial += 1
            self._undo.append(([change], self._serial))
            self._redo.clear()
        return change

    def _apply(self, change: Change) -> None:
        if change.section == "header":
            assert isinstance(change.after, Header)
            self.situation.header = change.after
            self._notify(change)
            return
        entries = self.entries(change.section)
        if change.before is None:
            assert isinstance(change.after, Entry)
            entries.insert(change.index, change.after)
        elif change.after is None:
            del entries[change.index]
        else:
            assert isinstance(change.after, Entry)
            entries[change.index] = change.after
        self._notify(change)

    def _notify(self, change: Change) -> None:
        for observer in self.observers:
            observer(change)

    def _check(self, change: Change) -> None:
        """Refuse a step that would break ids or references; checks only what it touches."""
        if change.section == "header":
            return
        if change.after is None:
            if change.before is not None and change.section in REFERENCED.values():
                entry_id = str(getattr(change.before, "id", ""))
                check_unused(self.situation, change.section, entry_id)
            return
        check_entry(self.situation, change.section, change.index, change.after, change.before)


def snapshot(situation: Situation) -> Situation:
    """A copy whose lists a thread can read while the user goes on editing.

    Entries are never changed in place (the Document replaces them), so copying
    the lists is enough: the entries are shared.
    """
    return situation.model_copy(update={name: list(getattr(situation, name)) for name in SECTIONS})
