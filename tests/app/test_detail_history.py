"""The detail's control history: the newest changes, then how many earlier ones and where."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from sitrep.app.widgets.detail_history import HISTORY_SHOWN, TIMELINE_KEY, control_history
from sitrep.model.kinds.places import ControlChange
from sitrep.model.situation import Situation


def lined(label: str, value: Content) -> Content:
    return Content(f"{label} | {value.plain}")


def with_changes(sample: Situation, count: int) -> tuple[Situation, str]:
    place = sample.places[0]
    parties = [p.id for p in sample.parties[:2]]
    changes = [
        ControlChange(
            date=dt.date(2021, 1, 1) + dt.timedelta(days=i),
            holder=parties[i % 2],
            confidence="confirmed",
            sources=list(place.control[-1].sources) if place.control else [],
        )
        for i in range(count)
    ]
    edited = place.model_copy(update={"control": changes})
    return sample.model_copy(update={"places": [edited, *sample.places[1:]]}), edited.id


def test_a_short_history_is_listed_whole(sample: Situation) -> None:
    s, place_id = with_changes(sample, 3)
    shown = [c.plain for c in control_history(s, s.place(place_id), lined)]  # type: ignore[arg-type]
    assert len(shown) == 2 + 3
    assert shown[2].startswith("3 Jan 2021 |"), "newest first"
    assert not any("earlier change" in line for line in shown)


def test_a_long_history_lists_the_newest_and_counts_the_rest(sample: Situation) -> None:
    s, place_id = with_changes(sample, HISTORY_SHOWN + 9)
    shown = [c.plain for c in control_history(s, s.place(place_id), lined)]  # type: ignore[arg-type]
    assert len(shown) == 2 + HISTORY_SHOWN + 1
    newest = dt.date(2021, 1, 1) + dt.timedelta(days=HISTORY_SHOWN + 8)
    assert shown[2].startswith(f"{newest.day} {newest:%b %Y} |")
    assert shown[-1] == f"… | 9 earlier changes: all in the timeline (key {TIMELINE_KEY})"
    one = [c.plain for c in control_history(s, s.place(place_id), lined, shown=HISTORY_SHOWN + 8)]  # type: ignore[arg-type]
    assert one[-1].startswith("… | 1 earlier change: ")
