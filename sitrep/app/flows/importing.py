"""Importing a CSV table from the TUI: which file, what it would change, then one undo step.

The flow asks for the file (and whether it holds places or figures, or lets
its columns say), reads and works out the import in a thread (the table is
hostile until read: a FIFO, a device, a huge or binary file gets a clear
error, never a frozen screen), shows what would change, and applies it on
confirmation as ONE step through the document, so u undoes the whole import.
A table with a bad row changes nothing: the rows are listed as FILE:LINE.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from sitrep.app.dialogs.import_file import ImportFileScreen, ImportRequest
from sitrep.app.dialogs.import_preview import ImportPreviewScreen
from sitrep.app.flows.ask import ask_now
from sitrep.app.safe import Say
from sitrep.editing.document import Change, Document, snapshot
from sitrep.errors import SitrepError
from sitrep.imports.preview import Prepared, prepare, steps
from sitrep.model.carry import carry
from sitrep.model.sections import SECTIONS
from sitrep.model.situation import Situation

if TYPE_CHECKING:
    from sitrep.app.flows.edit import EditFlow


class ImportFlow:
    """Asks for a table, shows what importing it would change, applies it as one step."""

    def __init__(self, screen: Screen[Any], document: Document, say: Say, edits: EditFlow) -> None:
        self.screen = screen
        self.document = document
        self.say = say
        self.edits = edits
        self.last: str | None = None
        """The file last imported (the next import starts from it)."""

    def start(self) -> None:
        """Ask for the file at once (keys typed next go to the dialog), then go on in a worker."""
        app = self.screen.app
        if isinstance(app.screen, (ImportFileScreen, ImportPreviewScreen)):
            return
        answer = ask_now(app, ImportFileScreen(self._suggestion()))
        app.run_worker(self._run(answer), group="import", name="import", exclusive=True)

    def _suggestion(self) -> str:
        if self.last is not None:
            return self.last
        folder = self.document.path.absolute().parent if self.document.path else Path.cwd()
        return f"{folder}/"

    async def _run(self, answer: Awaitable[ImportRequest | None]) -> None:
        request = await answer
        if request is None:
            return
        self.last = str(request.path)
        frozen = snapshot(self.document.situation)
        what = None if request.kind == "detect" else request.kind
        try:  # reading and working out the import: off the UI thread
            prepared = await asyncio.to_thread(
                prepare, frozen, request.path, what, self.document.path
            )
        except SitrepError as exc:
            await self._refused(f"Cannot import {request.path.name}", exc.lines())
            return
        if await self._confirmed(prepared):
            self._apply(frozen, prepared)

    async def _refused(self, title: str, lines: list[str]) -> None:
        summary = "Nothing has changed. Fix the file (or its column headers) and import it again."
        dialog = ImportPreviewScreen(title, summary, lines, can_import=False)
        await self.screen.app.push_screen_wait(dialog)

    async def _confirmed(self, prepared: Prepared) -> bool:
        outcome, source = prepared.outcome, prepared.source
        if outcome.problems:
            count = len(outcome.problems)
            title = f"Nothing imported: {count} bad row{'s' if count != 1 else ''} in {source}"
            await self._refused(title, [str(p) for p in outcome.problems])
            return False
        if not (outcome.added or outcome.updated):
            self.say(f"Nothing to import: {prepared.summary}")
            return False
        title = f"Import {prepared.what} from {source}?"
        dialog = ImportPreviewScreen(title, prepared.summary, outcome.lines, can_import=True)
        answer: bool = await self.screen.app.push_screen_wait(dialog)
        return answer

    def _apply(self, frozen: Situation, prepared: Prepared) -> None:
        """Apply the import as one undo step, unless the situation changed meanwhile."""
        if not unchanged(frozen, self.document.situation):
            message = "The situation changed while the table was read: import it again"
            self.say(message, severity="warning")
            return
        # The whole result was validated in the thread (it loads as a file): applied
        # unchecked, a table of thousands of rows takes milliseconds, not a scan per row.
        changes = []
        for section, index, entry in steps(frozen, prepared.outcome.situation):
            entries = self.document.entries(section)  # type: ignore[arg-type]
            before = entries[index] if index < len(entries) else None
            after = carry(before, entry) if before is not None else entry
            changes.append(Change(section, index, before, after))  # type: ignore[arg-type]
        self.document.apply_checked(changes)
        first = next(((c.section, c.index) for c in changes if c.section == prepared.what), None)
        if first is not None:  # after the tables show the batch
            self.screen.call_later(self.edits.reveal, *first)
        o = prepared.outcome
        self.say(
            f"Imported from {prepared.source}: {o.added} {prepared.what} added, "
            f"{o.updated} updated (u undoes it)"
        )


def unchanged(frozen: Situation, now: Situation) -> bool:
    """Whether the situation still has the very entries the snapshot has."""
    if frozen.header is not now.header:
        return False
    for section in SECTIONS:
        old, new = getattr(frozen, section), getattr(now, section)
        if len(old) != len(new) or any(a is not b for a, b in zip(old, new, strict=True)):
            return False
    return True
