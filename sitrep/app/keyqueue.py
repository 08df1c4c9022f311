"""Every key goes where it would have gone had the user typed slowly.

Textual hands a key to the focused widget and at once takes the next one. A key
the widget does not use itself (Tab, ctrl+u, `/`, `a`) only acts when it has
bubbled up to the bindings, by which time the keys after it have gone to the old
focus: `a` then a name at speed lost the first letters to the form still being
built, `ctrl+u` then text cleared the text, Tab in a burst came after the words
meant for the next field. A terminal paste or tmux delivers exactly such bursts.

KeyQueue takes keys (and pastes) one at a time: the next is handed over only
when the one before has been handled all the way up (its bindings ran, the form
it opened is mounted and the focus it moved has landed). When nothing is in
flight a key is handed over at once, so typing slowly costs nothing.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

from textual import events
from textual.app import App
from textual.errors import NoWidget
from textual.message_pump import MessagePump

HOP_TIMEOUT = 5.0
"""Seconds to wait for one widget to handle a key before handing over the next
anyway: a guard against a handler that never returns, never reached in use."""

Input = events.Key | events.Paste
Deliver = Callable[[Input], Awaitable[None]]


class KeyQueue:
    """Hands the app's keys and pastes over one at a time, each after the last is handled."""

    def __init__(self, app: App[Any], deliver: Deliver) -> None:
        self.app = app
        self.deliver = deliver
        """Textual's own handling of a key that has just arrived (App.on_event)."""
        self.pending: deque[Input] = deque()
        self._task: asyncio.Task[None] | None = None
        self.last_key_at = 0.0
        """When the last key or paste arrived (time.monotonic); idle work waits for quiet."""

    @property
    def busy(self) -> bool:
        """A key is still being handled, or keys wait their turn."""
        return self._task is not None

    async def offer(self, event: Input) -> None:
        """A key or paste from the terminal: hand it over now, or queue it behind the others."""
        self.last_key_at = time.monotonic()
        if self._task is None and self._screen_ready():
            target = await self._hand_over(event)
            if target is not None:  # it went to a widget: the next waits until it is handled
                self._task = asyncio.create_task(self._drain(event, target))
            return
        self.pending.append(event)
        if self._task is None:
            self._task = asyncio.create_task(self._drain(None, None))

    def stop(self) -> None:
        """Forget queued keys (the app is closing)."""
        self.pending.clear()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    # -- the queue -----------------------------------------------------------------
    async def _drain(self, event: Input | None, target: MessagePump | None) -> None:
        try:
            if event is not None and target is not None:
                await self._until_handled(event, target)
            while self.pending:
                await self._until_ready()
                event = self.pending.popleft()
                target = await self._hand_over(event)
                if target is not None:
                    await self._until_handled(event, target)
        except Exception as error:  # as if it had happened in the app's own handler
            self.app._handle_exception(error)
        finally:
            self._task = None

    async def _hand_over(self, event: Input) -> MessagePump | None:
        """Give the key to Textual; the widget it went to (None: a priority binding took it)."""
        try:
            target: MessagePump = self.app.focused or self.app.screen
        except Exception:  # no screen: the app is closing
            return None
        await self.deliver(event)
        return target if event.is_forwarded else None

    async def _until_handled(self, event: Input, target: MessagePump) -> None:
        """Wait until the key has been handled by its widget and each parent it bubbled to."""
        node: MessagePump | None = target
        while node is not None:
            await self._round_trip(node)
            if event._stop_propagation or not event.bubble:
                return
            node = node._parent

    def _screen_ready(self) -> bool:
        try:
            return self.app.screen.is_mounted
        except Exception:
            return True  # no screen yet or any more: Textual decides what to do

    async def _until_ready(self) -> None:
        """Wait for a screen being built (a form just opened) and the focus its mount gave."""
        try:
            screen = self.app.screen
        except Exception:
            return
        if not screen.is_mounted:
            with suppress(TimeoutError):
                await asyncio.wait_for(screen._mounted_event.wait(), HOP_TIMEOUT)
        await self._round_trip(self.app)  # focus() lands through the app's queue

    @staticmethod
    async def _round_trip(node: MessagePump) -> None:
        """Wait until a widget has handled every message it had when called."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def mark() -> None:
            if not done.done():
                done.set_result(None)

        with suppress(NoWidget):
            if not node.call_later(mark):
                return  # closed: nothing more will be handled there
        with suppress(TimeoutError):
            await asyncio.wait_for(done, HOP_TIMEOUT)


def keys_of(app: object) -> KeyQueue | None:
    """The app's KeyQueue, if it has one (sitrep's app does; a test host may not)."""
    keys = getattr(app, "keys", None)
    return keys if isinstance(keys, KeyQueue) else None
