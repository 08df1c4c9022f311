"""Headless TUI measurements: first paint and key latency in ``App.run_test``.

First paint is the wall time from the parent spawning the process to the first
frame whose text shows the key figures and the first table row (the same span a
user waits for). Key latency is the time from a key event entering the app to
the screen update that shows its effect: we post the key, then let the app and
every widget of the screen handle their messages and run the screen's update, as
its refresh timer would, until nothing is waiting.
``Pilot.press`` is not used because it sleeps 2 x 20 ms per key to wait for idle.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

MAX_ROUNDS = 50
"""At most this many rounds of letting the app settle after a key."""

SIZE = (120, 40)


def screen_text(app: Any) -> str:
    """The text of what the app's screen shows now (rendered by the compositor)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def _wait_for_text(app: Any, markers: list[str], timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while True:
        app.screen._on_timer_update()
        text = screen_text(app)
        if all(marker in text for marker in markers):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{markers} never appeared; the screen shows:\n{text}")
        await asyncio.sleep(0.002)


def _busy(app: Any) -> bool:
    """Whether the app or a widget of its screen has messages or callbacks waiting."""
    screen = app.screen
    if getattr(screen, "_callbacks", None):
        return True
    return any(
        not node._message_queue.empty() or node._next_callbacks
        for node in (app, *screen.walk_children(with_self=True))
    )


async def _key(app: Any, pilot: Any, key: str) -> float:
    """Seconds from posting one key to the screen update that shows its effect.

    After the key, we let every widget handle its messages and run the screen's
    update (which also runs call_after_refresh callbacks), again and again until
    nothing is waiting: a key can open a dialog, which mounts, then focuses.
    Timers (debounced work) are not waited for.
    """
    from textual import events

    char = {"slash": "/"}.get(key, key if len(key) == 1 else None)
    start = time.perf_counter()
    await app._post_message(events.Key(key, char))
    for _ in range(MAX_ROUNDS):
        await pilot._wait_for_screen()
        app.screen._on_timer_update()
        if not _busy(app):
            break
    return time.perf_counter() - start


Plan = list[tuple[str | None, str]]
"""Keys to press in order, each with the figure it is timed for (None: not timed)."""


async def _keys(app: Any, pilot: Any, plan: Plan) -> dict[str, list[float]]:
    """Press the plan's keys in order and time the ones that name a figure."""
    out: dict[str, list[float]] = {}
    for name, key in plan:
        elapsed = await _key(app, pilot, key)
        if name is not None:
            out.setdefault(name, []).append(elapsed)
    return out


async def _run(app: Any, markers: list[str], plan: Plan) -> dict[str, Any]:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _wait_for_text(app, markers)
        painted_at = time.time()
        keys = await _keys(app, pilot, plan)
        text = screen_text(app)
    return {"painted_at": painted_at, "keys": keys, "last_screen": text}


def app_plan(each: int) -> Plan:
    """Cursor down, page down, filter keystrokes, and edits of the holder of a place.

    An edit is h (the holder dialog opens, timed as "dialog"), a party number, and
    enter, which applies the edit (timed as "edit"); parties 1 and 2 alternate so
    that every edit after the first changes the place.
    """
    plan: Plan = [("down", "down")] * each + [("pagedown", "pagedown")] * each
    plan += [(None, "slash"), *[("filter", "a"), ("filter", "backspace")] * (each // 2)]
    plan += [(None, "escape"), (None, "1"), (None, "home")]
    for i in range(each):
        plan += [("dialog", "h"), (None, str(1 + i % 2)), ("edit", "enter")]
    return plan


def minimal_plan(each: int) -> Plan:
    """The same keys in the minimal app, where they only go through Textual's dispatch."""
    plan: Plan = [("down", "down")] * each + [("pagedown", "pagedown")] * each
    plan += [("filter", "a"), ("filter", "backspace")] * (each // 2)
    for _ in range(each):
        plan += [("dialog", "c"), (None, "1"), ("edit", "c")]
    return plan


def measure_app(path: Path, keys_each: int) -> dict[str, Any]:
    """Open FILE as `sitrep FILE` does, headless, then press keys; with a timing breakdown."""
    marks = {"start": time.time()}
    from sitrep.app.run import open_situation
    from sitrep.settings import load_settings

    marks["model_imported"] = time.time()
    opened = open_situation(path)
    marks["loaded"] = time.time()
    settings, problem = load_settings()
    from sitrep.app.app import SitrepApp

    marks["app_imported"] = time.time()
    assert opened.document is not None, f"{path} is not valid: {opened.error}"
    situation = opened.document.situation
    first = situation.territory[0].name if situation.territory else situation.header.title
    app = SitrepApp(
        opened.document,
        settings=settings,
        settings_problem=problem,
        load_error=opened.error,
        file_name=opened.name,
        new_file=opened.new_file,
    )
    markers = ["CONTROL", first[:5]]
    result = asyncio.run(_run(app, markers, app_plan(keys_each)))
    result.update(marks=marks, markers=markers)
    return result


def measure_minimal(keys_each: int) -> dict[str, Any]:
    """The minimal Textual app, measured the same way."""
    marks = {"start": time.time()}
    from benchmarks.minimal_app import MARKER, MinimalApp

    marks["app_imported"] = time.time()
    result = asyncio.run(_run(MinimalApp(), [MARKER], minimal_plan(keys_each)))
    result.update(marks=marks, markers=[MARKER])
    return result
