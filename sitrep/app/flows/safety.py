"""Crash safety: recover the edits of a sitrep that died, journal every edit, watch the file.

Every edit is journaled, so a sitrep that dies loses nothing: the next start
offers to recover the edits. The file is watched (a stat every two seconds) so
a change made by someone else is reported before a save has to ask.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App

from sitrep.app.dialogs.confirm import ConfirmScreen
from sitrep.app.flows.ask import ask_now
from sitrep.app.safe import Say
from sitrep.app.session import Session
from sitrep.storage.journal import JournalError, Recovery

DISK_POLL_SECONDS = 2.0
"""How often the file is checked (a stat) for changes made by someone else."""


class CrashSafety:
    """Offers a crashed session's edits back, then journals; reports changes on disk."""

    def __init__(
        self, app: App[Any], session: Session, say: Say, *, saving: Callable[[], bool]
    ) -> None:
        self.app = app
        self.session = session
        self.say = say
        self.saving = saving
        """Whether a save is being written (its own write is not someone else's change)."""

    def start(self) -> None:
        """Offer to recover a crashed session's edits, journal from now on, watch the file.

        The offer is on screen before any key is handled: an edit made before the
        answer would not be journaled, and the recovered edits would not apply to it.
        """
        recovery = self.session.guard.pending()
        if recovery is None:
            self.session.guard.start()
        else:
            answer = ask_now(self.app, self._offer(recovery))
            self.app.run_worker(self._recover(recovery, answer), group="recovery")
        self.app.set_interval(DISK_POLL_SECONDS, self.check_disk, name="disk check")

    def _offer(self, recovery: Recovery) -> ConfirmScreen:
        when = recovery.last_change.astimezone().strftime("%a %d %b %H:%M")
        count = recovery.count
        question = (
            f"sitrep did not quit cleanly: {count} unsaved edit{'s' if count != 1 else ''} "
            f"of {self.session.file_name} (last at {when}) can be recovered. Recover them?"
        )
        return ConfirmScreen(question, "Recover", "Discard them", safe=True)

    async def _recover(self, recovery: Recovery, answer: Awaitable[bool | None]) -> None:
        guard = self.session.guard
        if not await answer:
            recovery.discard()
            guard.start()
            return
        try:
            count = guard.recover(recovery)
        except JournalError as exc:
            self.say(str(exc), severity="error")
            return
        self.say(f"Recovered {count} unsaved edit{'s' if count != 1 else ''} (u undoes them)")

    def check_disk(self) -> None:
        """Report, once, a change of the file by someone else (what the poll does).

        Not while a save is written: the file changes before the save is recorded.
        """
        if not self.saving() and self.session.guard.changed_on_disk():
            path = self.session.save_path
            what = "changed on disk" if path.exists() else "was deleted or moved"
            self.say(f"{path} {what}; saving will ask what to do", severity="warning")
