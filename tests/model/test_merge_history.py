"""Histories merge as sets of dated parts: control changes, figure values, past reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitrep.model.merging.merge import MergeResult, merge
from sitrep.model.merging.resolve import resolve_all
from sitrep.model.situation import Situation
from sitrep.yaml.io import dump_situation, parse_situation
from tests.model.desk import base, edit, entry


def merged(ours: Situation, theirs: Situation) -> MergeResult:
    result = merge(base(), ours, theirs)
    assert parse_situation(dump_situation(result.situation)) == result.situation
    return result


def control(s: Situation, place_id: str = "south") -> list[tuple[Any, ...]]:
    place = s.place(place_id)
    assert place is not None
    return [(c.date, c.state, c.holder, c.confidence) for c in place.control]


def appending(change: dict[str, Any], place_id: str = "south") -> Any:
    def do(data: dict[str, Any]) -> None:
        history = entry(data, "places", place_id).setdefault("control", [])
        history.append(change)
        history.sort(key=lambda c: c.get("date") or dt.date.min)

    return do


def day(n: int) -> dt.date:
    return dt.date(2021, 8, n)


def test_changes_appended_on_both_sides_are_all_kept_in_date_order() -> None:
    ours = edit(base(), appending({"date": day(12), "holder": "gov", "sources": ["s1"]}))
    theirs = edit(
        base(), appending({"date": day(11), "state": "contested", "parties": ["gov", "reb"]})
    )
    result = merged(ours, theirs)
    assert result.clean
    assert control(result.situation) == [
        (None, "controlled", "gov", "confirmed"),
        (day(10), "controlled", "reb", "confirmed"),
        (day(11), "contested", None, "confirmed"),
        (day(12), "controlled", "gov", "confirmed"),
    ]


def test_the_same_change_appended_on_both_sides_is_kept_once() -> None:
    change = {"date": day(12), "holder": "gov", "sources": ["s1"]}
    result = merged(edit(base(), appending(dict(change))), edit(base(), appending(dict(change))))
    assert result.clean and len(control(result.situation)) == 3


def test_two_changes_on_one_day_keep_the_order_their_side_gave_them() -> None:
    claimed = {"date": day(12), "holder": "gov", "confidence": "claimed", "according_to": "Gov"}
    confirmed = {"date": day(12), "holder": "gov", "sources": ["s1"]}

    def both(data: dict[str, Any]) -> None:
        entry(data, "places", "south")["control"] += [claimed, confirmed]

    result = merged(edit(base(), both), base())
    assert [c[3] for c in control(result.situation)] == [
        "confirmed",
        "confirmed",
        "claimed",
        "confirmed",
    ]


def test_one_change_edited_in_different_fields_on_each_side_merges() -> None:
    def sourced(data: dict[str, Any]) -> None:
        entry(data, "places", "south")["control"][1]["sources"] = ["s2", "s3"]

    def claimed(data: dict[str, Any]) -> None:
        change = entry(data, "places", "south")["control"][1]
        change.update(confidence="reported", according_to="Radio")

    result = merged(edit(base(), sourced), edit(base(), claimed))
    assert result.clean
    place = result.situation.place("south")
    assert place is not None
    latest = place.control[1]
    assert (latest.sources, latest.confidence, latest.according_to) == (
        ["s2", "s3"],
        "reported",
        "Radio",
    )


def test_one_change_edited_in_the_same_field_is_a_conflict_at_that_part() -> None:
    def to(holder: str) -> Any:
        def do(data: dict[str, Any]) -> None:
            entry(data, "places", "south")["control"][1]["holder"] = holder

        return do

    result = merged(edit(base(), to("third")), edit(base(), to("gov")))
    (conflict,) = result.conflicts
    assert conflict.path == ["places", "south", "control", 1, "holder"]
    assert (conflict.base, conflict.ours, conflict.theirs) == ("reb", "third", "gov")


def test_a_change_made_contested_on_one_side_and_given_a_new_holder_on_the_other() -> None:
    def contested(data: dict[str, Any]) -> None:
        change = entry(data, "places", "south")["control"][1]
        change.update(state="contested", parties=["gov", "reb"])
        del change["holder"]

    def third(data: dict[str, Any]) -> None:
        entry(data, "places", "south")["control"][1]["holder"] = "third"

    result = merged(edit(base(), third), edit(base(), contested))
    assert control(result.situation)[1] == (day(10), "controlled", "third", "confirmed")
    paths = sorted(c.path[-1] for c in result.conflicts)  # type: ignore[type-var]
    assert paths == ["holder", "parties", "state"]
    theirs = resolve_all(result.situation, "theirs")  # taken together, their side is valid
    assert control(theirs)[1] == (day(10), "contested", None, "confirmed")


def test_a_change_deleted_on_one_side_and_edited_on_the_other_is_a_conflict() -> None:
    def deleted(data: dict[str, Any]) -> None:
        del entry(data, "places", "south")["control"][1]

    def edited(data: dict[str, Any]) -> None:
        entry(data, "places", "south")["control"][1]["note"] = "Confirmed by radio."

    result = merged(edit(base(), deleted), edit(base(), edited))
    (conflict,) = result.conflicts
    assert conflict.path == ["places", "south", "control", 1]
    assert conflict.ours is None and conflict.theirs["note"] == "Confirmed by radio."  # type: ignore[index]
    assert len(control(result.situation)) == 1
    restored = resolve_all(result.situation, "theirs")
    assert control(restored) == control(edit(base(), edited))


def test_two_different_undated_first_changes_are_a_conflict() -> None:
    ours = edit(base(), appending({"holder": "gov"}, "east"))
    theirs = edit(base(), appending({"holder": "reb"}, "east"))
    result = merged(ours, theirs)
    assert control(result.situation, "east") == [(None, "controlled", "gov", "confirmed")]
    (conflict,) = result.conflicts
    assert conflict.path == ["places", "east", "control", 0]
    assert conflict.reason == "both sides added a first change without a date"


def test_figure_values_added_on_both_sides_are_kept_in_date_order() -> None:
    def value(as_of: str, figure: Any) -> Any:
        def do(data: dict[str, Any]) -> None:
            series = entry(data, "figures", "idps")["series"]
            series.append({"as_of": as_of, "value": figure})
            series.sort(key=lambda p: str(p["as_of"]))

        return do

    result = merged(
        edit(base(), value("2021-08-12", 2000)), edit(base(), value("2021-08-10", "about 1,500"))
    )
    assert result.clean
    (figure,) = result.situation.figures
    assert [str(p.value) for p in figure.series] == ["1,000", "about 1,500", "2,000"]


def test_past_reports_added_on_both_sides_are_kept() -> None:
    def issued(number: int, as_of: dt.date) -> Any:
        def do(data: dict[str, Any]) -> None:
            reports = data["header"].setdefault("past_reports", [])
            reports.append({"report_number": number, "as_of": as_of})
            reports.sort(key=lambda r: r["as_of"])

        return do

    result = merged(edit(base(), issued(2, day(12))), edit(base(), issued(1, day(11))))
    assert result.clean
    assert [r.report_number for r in result.situation.header.past_reports] == [1, 2]
