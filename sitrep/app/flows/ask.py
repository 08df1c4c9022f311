"""Asking a question at once, for a flow that goes on in a worker.

A flow is a coroutine run as a worker: it asks with ``push_screen_wait`` and goes
on with the answer, one line after the other. But a worker starts a turn of the
event loop after the key that started it, and keys typed in the same burst are
handled first, by the screen below: "q" then "d" would delete an entry instead of
discarding the edits and quitting. So the first question of a flow started by a
key (or at start-up, before the journal runs) is pushed at once with ask_now,
and the worker awaits its answer.
"""

from __future__ import annotations

import asyncio
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

T = TypeVar("T")


def ask_now(app: App[Any], dialog: Screen[T]) -> asyncio.Future[T | None]:
    """Push a dialog now (the next keys go to it); its answer, to await in a worker.

    The answer comes back through whatever asked (the app, for a key binding or
    a palette command), which outlives the dialog.
    """
    answer: asyncio.Future[T | None] = asyncio.get_running_loop().create_future()

    def answered(result: T | None) -> None:
        if not answer.done():
            answer.set_result(result)

    app.push_screen(dialog, answered)
    return answer
