"""Field-level differences, in the model, in words, and as textconv lines."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from sitrep.brief.difftext import diff_lines
from sitrep.brief.factlines import fact_lines
from sitrep.model.situation import Situation
from sitrep.model.versions.diff import differences
from tests.model.desk import base, edit, entry, setting


def changed(*edits: Any) -> Situation:
    s = base()
    for change in edits:
        s = edit(s, change)
    return s


def append_control(change: dict[str, Any]) -> Any:
    def do(data: dict[str, Any]) -> None:
        entry(data, "places", "south")["control"].append(change)

    return do


def test_nothing_differs_between_a_file_and_itself() -> None:
    assert differences(base(), base()) == []


def test_a_field_an_added_and_a_removed_entry() -> None:
    def add_and_remove(data: dict[str, Any]) -> None:
        data["places"].append({"id": "west", "name": "West"})
        data["sources"].remove(entry(data, "sources", "s3"))

    new = changed(setting("places", "north", name="North"), add_and_remove)
    found = [d.to_json() for d in differences(base(), new)]
    assert found == [
        {
            "section": "sources",
            "key": "s3",
            "path": [],
            "change": "removed",
            "old": {"id": "s3", "publisher": "Paper"},
            "new": None,
        },
        {
            "section": "places",
            "key": "north",
            "path": ["name"],
            "change": "changed",
            "old": "North City",
            "new": "North",
        },
        {
            "section": "places",
            "key": "west",
            "path": [],
            "change": "added",
            "old": None,
            "new": {"id": "west", "name": "West"},
        },
    ]
    assert diff_lines(base(), new, differences(base(), new)) == [
        "removed source s3",
        "North: name: North City → North",
        "added place West (west)",
    ]


def test_a_control_change_appended_is_a_part_added_and_worded_as_the_hand_over() -> None:
    new = changed(
        append_control({"date": dt.date(2021, 8, 12), "holder": "gov", "how": "fighting"})
    )
    (d,) = differences(base(), new)
    assert (d.section, d.key, d.path, d.change) == ("places", "south", ("control", 2), "added")
    assert d.new == {"date": "2021-08-12", "holder": "gov", "how": "fighting"}
    assert diff_lines(base(), new, [d]) == [
        "South Town: control: Rebels → Government (since 12 Aug 2021)"
    ]


def test_other_control_changes_in_words() -> None:
    confirmed = changed(
        append_control({"date": dt.date(2021, 8, 12), "holder": "reb", "confidence": "reported"})
    )
    assert diff_lines(base(), confirmed, differences(base(), confirmed)) == [
        "South Town: control: Rebels → Rebels (reported) (since 12 Aug 2021)"
    ]

    def holder(data: dict[str, Any]) -> None:
        entry(data, "places", "south")["control"][1]["holder"] = "third"

    def dropped(data: dict[str, Any]) -> None:
        del entry(data, "places", "south")["control"][1]

    edited, removed = changed(holder), changed(dropped)
    assert diff_lines(base(), edited, differences(base(), edited)) == [
        "South Town: control on 10 Aug 2021: holder: reb → third"
    ]
    assert diff_lines(base(), removed, differences(base(), removed)) == [
        "South Town: control: removed change on 10 Aug 2021 (Rebels)"
    ]


def test_a_figure_value_added_and_an_evacuation_status() -> None:
    def grew(data: dict[str, Any]) -> None:
        entry(data, "figures", "idps")["series"].append({"as_of": "2021-08-12", "value": 550000})

    new = changed(grew, setting("evacuations", "Utopia", status="under_way", troops="about 3000"))
    assert diff_lines(base(), new, differences(base(), new)) == [
        "evacuation Utopia: status: announced → under_way",
        "evacuation Utopia: troops: set to about 3,000",
        "figure idps: 1,000 → 550,000 (as of 12 Aug 2021)",
    ]


def test_lists_of_text_say_what_was_added_and_removed() -> None:
    new = changed(setting("places", "east", sources=["s2"], aliases=["Harbour"]))
    assert diff_lines(base(), new, differences(base(), new)) == [
        "East Port: aliases: added Harbour",
        "East Port: sources: added s2; removed s1",
    ]


def test_the_header_and_its_past_reports() -> None:
    def next_report(data: dict[str, Any]) -> None:
        data["header"]["as_of"] = dt.date(2021, 8, 14)
        data["header"]["past_reports"] = [{"report_number": 1, "as_of": dt.date(2021, 8, 13)}]

    new = changed(next_report)
    found = differences(base(), new)
    assert [(d.section, d.key, d.path) for d in found] == [
        ("header", None, ("as_of",)),
        ("header", None, ("past_reports", 0)),
    ]
    assert diff_lines(base(), new, found) == [
        "header: as_of: 13 Aug 2021 → 14 Aug 2021",
        "header: past reports: added report 1 of 13 Aug 2021",
    ]


def test_notes_are_matched_by_content_so_an_edited_text_is_one_removed_and_one_added() -> None:
    def reworded(data: dict[str, Any]) -> None:
        data["notes"][0]["text"] = "Roads reopened."
        data["notes"][0]["sector"] = "logistics"

    new = changed(reworded)
    assert diff_lines(base(), new, differences(base(), new)) == [
        "added note of 12 Aug 2021: Roads reopened.",
        "removed note of 12 Aug 2021: Roads closed.",
    ]


def test_a_one_field_edit_is_a_one_line_change_of_the_textconv_lines() -> None:
    new = changed(
        append_control({"date": dt.date(2021, 8, 12), "holder": "gov"}),
        setting("places", "north", name="North"),
    )
    delta = [
        line
        for line in difflib.unified_diff(fact_lines(base()), fact_lines(new), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert delta == [
        "-place north: name: North City",
        "+place north: name: North",
        "+place south: control 2021-08-12: holder gov",
    ]
