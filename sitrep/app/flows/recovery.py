"""Recovering the edits of a sitrep that died: apply them, keep them for later, or drop them.

The question says when the file changed since the edits were made (a git pull,
another editor); the edits are then applied onto the file as it is now, one by
one as the journal records them, and any that no longer fit are named and kept
aside. No journal is deleted without the user's word: Escape keeps it for the
next start, and dropping asks once more.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from textual.app import App

from sitrep.app.dialogs.choice import Choice, ChoiceScreen
from sitrep.app.dialogs.confirm import ConfirmScreen
from sitrep.app.safe import Say
from sitrep.app.session import Session
from sitrep.storage.crash.journal import JournalError, Recovery

SHOWN_SKIPS = 5
"""Edits that did not fit named one by one; past that, how many more."""


def _edits(count: int) -> str:
    return f"{count} unsaved edit{'s' if count != 1 else ''}"


def offer(recovery: Recovery, file_name: str) -> ChoiceScreen:
    """Apply (exactly, or onto the changed file), drop, or keep for later (Escape)."""
    when = recovery.last_change.astimezone().strftime("%a %d %b %H:%M")
    message = (
        f"sitrep did not quit cleanly: {_edits(recovery.count)} of {file_name} "
        f"(last at {when}) can be recovered."
    )
    if recovery.damage:
        message += f"\nThe end of the journal was damaged: {recovery.damage}."
    if recovery.file_changed:
        message += (
            f"\n{file_name} changed since these edits were made (a git pull, another editor). "
            "Each edit is applied where it still fits the file as it is now; any that does "
            "not is named and kept aside."
        )
        apply = Choice(
            "apply", "r", "Apply them", "Each edit that still fits the file now (u undoes)"
        )
    else:
        apply = Choice("apply", "r", "Recover", "Replay them exactly, as one step (u undoes)")
    choices = [
        apply,
        Choice("drop", "d", "Drop them", "Delete the journal for good (asked again)"),
        Choice("cancel", "k", "Keep for later", "Set them aside: offered again at the next start"),
    ]
    return ChoiceScreen("Unsaved edits found", message, choices, focus="apply")


class RecoveryFlow:
    """Acts on the answer to the recovery question, then journals from there on."""

    def __init__(self, app: App[Any], session: Session, say: Say) -> None:
        self.app = app
        self.session = session
        self.say = say

    async def answered(self, recovery: Recovery, answer: Awaitable[str | None]) -> None:
        """Apply, drop (once confirmed) or keep; journaling starts whatever the answer."""
        choice = await answer
        if choice == "drop" and await self.app.push_screen_wait(
            ConfirmScreen(f"Drop {_edits(recovery.count)} for good?", "Drop them", "Keep them")
        ):
            recovery.discard()
            self.say(f"Dropped {_edits(recovery.count)}")
        elif choice == "apply":
            self._apply(recovery)
        else:
            self._keep(recovery)
        if self.session.guard.journal is None and self.session.guard.unjournaled is None:
            self.session.guard.start()

    def _keep(self, recovery: Recovery) -> None:
        try:
            recovery.keep()
        except JournalError as exc:  # still where it was: offered again all the same
            self.say(str(exc), severity="error")
            return
        self.say(f"Kept {_edits(recovery.count)} aside: offered again at the next start")

    def _apply(self, recovery: Recovery) -> None:
        guard = self.session.guard
        if not recovery.file_changed:
            try:
                count = guard.recover(recovery)
            except JournalError as exc:
                self.say(f"{exc}; the edits are kept aside", severity="error")
                return
            self.say(f"Recovered {_edits(count)} (u undoes them)")
            return
        try:
            result = guard.replay(recovery)
        except JournalError as exc:
            self.say(str(exc), severity="error")
            return
        applied = len(result.applied)
        self.say(
            f"Applied {applied} of {_edits(recovery.count)} onto {self.session.file_name} "
            "as it is now (u undoes them)"
        )
        if result.skipped:
            lines = [
                f"{recovery.describe(number)}: {why}"
                for number, why in result.skipped[:SHOWN_SKIPS]
            ]
            more = len(result.skipped) - SHOWN_SKIPS
            if more > 0:
                lines.append(f"and {more} more")
            self.say(
                f"{len(result.skipped)} did not fit the file as it is now and are kept aside "
                "(offered again at the next start):\n" + "\n".join(lines),
                severity="warning",
            )
