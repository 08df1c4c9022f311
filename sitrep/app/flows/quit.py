"""Quitting: at once when everything is saved; else save, discard, or stay.

"Save" quits only once the file is written: a save that raises a question (the
file changed on disk, a failed write) waits for the answers, and a save that
does not write leaves the app open with the edits.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from textual.app import App

from sitrep.app.dialogs.quit import QuitChoice, QuitScreen
from sitrep.app.flows.ask import ask_now
from sitrep.app.flows.save import SaveFlow
from sitrep.app.session import Session


class QuitFlow:
    """Quits the app without losing an edit the user did not choose to drop."""

    def __init__(self, app: App[Any], session: Session, saving: SaveFlow) -> None:
        self.app = app
        self.session = session
        self.saving = saving
        self._waiting = False

    def quit(self) -> None:
        """Quit, asking first when there are unsaved changes (the question shows at once).

        A save still being written is waited for first: it may leave nothing to ask.
        """
        if self.saving.busy:
            if not self._waiting:
                self._waiting = True
                self.app.run_worker(self._after_saves(), group="quit", name="quit after save")
            return
        if not self.session.document.dirty:
            self.quit_cleanly()
            return
        if isinstance(self.app.screen, QuitScreen):
            return
        answer = ask_now(self.app, QuitScreen(self.session.file_name))
        self.app.run_worker(self._answered(answer), group="quit", name="quit")

    async def _after_saves(self) -> None:
        self.app.notify("Waiting for the save to finish…", timeout=2)
        await self.saving.idle()
        self._waiting = False
        self.quit()

    async def _answered(self, answer: Awaitable[QuitChoice | None]) -> None:
        choice = await answer
        if choice == "discard" or (choice == "save" and await self.saving.save()):
            self.quit_cleanly()

    def quit_cleanly(self) -> None:
        """Quit after a save or a choice to discard: the journal is not needed any more."""
        self.session.close()
        self.app.exit()
