"""Saving, through whatever the disk says.

A save writes canonical YAML atomically. When the file changed on disk since it
was loaded (another editor, a git pull, a second sitrep), it is never replaced
silently: the user chooses to reload it, overwrite it, save elsewhere or cancel.
A file deleted meanwhile can be saved again; a save that fails (read-only file,
missing folder, full disk) says why and offers to retry or save elsewhere. In
every case that does not write, the edits stay in the app (and in the journal).

A save writes a snapshot of the document taken when the key is pressed (keys
typed after it do not reach the file), in a thread, so the UI never waits for a
large file to be written; edits made meanwhile keep the document dirty and are
journaled again on top of the saved file. Saves run one at a time, in the order
they were asked for; quitting waits for one in flight. The questions, if any, are
asked by a worker, one after the other, until the file is written or the user
gives up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App

from sitrep.app.flows import save_questions as ask
from sitrep.app.safe import Say
from sitrep.app.session import Session
from sitrep.editing.document import Change, Document, snapshot
from sitrep.errors import SitrepError
from sitrep.storage.diskstate import DiskState, FileChangedError, NotRegularFileError, Status
from sitrep.storage.store import Saved


@dataclass(frozen=True)
class Changed:
    """The file at target changed on disk (or appeared, or went) since it was read."""

    target: Path
    status: Status


@dataclass(frozen=True)
class Failed:
    """Writing target failed; a retry expects the disk to look as it did before."""

    target: Path
    expected: DiskState | None
    error: SitrepError


class Expected:
    """The type of EXPECTED."""


EXPECTED = Expected()
"""Expect the file as the guard knows it when the save's turn comes (after earlier saves)."""

Problem = Changed | Failed
"""Why a save did not write: each has its question."""

Outcome = Problem | bool
"""What an answer led to: a new problem to ask about, or whether the file was written."""

Reload = Callable[[Document, DiskState], Awaitable[None]]
"""Show a document just read again from disk (the app replaces its main screen)."""


class SaveFlow:
    """Saves the session's document and asks what to do when the disk says no."""

    def __init__(
        self,
        app: App[Any],
        session: Session,
        say: Say,
        *,
        reload: Reload,
        saved: Callable[[], None],
    ) -> None:
        self.app = app
        self.session = session
        self.say = say
        self.reload = reload
        self.on_saved = saved
        """Called after every successful save (the header shows the saved state)."""
        self._turn = asyncio.Lock()
        """Held while a file is written: saves run one after the other."""
        self._writing: set[asyncio.Task[Problem | None]] = set()

    @property
    def busy(self) -> bool:
        """Whether a save is being written or waits for its turn."""
        return bool(self._writing)

    async def idle(self) -> None:
        """Wait until no save is being written (quitting waits for one in flight)."""
        while self._writing:
            await asyncio.wait(list(self._writing))

    # -- the flow ------------------------------------------------------------------
    def save_now(self) -> None:
        """Snapshot now and write it in a thread; if the disk says no, ask what to do."""
        self.app.run_worker(self.save(), group="save", name="save")

    def save(self) -> Awaitable[bool]:
        """Write the document as it is now, asking until the file is written (True) or
        the user gives up (False). The snapshot is taken before this returns."""
        writing = self.write_now()

        async def finish() -> bool:
            problem = await writing
            return problem is None or await self.resolve(problem)

        return finish()

    async def resolve(self, problem: Problem) -> bool:
        """Ask about a problem, and about the next one an answer leads to, until done."""
        outcome: Outcome = problem
        while not isinstance(outcome, bool):
            if isinstance(outcome, Changed):
                outcome = await self._changed(outcome)
            else:
                outcome = await self._failed(outcome)
        return outcome

    # -- writing -------------------------------------------------------------------
    def write_now(self) -> asyncio.Task[Problem | None]:
        """Write to the save path if the file is as it was read; else what went wrong.

        The file must look as the last save left it when this save's turn comes.
        """
        return self.write(self.session.save_path, EXPECTED)

    def write(
        self, target: Path, expected: DiskState | Expected | None
    ) -> asyncio.Task[Problem | None]:
        """Write target (expected: what it must still look like; None: replace anything).

        The document is copied now; the copy is written in a thread, in turn, by a
        task that runs whether or not the caller waits for it.
        """
        changed = self._changed_already(target) if expected is EXPECTED else None
        if changed is not None:  # asked at once, as the key is pressed (no thread)

            async def refused() -> Problem | None:
                return changed

            return self._track(asyncio.ensure_future(refused()))
        document = self.session.document
        copy, state = snapshot(document.situation), document.state
        since: list[Change] = []  # edits made while it is written: journaled again after
        document.observers.append(since.append)

        async def written() -> Problem | None:
            from sitrep.storage.store import save_situation

            try:
                async with self._turn:
                    want = self.session.guard.expected(target) if expected is EXPECTED else expected
                    assert not isinstance(want, Expected)
                    try:
                        saved = await asyncio.to_thread(save_situation, copy, target, expected=want)
                    except FileChangedError as exc:
                        return Changed(target, exc.status)
                    except SitrepError as exc:
                        return Failed(target, want, exc)
            finally:
                document.observers.remove(since.append)
            if document is self.session.document:  # not replaced by a reload meanwhile
                self._saved(saved, target, state, since)
            return None

        return self._track(asyncio.ensure_future(written()))

    def _track(self, task: asyncio.Task[Problem | None]) -> asyncio.Task[Problem | None]:
        self._writing.add(task)
        task.add_done_callback(self._writing.discard)
        return task

    def _changed_already(self, target: Path) -> Changed | None:
        """The file changed by someone else, seen by a stat (and a hash only then), when
        no save is in flight; the writing thread checks again just before it writes."""
        if self._writing:
            return None
        want = self.session.guard.expected(target)
        try:
            status = want.status(target) if want.maybe_changed() else "unchanged"
        except SitrepError:
            return None  # the writer says what is wrong
        # A file deleted (or its folder gone) is left to the writer, which says which.
        return Changed(target, status) if status in ("modified", "created") else None

    async def _try(self, target: Path, expected: DiskState | None) -> Outcome:
        problem = await self.write(target, expected)
        return True if problem is None else problem

    def _saved(self, saved: Saved, target: Path, state: int, since: list[Change]) -> None:
        self.session.document.mark_saved(target, state)
        self.session.guard.saved(saved, target, since)
        self.say(f"Saved {target}")
        if saved.warning:
            self.say(f"{target.name}: {saved.warning}", severity="warning")
        if saved.backup_error:
            self.say(f"Saved, but {saved.backup_error}", severity="warning")
        self.on_saved()

    def _not_saved(self) -> bool:
        self.say("Not saved: your edits are still here", severity="warning")
        return False

    # -- the questions -------------------------------------------------------------
    async def _changed(self, problem: Changed) -> Outcome:
        target, status = problem.target, problem.status
        ours = target == self.session.document.path
        while True:
            try:  # what the user is shown: overwrite replaces that, and only that
                seen = DiskState.capture(target)
            except SitrepError as exc:
                return Failed(target, None, exc)
            choice = await self.app.push_screen_wait(ask.changed_on_disk(target, status, ours=ours))
            if choice == "reload":
                if await self.app.push_screen_wait(ask.confirm_reload(target)):
                    await self._reload(target)
                    return False  # their version is shown: ours was not written
                continue  # "go back": the same question, nothing lost
            if choice == "overwrite":
                return await self._try(
                    target, seen
                )  # changed again, or not a file now: asked again
            if choice == "recreate":
                return await self._try(target, DiskState.absent(target))
            if choice == "elsewhere":
                return await self._elsewhere(target, "conflict")
            return self._not_saved()

    async def _failed(self, problem: Failed) -> Outcome:
        error = problem.error
        not_a_file = isinstance(error, NotRegularFileError)
        question = ask.not_a_file(error) if not_a_file else ask.save_failed(error)
        choice = await self.app.push_screen_wait(question)
        if choice == "retry":
            return await self._try(problem.target, problem.expected)
        if choice == "elsewhere":
            return await self._elsewhere(problem.target, "copy")
        return self._not_saved()

    async def _elsewhere(self, target: Path, tag: str) -> Outcome:
        path = await self.app.push_screen_wait(ask.save_elsewhere(target, tag))
        if path is None:
            return self._not_saved()
        return await self._try(
            path, DiskState.absent(path)
        )  # a file there is not replaced silently

    async def _reload(self, target: Path) -> None:
        from sitrep.storage.diskstate import load_with_state

        try:
            situation, disk = load_with_state(target)
        except SitrepError as exc:
            first = exc.lines()[0] if exc.lines() else str(exc)
            self.say(f"Cannot reload: {first} (your edits are kept)", severity="error")
            return
        await self.reload(Document(situation, target), disk)
        self.say(f"Reloaded {target} from disk")
