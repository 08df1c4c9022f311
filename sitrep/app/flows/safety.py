"""Crash safety: recover the edits of a sitrep that died, journal every edit, watch the file.

Every edit is journaled, so a sitrep that dies loses nothing: the next start
offers to recover the edits. The file is watched (a stat every two seconds) so
a change made by someone else is reported before a save has to ask.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from sitrep.app.flows.ask import ask_now
from sitrep.app.flows.recovery import RecoveryFlow, offer
from sitrep.app.safe import Say
from sitrep.app.session import Session

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
            answer = ask_now(self.app, offer(recovery, self.session.file_name))
            flow = RecoveryFlow(self.app, self.session, self.say)
            self.app.run_worker(flow.answered(recovery, answer), group="recovery")
        self.app.set_interval(DISK_POLL_SECONDS, self.check_disk, name="disk check")

    def check_disk(self) -> None:
        """Report, once, a change of the file by someone else (what the poll does).

        Not while a save is written: the file changes before the save is recorded.
        """
        if not self.saving() and self.session.guard.changed_on_disk():
            path = self.session.save_path
            if not path.exists():
                what = "was deleted or moved"
            elif not path.is_file():  # a folder, pipe or device, or a link to one
                what = "is no longer a regular file"
            else:
                what = "changed on disk"
            self.say(f"{path} {what}; saving will ask what to do", severity="warning")
