"""Recovering the unsaved edits a sitrep that died left in its journal. No Textual.

Every journal of a file that holds changes is offered, whether or not the file
changed since (a ``git pull``, another editor). The user then chooses:

- **apply** (Recovery.apply): the file is as the journal began, so the changes
  replay exactly, as one undo step, all or nothing;
- **apply onto the changed file** (Recovery.apply_each): each change is tried on
  its own, in the journal's order, against the entry it was made to (found by its
  id, or by its content): the fields it changed are set where the file still has
  their old values; a change whose entry is gone or whose fields were changed
  differently in the file is skipped and reported. One undo step for them all;
- **keep** (Recovery.keep): set the journal aside under a name no later journal
  takes; it is offered again at the next start;
- **drop** (Recovery.discard): delete it. Only this deletes a journal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from sitrep.editing.document import Change, Document, EditRejected
from sitrep.model.entries import Entry
from sitrep.model.sections import SECTION
from sitrep.model.situation import Header
from sitrep.storage.crash.journalfile import JournalContents, JournalError, set_aside

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Replayed:
    """What apply_each did: the changes applied and those skipped, numbered from 1."""

    applied: list[int] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """(change number, why it could not be applied)."""

    @property
    def complete(self) -> bool:
        """Whether every change was applied."""
        return not self.skipped


@dataclass
class Recovery:
    """Unsaved edits found in a journal left by a sitrep that did not quit cleanly."""

    path: Path | None
    journal_file: Path
    base_sha256: str | None
    changes: list[Change]
    last_change: dt.datetime
    damaged: bool = False
    """True when the journal ended in a torn or unreadable line (the rest is intact)."""
    file_changed: bool = False
    """True when the file no longer has the content the journal began from."""
    damage: str | None = None
    """What was lost at the end of the journal, in words, when damaged."""

    @classmethod
    def of(cls, contents: JournalContents, path: Path | None, current: str | None) -> Recovery:
        """The recovery a journal's contents offer for the file whose content is current."""
        return cls(
            path=path,
            journal_file=contents.file,
            base_sha256=contents.base_sha256,
            changes=contents.changes,
            last_change=contents.last_change,
            damaged=contents.damaged is not None,
            file_changed=contents.base_sha256 != current,
            damage=contents.damaged,
        )

    @property
    def count(self) -> int:
        """How many changes the journal holds."""
        return len(self.changes)

    def apply(self, document: Document) -> int:
        """Replay the changes on document as ONE undo step; returns how many were applied.

        Each change must find the entry it expects (its 'before'); if not, nothing
        is applied and JournalError says why (use apply_each onto a changed file).
        The document's own journal, if attached, records the replayed changes.
        """
        applied = 0
        try:
            with document.group():  # a failed replay rolls the applied part back
                for number, change in enumerate(self.changes, start=1):
                    _replay_exactly(document, change, number)
                    applied += 1
        except (EditRejected, IndexError) as exc:
            raise JournalError(f"cannot replay the unsaved edits: {exc}") from None
        return applied

    def apply_each(self, document: Document) -> Replayed:
        """Apply each change that still fits the (changed) file; one undo step for all.

        Never raises for a change that does not fit: it is skipped and reported.
        """
        result = Replayed()
        with document.group():
            for number, change in enumerate(self.changes, start=1):
                try:
                    _merge(document, change)
                except (EditRejected, ValidationError, JournalError) as exc:
                    result.skipped.append((number, _why(exc)))
                else:
                    result.applied.append(number)
        return result

    def describe(self, number: int) -> str:
        """One change in words, for a list of what could not be applied."""
        change = self.changes[number - 1]
        if change.section == "header":
            return f"change {number}: the header"
        what = "added" if change.before is None else "deleted" if change.after is None else "edited"
        entry = change.after if change.after is not None else change.before
        return (
            f"change {number}: {SECTION[change.section].noun} {_name(change.section, entry)} {what}"
        )

    def keep(self) -> Path:
        """Set the journal aside: offered again next time, never overwritten. Returns where."""
        try:
            self.journal_file = set_aside(self.journal_file, self.path)
        except OSError as exc:
            raise JournalError(f"cannot keep the unsaved edits aside: {exc}") from None
        return self.journal_file

    def discard(self) -> None:
        """Delete the journal: only when the user said to drop the edits (or they are applied)."""
        with contextlib.suppress(FileNotFoundError):
            self.journal_file.unlink()


def _replay_exactly(document: Document, change: Change, number: int) -> None:
    if change.section == "header":
        if change.before != document.situation.header:
            raise JournalError(f"change {number} expects another header than the file's")
        assert isinstance(change.after, Header)
        document.set_header(change.after)
        return
    entries = document.entries(change.section)
    if change.before is not None and (
        change.index >= len(entries) or entries[change.index] != change.before
    ):
        raise JournalError(
            f"change {number} expects another entry at {change.section} "
            f"{change.index + 1} than the file has"
        )
    if change.before is None:
        if change.index > len(entries):
            raise JournalError(f"change {number} adds past the end of {change.section}")
        assert isinstance(change.after, Entry)
        document.add(change.section, change.after, change.index)
    elif change.after is None:
        document.delete(change.section, change.index)
    else:
        assert isinstance(change.after, Entry)
        document.replace(change.section, change.index, change.after)


def _merge(document: Document, change: Change) -> None:
    """Apply one change to a file that changed since: three-way, field by field."""
    if change.section == "header":
        assert isinstance(change.before, Header) and isinstance(change.after, Header)
        header = _merged(document.situation.header, change.before, change.after)
        if header != document.situation.header:
            document.set_header(header)
        return
    section = change.section
    entries = document.entries(section)
    if change.before is None:
        assert isinstance(change.after, Entry)
        at = _find(entries, section, change.after, change.index)
        if at is not None and entries[at] == change.after:
            return  # already in the file
        if at is not None:
            raise JournalError(f"the file already has another {_name(section, change.after)}")
        document.add(section, change.after, min(change.index, len(entries)))
        return
    at = _find(entries, section, change.before, change.index)
    if at is None:
        raise JournalError(f"{_name(section, change.before)} is no longer in the file")
    if change.after is None:
        if entries[at] != change.before:
            raise JournalError(f"{_name(section, change.before)} was changed in the file since")
        document.delete(section, at)
        return
    assert isinstance(change.after, Entry)
    merged = _merged(entries[at], change.before, change.after)
    if merged != entries[at]:
        document.replace(section, at, merged)


def _merged(current: M, before: BaseModel, after: BaseModel) -> M:
    """current with each field the change made (before -> after) applied, if it still fits."""
    values = current.model_dump()
    for name in type(after).model_fields:
        old, new, now = getattr(before, name), getattr(after, name), getattr(current, name)
        if old == new or now == new:
            continue
        if now != old:
            raise JournalError(f"{name} was changed in the file since")
        values[name] = after.model_dump(include={name})[name]
    return type(current).model_validate(values)


def _find(entries: list[Entry], section: str, entry: BaseModel, index: int) -> int | None:
    """Where the entry is now: by its key (id, country) if its section has one, else equal."""
    key = SECTION[section].key
    if key is None:
        if index < len(entries) and entries[index] == entry:
            return index
        return next((i for i, e in enumerate(entries) if e == entry), None)
    wanted = str(getattr(entry, key)).casefold()
    if index < len(entries) and str(getattr(entries[index], key)).casefold() == wanted:
        return index
    return next(
        (i for i, e in enumerate(entries) if str(getattr(e, key)).casefold() == wanted), None
    )


def _name(section: str, entry: object) -> str:
    key = SECTION[section].key
    if key is not None:
        return repr(str(getattr(entry, key)))[:80]
    for attribute in ("text", "statement"):
        text = getattr(entry, attribute, None)
        if isinstance(text, str):
            return repr(text if len(text) <= 40 else text[:37] + "...")
    return "an entry"


def _why(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "the merged entry is not valid: " + "; ".join(
            str(e["msg"]) for e in exc.errors(include_url=False)[:3]
        )
    return str(exc)
