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

MAX_SPINS = 1_000_000
"""At most this many turns of the event loop while the app settles after a key."""

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


def _waiting(node: Any) -> bool:
    """Whether a message pump has nothing to do: its queue is empty and its loop waits on it.

    A pump whose handler is still running (say, awaiting a mount) has an empty
    queue too, but its loop is not waiting in ``Queue.get`` (Textual's own queue:
    a deque and an asyncio.Event the loop waits on).
    """
    queue = node._message_queue
    return (
        not queue.values
        and bool(queue.ready_event._waiters)
        and node._pending_message is None
        and not node._next_callbacks
    )


def _needs_update(screen: Any) -> bool:
    """Whether the screen has a layout, a repaint or after-refresh callbacks waiting."""
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )


async def settle(app: Any) -> None:
    """Run the app until the key's effect is on screen and nothing is left to do.

    Every pump (the app, the screen and each of its widgets) handles its
    messages; whenever all of them wait, the screen's update runs at once (as its
    refresh timer would, without waiting for the next frame), which also runs
    the call_after_refresh callbacks; this repeats until no pump has work and the
    screen needs no update. Timers (debounced work) are not waited for.

    It only watches: unlike ``Pilot._wait_for_screen`` it posts nothing to the
    widgets (that posts a callback to every widget, costing ~2.6 ms per round
    with 85 widgets, which the app does not pay in a terminal).
    """
    for _ in range(MAX_SPINS):
        await asyncio.sleep(0)
        if app._exception is not None:
            raise RuntimeError("the app failed") from app._exception
        screen = app.screen
        if not all(_waiting(node) for node in (app, *screen.walk_children(with_self=True))):
            continue
        if not _needs_update(screen):
            return
        screen._on_timer_update()
    raise TimeoutError("the app never settled")


async def _key(app: Any, key: str) -> float:
    """Seconds from posting one key to the screen update that shows its effect (see settle)."""
    from textual import events

    char = {"slash": "/"}.get(key, key if len(key) == 1 else None)
    start = time.perf_counter()
    await app._post_message(events.Key(key, char))
    await settle(app)
    return time.perf_counter() - start


FILTER_ALL = "filter first (all rows)"
"""From the first filter key until the filter has looked at every row."""

Plan = list[tuple[str | None, str]]
"""Keys to press in order, each with the figure it is timed for (None: not timed)."""


async def _filter_finished(app: Any) -> None:
    """Wait until every table of the screen has filtered all its rows (a large table
    filters in slices on its timer, after the first one shows), then for the screen."""
    for table in app.screen.query("EntryTable"):
        await table.filter_finished()
    await settle(app)


async def _keys(app: Any, plan: Plan) -> dict[str, list[float]]:
    """Press the plan's keys in order and time the ones that name a figure.

    After "filter first", "filter first (all rows)" is the time from that key until
    the filter has looked at every row and the screen shows the final count.
    """
    out: dict[str, list[float]] = {}
    for name, key in plan:
        start = time.perf_counter()
        elapsed = await _key(app, key)
        if name is not None:
            out.setdefault(name, []).append(elapsed)
        if name == "filter first":
            await _filter_finished(app)
            out.setdefault(FILTER_ALL, []).append(time.perf_counter() - start)
    return out


SAVE_KEYS = 400
"""At most this many cursor-down presses are timed while a save is in flight."""


async def _save(app: Any, keys: dict[str, list[float]]) -> float | None:
    """Press the save key, then cursor down while the save is in flight (each timed).

    Returns the seconds from the key to the file written (the document clean).
    """
    files = getattr(app, "files", None)
    if files is None:
        return None
    document = files.saving.session.document
    start = time.perf_counter()
    keys["save"] = [await _key(app, "ctrl+s")]
    during = keys.setdefault("down during save", [])
    while document.dirty and len(during) < SAVE_KEYS:
        during.append(await _key(app, "down"))
    while document.dirty:
        await asyncio.sleep(0.005)
    return time.perf_counter() - start


async def _run(app: Any, markers: list[str], plan: Plan, save: bool = False) -> dict[str, Any]:
    async with app.run_test(size=SIZE, notifications=True):
        await _wait_for_text(app, markers)
        painted_at = time.time()
        prepare = getattr(app, "prepare_benchmark", None)
        if prepare is not None:
            prepare()
        keys = await _keys(app, plan)
        saved = await _save(app, keys) if save and plan else None
        text = screen_text(app)
        guard = getattr(app, "guard", None)
        if guard is not None:  # as a clean quit does: no crash journal is left behind
            guard.close()
        collector = getattr(app, "collector", None)
        if collector is not None:
            collector.stop()
    return {"painted_at": painted_at, "keys": keys, "last_screen": text, "save_s": saved}


def app_plan(each: int, first: int = 1) -> Plan:
    """Cursor down, page down, filter keystrokes, and changes of control of a place.

    An edit is h (the control dialog opens, timed as "dialog"), a party number, and
    enter, which records the change (timed as "edit"); parties 1 and 2 alternate,
    starting with `first`, a party that does not hold the place, so that every
    edit records a change (the dialog refuses one that says nothing new).
    """
    plan: Plan = [("down", "down")] * each + [("pagedown", "pagedown")] * each
    plan += [(None, "slash"), ("filter first", "a"), (None, "backspace")]
    plan += [("filter", "a"), ("filter", "backspace")] * (each // 2)
    plan += [(None, "escape"), (None, "1"), (None, "home")]
    for i in range(each):
        plan += [("dialog", "h"), (None, str(1 + (first - 1 + i) % 2)), ("edit", "enter")]
    return plan


def minimal_plan(each: int) -> Plan:
    """The same keys in the minimal app, where they only go through Textual's dispatch."""
    plan: Plan = [("down", "down")] * each + [("pagedown", "pagedown")] * each
    plan += [("filter first", "a"), (None, "backspace")]
    plan += [("filter", "a"), ("filter", "backspace")] * (each // 2)
    for _ in range(each):
        plan += [("dialog", "c"), (None, "1"), ("edit", "enter")]
    return plan


def measure_app(path: Path, keys_each: int) -> dict[str, Any]:
    """Open FILE as `sitrep FILE` does, headless, then press keys; with a timing breakdown."""
    marks = {"start": time.time()}
    import gc

    gc.disable()  # as cli._run_tui does; the app enables it once its first screen is up
    from sitrep.app.run import open_situation
    from sitrep.settings import load_settings

    marks["model_imported"] = time.time()
    opened = open_situation(path)
    marks["loaded"] = time.time()
    gc.freeze()  # as build_app(freeze_gc=True) does
    settings, problem = load_settings()
    from sitrep.app.app import SitrepApp

    marks["app_imported"] = time.time()
    assert opened.document is not None, f"{path} is not valid: {opened.error}"
    situation = opened.document.situation
    first = situation.places[0].name if situation.places else situation.header.title
    app = SitrepApp(
        opened.document,
        settings=settings,
        settings_problem=problem,
        load_error=opened.error,
        file_name=opened.name,
        new_file=opened.new_file,
        disk=opened.disk,
        freeze_gc=True,  # as run_app does
    )
    gc.freeze()  # as run_app does before app.run()
    markers = ["CONTROL", first[:5]]
    holder = situation.places[0].holder if situation.places else None
    start = 2 if situation.parties and holder == situation.parties[0].id else 1
    result = asyncio.run(_run(app, markers, app_plan(keys_each, start), save=True))
    result.update(marks=marks, markers=markers)
    return result


def party_names(path: Path) -> list[str]:
    """The names of a situation file's parties (read from the top of the file only)."""
    import yaml

    head: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if head and line[:1].isalpha() and not line.startswith(("header", "parties")):
                break
            head.append(line)
    data = yaml.load("".join(head), Loader=yaml.CSafeLoader) or {}
    return [str(party.get("name", party.get("id"))) for party in data.get("parties") or []]


def measure_minimal(path: Path, keys_each: int) -> dict[str, Any]:
    """The minimal Textual app, measured the same way; its dialog lists the file's parties."""
    marks = {"start": time.time()}
    from benchmarks.minimal_app import MARKER, MinimalApp

    marks["app_imported"] = time.time()
    app = MinimalApp()

    def prepare() -> None:  # after the first paint, as sitrep has read them by then
        app.parties = party_names(path) or app.parties

    app.prepare_benchmark = prepare  # type: ignore[attr-defined]
    result = asyncio.run(_run(app, [MARKER], minimal_plan(keys_each)))
    result.update(marks=marks, markers=[MARKER])
    return result
