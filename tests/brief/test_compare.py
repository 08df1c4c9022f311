"""compare() and the brief's 'Changes since the previous report'."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.brief import render_brief
from sitrep.model.entries import ControlChange, Place
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Situation
from sitrep.model.versions.compare import Changes, compare, describe_delta
from sitrep.yaml.io import load_situation
from tests.paths import GOLDEN

FIXTURE = GOLDEN / "fixture-situation.yaml"
PREVIOUS = GOLDEN / "fixture-previous.yaml"
NO_CHANGE = "No change since the previous report."


@pytest.fixture
def new() -> Situation:
    return load_situation(FIXTURE)


@pytest.fixture
def old() -> Situation:
    return load_situation(FIXTURE)


@pytest.fixture
def previous() -> Situation:
    return load_situation(PREVIOUS)


def place(s: Situation, place_id: str) -> Place:
    return next(p for p in s.places if p.id == place_id)


def changes_section(brief: str) -> str:
    return brief.split("## Changes since the previous report\n\n", 1)[1].split("\n## ", 1)[0]


# -- compare -------------------------------------------------------------------------------


def test_identical_situations_have_no_changes(old: Situation, new: Situation) -> None:
    changes = compare(old, new)
    assert changes.is_empty and changes.entries_unchanged
    assert changes == Changes()


def test_a_new_date_alone_is_a_header_change(old: Situation, new: Situation) -> None:
    old.header = old.header.model_copy(update={"as_of": dt.date(2024, 3, 3)})
    changes = compare(old, new)
    assert not changes.is_empty and changes.entries_unchanged
    assert [(c.field, c.old, c.new) for c in changes.header] == [
        ("as_of", dt.date(2024, 3, 3), dt.date(2024, 3, 10))
    ]


def test_compare_finds_every_kind_of_change(previous: Situation, new: Situation) -> None:
    changes = compare(previous, new)
    assert set(changes.control) == {"airport", "north", "tarlenheim"}
    north, tarlenheim = changes.control["north"], changes.control["tarlenheim"]
    assert north.holder_changed and not north.control_changed
    assert (north.old.holder, north.new.holder) == ("gov", "rebels")
    assert tarlenheim.control_changed and not tarlenheim.holder_changed
    assert [(f.section, f.key, f.exact_delta, f.delta) for f in changes.values] == [
        ("figures", "idps", None, "lower bound +2,500"),
        ("figures", "refugees", None, "about +700"),
        ("evacuations", "Freedonia", None, "about +200"),
        ("evacuations", "Elbonia", None, "no longer given"),
    ]
    assert [(e.actor, e.old, e.new) for e in changes.embassies] == [
        ("Freedonia", "open", "reduced"),
        ("Elbonia", "unknown", "open"),
    ]
    assert [(s.actor, s.old, s.new) for s in changes.statuses] == [
        ("Freedonia", "planned", "announced"),
        ("Elbonia", "announced", "none"),
    ]
    assert [p.id for p in changes.places.added] == ["zenda"]
    assert [p.id for p in changes.places.removed] == ["rupert"]
    assert {c.field for c in changes.header} >= {"as_of", "report_number"}


def test_entries_are_matched_by_their_keys(old: Situation, new: Situation) -> None:
    old.evacuations[0].actor = "FREEDONIA"
    old.notes[0].text = "  Water supply cut   in Strelsau North.  "
    old.outlook[0].statement = old.outlook[0].statement.upper()
    assert compare(old, new).is_empty
    old.notes[0].date = dt.date(2024, 3, 8)  # same text, another day: another note
    changes = compare(old, new)
    assert len(changes.notes.added) == 1 and len(changes.notes.removed) == 1


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (3000, 3200, "+200"),
        (3200, 3000, "-200"),
        (1000, 1000, "no change"),
        ("about 600", "about 1000", "about +400"),
        (600, "about 600", "about the same"),
        ("at least 10000", "at least 12500", "lower bound +2,500"),
        ("100-200", "300-400", "up by at least 100"),
        ("300-400", "100-200", "down by at least 100"),
        ("hundreds", "thousands", "up by at least 1,001"),
        ("at least 3000", 5000, "change unclear from the stated figures"),
        ("undisclosed", 40, "now given"),
        (40, "undisclosed", "no longer given"),
        (None, 40, "now given"),
        (40, None, "no longer given"),
    ],
)
def test_deltas_are_no_more_precise_than_the_figures(old: object, new: object, words: str) -> None:
    before = None if old is None else Figure.parse(old)
    after = None if new is None else Figure.parse(new)
    assert describe_delta(before, after) == words


# -- the brief -----------------------------------------------------------------------------


def test_identical_previous_says_no_change(old: Situation, new: Situation) -> None:
    section = changes_section(render_brief(new, previous=old))
    assert section == f"Compared with the previous report (as of 10 Mar 2024, no. 4). {NO_CHANGE}\n"


def test_a_new_report_date_alone_is_still_no_change(old: Situation, new: Situation) -> None:
    old.header = old.header.model_copy(update={"as_of": dt.date(2024, 3, 3), "report_number": 3})
    section = changes_section(render_brief(new, previous=old))
    assert section == f"Compared with the previous report (as of 3 Mar 2024, no. 3). {NO_CHANGE}\n"


def test_changes_section_lists_every_change(previous: Situation, new: Situation) -> None:
    brief = render_brief(new, previous=previous)
    assert brief.index("## Key figures") < brief.index("## Changes since") < brief.index("## Terr")
    lines = changes_section(brief).split("\n")
    assert lines[0] == "Compared with the previous report (as of 3 Mar 2024, no. 3)."
    assert lines[2:13] == [
        "- Strelsau airport: was held by the government; now held by the government, besieged "
        "by the Northern Front (reported, according to Wire Agency)",
        "- Strelsau North: changed hands from the government to the Northern Front on 9 Mar 2024",
        "- Tarlenheim: was held by the Northern Front (reported); now contested between the "
        "Northern Front and the government",
        "- IDPs in Ruritania: at least 10,000 → at least 12,500 (lower bound +2,500)",
        "- Refugees in Freedonia since 1 Mar 2024: about 2,500 → 3,200 (about +700)",
        "- Freedonia: troops for the evacuation: about 300 → about 500 (about +200)",
        "- Elbonia: troops for the evacuation: 12 → none (no longer given)",
        "- Freedonia: embassy open → reduced",
        "- Elbonia: embassy not known → open",
        "- Freedonia: evacuation planned → evacuation announced",
        "- Elbonia: evacuation announced → no evacuation",
    ]
    assert "- New place: Zenda" in lines and "- Removed place: Rupertsburg" in lines
    assert (
        "- New figure: People killed in Ruritania since 4 Mar 2024: at least 85 (Ruritanian "
        "health ministry, as of 9 Mar 2024)" in lines
    )
    assert NO_CHANGE not in brief


def test_a_confirmed_capture_changed_hands_on_the_day_it_was_taken(
    previous: Situation, new: Situation
) -> None:
    north = place(new, "north")
    north.control[-1].confidence = "claimed"
    north.control.append(ControlChange(date=dt.date(2024, 3, 10), holder="rebels"))
    section = changes_section(render_brief(new, previous=previous))
    assert (
        "- Strelsau North: changed hands from the government to the Northern Front on "
        "9 Mar 2024\n" in section
    )


def test_without_previous_there_is_no_changes_section(new: Situation) -> None:
    assert "Changes since the previous report" not in render_brief(new)
