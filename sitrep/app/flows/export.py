"""The brief, out of the app: written next to the situation file, or copied to the clipboard."""

from __future__ import annotations

from typing import Any

from textual.app import App

from sitrep.app.safe import Say
from sitrep.app.session import Session
from sitrep.errors import SitrepError


class BriefExport:
    """Exports the session's brief (stamped with the time it was made if the settings say so)."""

    def __init__(self, app: App[Any], session: Session, say: Say, *, timestamp: bool) -> None:
        self.app = app
        self.session = session
        self.say = say
        self.timestamp = timestamp

    def export(self) -> None:
        """Write the brief next to the situation file (FILE.md)."""
        from sitrep.storage.store import write_atomic

        target = self.session.save_path.with_suffix(".md")
        try:
            write_atomic(target, self.session.brief_text(timestamp=self.timestamp))
        except SitrepError as exc:
            self.say(str(exc), severity="error")
            return
        self.say(f"Brief written to {target}")

    def copy(self) -> None:
        """Copy the brief to the clipboard through its tool, else into a file (never claimed)."""
        text = self.session.brief_text(timestamp=self.timestamp)
        self.app.run_worker(self._copy(text), group="clipboard", name="copy brief")

    async def _copy(self, text: str) -> None:
        from sitrep.storage.clipboard import copy_with_tool, write_fallback

        self.app.copy_to_clipboard(text)  # OSC 52: some terminals take it, none confirm it
        tool = await copy_with_tool(text)
        if tool is not None:
            self.say(f"Brief copied to the clipboard ({tool})")
            return
        try:
            target = write_fallback(text)
        except SitrepError as exc:
            self.say(
                f"No clipboard tool (wl-copy, xclip, xsel, pbcopy) and {exc}", severity="error"
            )
            return
        self.say(
            f"No clipboard tool found (wl-copy, xclip, xsel, pbcopy): the brief is in {target}",
            severity="warning",
        )
