"""The situation being worked on: its document, its crash guard, where it is saved.

One Session lives as long as the app. Reloading the file from disk gives it a
new document (and a new journal); the flows and the main screen read it through
the same object, so none of them keeps a stale document.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.editing.document import Document
from sitrep.model.situation import Situation
from sitrep.storage.diskstate import DiskState
from sitrep.storage.guard import Guard, Report


class Session:
    """The open document, the guard of its journal and file, and where it saves."""

    def __init__(
        self, document: Document, disk: DiskState | None, new_file: Path, warn: Report
    ) -> None:
        self.document = document
        self.new_file = new_file
        """Where a document without a path (the bundled sample) is first saved."""
        self.warn = warn
        """Tells the user about a journal that cannot be written (the edits go on)."""
        self.guard = Guard(document, disk, warn)

    @property
    def save_path(self) -> Path:
        """Where the next save writes."""
        return self.document.path or self.new_file

    @property
    def file_name(self) -> str:
        """The name shown in the header: the file, or where a new one will go."""
        if self.document.path is None:
            return f"new: {self.new_file.name}"
        return self.document.path.name

    def replace(self, document: Document, disk: DiskState) -> None:
        """Work on a document just read again from disk.

        The old journal is closed (the user chose to drop those edits) and a new one
        starts.
        """
        self.guard.close()
        self.document = document
        self.guard = Guard(document, disk, self.warn)
        self.guard.start()

    def close(self) -> None:
        """A clean quit (after a save or a choice to discard): the journal goes."""
        self.guard.close()

    def brief_text(self, *, timestamp: bool = False, situation: Situation | None = None) -> str:
        """The Markdown brief of the situation as it stands (or of a snapshot of it)."""
        from sitrep.brief import render_brief  # not needed before the first screen

        generated_at = dt.datetime.now(dt.UTC).replace(microsecond=0) if timestamp else None
        return render_brief(
            situation or self.document.situation,
            source_name=self.save_path.name,
            generated_at=generated_at,
        )
