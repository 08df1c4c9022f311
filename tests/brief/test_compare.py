"""compare() and the brief's 'Changes since the previous report'."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.brief import render_brief
from sitrep.model.compare import Changes, compare, describe_delta
from sitrep.model.entries import Evacuation, Note, Place
from sitrep.model.figure import Figure
from sitrep.model.situation import Situation
from sitrep.yaml.io import load_situation
from tests.paths import GOLDEN

FIXTURE = GOLDEN / "fixture-situation.yaml"
NO_CHANGE = "No change since the previous report."


@pytest.fixture
def new() -> Situation:
    return load_situation(FIXTURE)


@pytest.fixture
def old() -> Situation:
    return load_situation(FIXTURE)


def place(s: Situation, place_id: str) -> Place:
    return next(p for p in s.territory if p.id == place_id)


def changes_section(brief: str) -> str:
    return brief.split("## Changes since the previous report\n\n", 1)[1].split("\n## ", 1)[0]


def previous_report(old: Situation) -> Situation:
    """The fixture as it stood a week earlier: several things differ from the new one."""
    old.header = old.header.model_copy(update={"as_of": dt.date(2024, 3, 3), "report_number": 3})
    north = place(old, "north")
    north.holder, north.since, north.how = "gov", None, "unknown"
    place(old, "tarlenheim").control = "controlled"
    old.territory = [p for p in old.territory if p.id != "zenda"]
    old.territory.append(Place(id="oldtown", name="Oldtown", holder="gov"))
    old.displacement[1].figure = Figure.parse("at least 11000")
    old.displacement[2].figure = Figure.parse(3000)
    old.evacuations[0].troops = Figure.parse("about 300")
    old.evacuations[0].embassy = "open"
    old.evacuations.append(Evacuation(country="Elbonia", troops=Figure.parse(12)))
    old.notes.append(Note(date=dt.date(2024, 3, 1), text="Old news."))
    return old


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


def test_compare_finds_every_kind_of_change(old: Situation, new: Situation) -> None:
    changes = compare(previous_report(old), new)
    assert set(changes.places) == {"north", "tarlenheim"}
    north, tarlenheim = changes.places["north"], changes.places["tarlenheim"]
    assert north.holder_changed and not north.control_changed and not north.confidence_changed
    assert (north.old.holder, north.new.holder) == ("gov", "rebels")
    assert tarlenheim.control_changed and not tarlenheim.holder_changed
    assert [(f.section, f.key, f.exact_delta, f.delta) for f in changes.figures] == [
        ("displacement", "idps-mar", None, "lower bound +1,500"),
        ("displacement", "refugees", 200, "+200"),
        ("evacuations", "Freedonia", None, "about +200"),
    ]
    assert [(e.country, e.old, e.new) for e in changes.embassies] == [
        ("Freedonia", "open", "reduced")
    ]
    assert [p.id for p in changes.territory.added] == ["zenda"]
    assert [p.id for p in changes.territory.removed] == ["oldtown"]
    assert [e.country for e in changes.evacuations.removed] == ["Elbonia"]
    assert [n.text for n in changes.notes.removed] == ["Old news."]
    assert changes.notes.added == [] and changes.outlook.is_empty and changes.sources.is_empty
    assert {c.field for c in changes.header} == {"as_of", "report_number"}


def test_entries_are_matched_by_their_keys(old: Situation, new: Situation) -> None:
    old.evacuations[0].country = "FREEDONIA"
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
        ("undisclosed", 40, "now disclosed"),
        (40, "undisclosed", "no longer disclosed"),
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


def test_changes_section_lists_every_change(old: Situation, new: Situation) -> None:
    brief = render_brief(new, previous=previous_report(old))
    assert brief.index("## Key figures") < brief.index("## Changes since") < brief.index("## Terr")
    assert changes_section(brief) == (
        "Compared with the previous report (as of 3 Mar 2024, no. 3).\n\n"
        "- Strelsau North: changed hands from Government of Ruritania to Northern Front on "
        "9 Mar 2024\n"
        "- Tarlenheim: control controlled → contested\n"
        "- IDPs in Ruritania (total): at least 11,000 → at least 12,500 people "
        "(lower bound +1,500)\n"
        "- Refugees in Freedonia (new since 1 Mar 2024): 3,000 → 3,200 people (+200)\n"
        "- Freedonia: troops: about 300 → about 500 (about +200)\n"
        "- Freedonia: embassy open → reduced\n"
        "- New place: Zenda\n"
        "- Removed place: Oldtown\n"
        "- Removed evacuation: Elbonia\n"
        "- Removed note: 1 Mar 2024: Old news.\n"
    )
    assert NO_CHANGE not in brief


def test_changes_in_the_period_name_the_previous_holder(old: Situation, new: Situation) -> None:
    brief = render_brief(new, previous=previous_report(old))
    assert (
        "- 9 Mar 2024: Strelsau North to Northern Front from Government of Ruritania "
        "(fighting; confirmed)" in brief
    )


def test_without_previous_there_is_no_changes_section(new: Situation) -> None:
    assert "Changes since the previous report" not in render_brief(new)
