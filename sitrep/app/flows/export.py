"""The brief, out of the app: written next to the situation file, or copied to the clipboard.

Writing goes through the output guard (storage.outputs): the brief never
replaces the situation, its outline or a file sitrep did not write (refused,
with why); it replaces a brief sitrep wrote there unchanged since; and it asks
first before replacing one that was edited since sitrep wrote it.
"""

from __future__ import annotations

from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from textual.app import App

from sitrep.app.dialogs.confirm import ConfirmScreen
from sitrep.app.flows.ask import ask_now
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

    @property
    def target(self) -> Path:
        """Where x writes the brief: the situation file's name with .md."""
        return self.session.save_path.with_suffix(".md")

    def export(self) -> None:
        """Write the brief next to the situation file (FILE.md), if the guard allows it.

        The brief is made now, from the situation as it stands when the key is
        pressed; a question about an edited brief is asked in a worker.
        """
        from sitrep.brief.inputs import export_inputs
        from sitrep.storage.outputs import check_output

        target = self.target
        situation = self.session.document.situation
        inputs = export_inputs(situation, self.session.document.path)
        check = check_output(target, inputs=inputs)
        if not (check.free or check.asks):
            self.say(f"Brief not written: {check.message}", severity="error")
            return
        text = self.session.brief_text(timestamp=self.timestamp)
        if check.free:
            self._write(target, text, inputs, replace_edited=False)
            return
        question = (
            f"{target.name} was changed since sitrep last wrote the brief there. "
            "Replace it with the brief as it stands now? Those changes would be lost."
        )
        answer = ask_now(self.app, ConfirmScreen(question, "Replace it", "Keep it"))
        self.app.run_worker(self._replace(answer, target, text, inputs), group="export")

    async def _replace(
        self, answer: Awaitable[bool | None], target: Path, text: str, inputs: dict[Path, str]
    ) -> None:
        if await answer:
            self._write(target, text, inputs, replace_edited=True)
        else:
            self.say(f"Brief not written: {target.name} kept as it is")

    def _write(
        self, target: Path, text: str, inputs: dict[Path, str], *, replace_edited: bool
    ) -> None:
        from sitrep.storage.outputs import write_output

        try:
            write_output(target, text, inputs=inputs, replace_edited=replace_edited)
        except SitrepError as exc:  # refused after all (it changed meanwhile), or I/O
            self.say(f"Brief not written: {exc}", severity="error")
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
