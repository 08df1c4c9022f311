"""The app's garbage-collection policy, on a stand-in for the gc module (never the real one:
freezing the test process's objects would keep every app of the suite alive)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sitrep.app import memory
from sitrep.app.memory import RECLAIM_AFTER, QuietCollector


class FakeGC:
    """Records what the collector asks of gc; freezing moves `alive` into `frozen`."""

    def __init__(self) -> None:
        self.callbacks: list[Callable[[str, dict[str, Any]], None]] = []
        self.calls: list[str] = []
        self.alive = 0
        self.frozen = 0
        self.enabled = False
        """The command line starts the TUI with the collector off (cli._run_tui)."""

    def enable(self) -> None:
        self.calls.append("enable")
        self.enabled = True

    def freeze(self) -> None:
        self.calls.append("freeze")
        self.frozen, self.alive = self.frozen + self.alive, 0

    def unfreeze(self) -> None:
        self.calls.append("unfreeze")
        self.alive, self.frozen = self.alive + self.frozen, 0

    def collect(self) -> int:
        self.calls.append("collect")
        for callback in self.callbacks:
            callback("stop", {"generation": 2})
        return 0

    def get_freeze_count(self) -> int:
        return self.frozen


@pytest.fixture
def fake_gc(monkeypatch: pytest.MonkeyPatch) -> FakeGC:
    fake = FakeGC()
    monkeypatch.setattr(memory, "gc", fake)
    return fake


def test_start_freezes_and_full_collections_freeze_their_survivors(fake_gc: FakeGC) -> None:
    collector = QuietCollector()
    fake_gc.alive = 1000
    collector.start()
    assert fake_gc.frozen == 1000 and len(fake_gc.callbacks) == 1
    # what the startup made is frozen before the collector is back on, so it never walks it
    assert fake_gc.enabled and fake_gc.calls == ["freeze", "enable"]
    fake_gc.alive = 10
    fake_gc.callbacks[0]("stop", {"generation": 1})  # a young collection: nothing frozen
    assert fake_gc.alive == 10
    fake_gc.callbacks[0]("stop", {"generation": 2})
    assert fake_gc.alive == 0 and fake_gc.frozen == 1010
    collector.stop()
    assert fake_gc.callbacks == []


def test_reclaims_only_when_quiet_and_enough_was_frozen(
    fake_gc: FakeGC, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [100.0]
    monkeypatch.setattr(memory.time, "monotonic", lambda: now[0])
    collector = QuietCollector()
    collector.start()
    fake_gc.alive = RECLAIM_AFTER + 1
    fake_gc.freeze()
    fake_gc.calls.clear()
    collector.key_pressed()
    now[0] += memory.QUIET_SECONDS / 2
    assert not collector.reclaim_if_quiet(), "a key came a moment ago"
    now[0] += memory.QUIET_SECONDS
    assert collector.reclaim_if_quiet()
    assert fake_gc.calls[:2] == ["unfreeze", "collect"] and fake_gc.calls[-1] == "freeze"
    fake_gc.calls.clear()
    now[0] += 60
    assert not collector.reclaim_if_quiet(), "nothing new was frozen since"
    assert fake_gc.calls == []


def test_a_collector_never_started_does_nothing(fake_gc: FakeGC) -> None:
    collector = QuietCollector()
    assert not collector.reclaim_if_quiet()
    collector.stop()
    assert fake_gc.calls == []
