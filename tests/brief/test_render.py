"""What the brief says: title block, highlights, key figures, sections, sources, footer."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

import pytest

import sitrep
from sitrep.brief import render_brief
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Header, Situation
from sitrep.yaml.io import load_situation
from tests.paths import REPO

ROOT = REPO
FIXTURE = ROOT / "tests" / "golden" / "fixture-situation.yaml"


@pytest.fixture
def situation() -> Situation:
    return load_situation(FIXTURE)


def section(brief: str, title: str) -> str:
    """The text of one '## ' section (without its heading)."""
    return brief.split(f"\n## {title}\n\n", 1)[1].split("\n## ", 1)[0]


# -- title block -------------------------------------------------------------------------


def test_title_block(situation: Situation) -> None:
    brief = render_brief(situation)
    assert brief.startswith(
        "# Ruritania: situation report\n\n"
        "Situation report no. 4 · Ruritania\\\n"
        "As of 10 Mar 2024, 18:30 (UTC+02:00)\\\n"
        "Period covered: 4 Mar 2024 to 10 Mar 2024\\\n"
        "Produced by: Test desk\n\n## Highlights\n"
    )


def test_period_defaults_to_seven_days_before_as_of(situation: Situation) -> None:
    situation.header = situation.header.model_copy(update={"period_start": None})
    assert "Period covered: 3 Mar 2024 to 10 Mar 2024" in render_brief(situation)


def test_sections_come_in_ocha_order(situation: Situation) -> None:
    brief = render_brief(situation)
    titles = re.findall(r"^## (.+)$", brief, flags=re.MULTILINE)
    assert titles == [
        "Highlights",
        "Key figures",
        "Territory",
        "Evacuations",
        "Humanitarian",
        "Outlook",
        "Sources",
    ]


# -- highlights and key figures ----------------------------------------------------------


def test_highlights_put_the_analyst_first_and_only_news_of_the_period(
    situation: Situation,
) -> None:
    items = section(render_brief(situation), "Highlights").strip().split("\n")
    assert items == [
        "- The capital's airport closed to civilian flights.",
        "- **1 city changed hands** between 4 Mar 2024 and 10 Mar 2024, to the Northern Front: "
        "on 9 Mar 2024 Strelsau North.",
        "- **1 city came under the control of the Northern Front** between 4 Mar 2024 and "
        "10 Mar 2024 (earlier holder not recorded): on 6 Mar 2024 Zenda (claimed).",
        "- **2 places newly contested or besieged**: Tarlenheim, contested between the Northern "
        "Front and the government since 7 Mar 2024; Strelsau airport, held by the government "
        "and besieged by the Northern Front since 8 Mar 2024 (reported, according to Wire "
        "Agency).",
        "- New evacuation announcements: Freedonia (8 Mar 2024, about 500 troops); Grand "
        "Fenwick (9 Mar 2024, 40 troops); Relief Alliance (organisation, 9 Mar 2024, "
        "evacuees: about 120).",
        "- Embassy status in the period: Freedonia, reduced (8 Mar 2024); Elbonia, open "
        "(9 Mar 2024).",
        "- People killed in Ruritania since 4 Mar 2024: at least 85 (Ruritanian health "
        "ministry, as of 9 Mar 2024).",
    ]


def add_place(situation: Situation, place_id: str, *changes: dict[str, object]) -> None:
    """Append a city with this control history to the situation."""
    situation.places.append(
        Place.model_validate(
            {
                "id": place_id.replace(" ", "-"),
                "name": place_id.title(),
                "kind": "city",
                "control": list(changes),
            }
        )
    )


def test_many_changes_name_the_latest_days_and_say_earlier_what(situation: Situation) -> None:
    for n in range(12):
        day = dt.date(2024, 3, 4 + n % 6)
        add_place(
            situation, f"village {n:02d}", {"holder": "gov"}, {"date": day, "holder": "rebels"}
        )
    retaken = {"date": dt.date(2024, 3, 7), "holder": "gov"}
    add_place(situation, "retaken", {"holder": "rebels"}, retaken)
    line = section(render_brief(situation), "Highlights").split("\n")[1]
    assert line == (
        "- **14 cities changed hands** between 4 Mar 2024 and 10 Mar 2024. To the Northern "
        "Front: on 9 Mar 2024 Strelsau North, Village 05 and Village 11; "
        "on 8 Mar 2024 Village 04 and Village 10; on 7 Mar 2024 Village 03 and Village 09; "
        "on 6 Mar 2024 Village 02 and Village 08; and 4 more before 6 Mar 2024. "
        "To the government: on 7 Mar 2024 Retaken."
    )


def test_a_place_retaken_since_says_so(situation: Situation) -> None:
    north = next(p for p in situation.places if p.id == "north")
    north.control.append(ControlChange(date=dt.date(2024, 3, 10), holder="gov"))
    highlights = section(render_brief(situation), "Highlights")
    assert (
        "- **2 cities changed hands** between 4 Mar 2024 and 10 Mar 2024. To the Northern "
        "Front: on 9 Mar 2024 Strelsau North (now held by the government). To the government: "
        "on 10 Mar 2024 Strelsau North." in highlights
    )


def test_fighting_and_sieges_are_never_changes_of_hands(situation: Situation) -> None:
    brief = render_brief(situation)
    hands = [line for line in brief.split("\n") if "changed hands" in line]
    assert hands == [
        "- **1 city changed hands** between 4 Mar 2024 and 10 Mar 2024, to the Northern Front: "
        "on 9 Mar 2024 Strelsau North.",
        "- 9 Mar 2024: Strelsau North changed hands, from the government to the Northern Front "
        "(fighting; confirmed) [1]",
    ]


def test_key_figures(situation: Situation) -> None:
    figures = section(render_brief(situation), "Key figures")
    assert figures.split("\n\n")[0].split("\n") == [
        "- The government: 2 of 5 cities (all confirmed)",
        "- The Northern Front: 2 of 5 cities (1 confirmed, 1 claimed)",
        "- Contested: 1 of 5 cities: Tarlenheim, between the Northern Front and the government",
        "- Beyond the 5 cities: 1 airport held by the government (besieged); 1 base held by "
        "the Strelsau Guard",
        "- Nearest place held by a side hostile to the government: Strelsau North, held by the "
        "Northern Front, 56 km from Strelsau",
        "- People killed in Ruritania since 4 Mar 2024: at least 85 (Ruritanian health "
        "ministry, as of 9 Mar 2024) [1]",
        "- IDPs in Ruritania: at least 12,500 (UN OCHA, as of 9 Mar 2024) [2]",
        "- Refugees in Freedonia since 1 Mar 2024: 3,200 (UN OCHA and Wire Agency, as of "
        "8 Mar 2024) [1, 2]",
        "- Evacuating: 3 states and 1 organisation",
        "- Troops deployed for evacuations: about 540, plus 1 undisclosed (from 3 states)",
        "- Embassies: 1 temporarily closed, 1 reduced, 1 open",
    ]
    assert (
        "Context, values from before this period:\n\n"
        "- People in need in Ruritania: about 1.2 million (UN OCHA, as of Dec 2023) [2]"
    ) in figures
    assert "at least 10,000" not in figures  # only the latest value of each figure
    assert "15,700" not in figures and "22,500" not in figures  # never summed


def test_an_allied_faction_is_no_threat_to_the_seat(situation: Situation) -> None:
    barracks = next(p for p in situation.places if p.id == "barracks")
    assert barracks.lat == 50.1  # 11 km from the seat, held by an ally
    assert "hostile to the government: Strelsau North" in render_brief(situation)
    barracks.control.append(ControlChange(date=dt.date(2024, 3, 10), holder="rebels"))
    assert (
        "hostile to the government: Guard barracks, held by the Northern Front, 11 km from "
        "Strelsau" in render_brief(situation)
    )


def test_the_headline_kind_is_the_most_common_with_control(situation: Situation) -> None:
    for place in situation.places:
        place.kind = "province"
    brief = render_brief(situation)
    assert (
        "- The government: 3 of 7 provinces (2 confirmed, 1 reported); 1 of them besieged\n"
        "- The Northern Front: 2 of 7 provinces (1 confirmed, 1 claimed)\n"
        "- The Strelsau Guard: 1 of 7 provinces (all confirmed)\n"
        "- Contested: 1 of 7 provinces: Tarlenheim, between the Northern Front and the "
        "government\n" in brief
    )
    assert "Beyond the" not in brief
    assert "### Held by the government: 3 provinces" in brief


# -- the period --------------------------------------------------------------------------


def changes_in_period(brief: str) -> str:
    return brief.split("### Changes of control in the period\n\n", 1)[1].split("\n## ", 1)[0]


def test_changes_in_the_period_in_date_order(situation: Situation) -> None:
    changes = changes_in_period(render_brief(situation))
    assert changes == (
        "From 4 Mar 2024 to 10 Mar 2024, in date order:\n\n"
        "- 6 Mar 2024: Zenda came under the control of the Northern Front (how not known; "
        "claimed, according to Northern Front) [3]\n"
        "- 7 Mar 2024: Tarlenheim: contested between the Northern Front and the government, "
        "after being held by the Northern Front (fighting; confirmed) [1]\n"
        "- 8 Mar 2024: Strelsau airport: held by the government, besieged by the Northern "
        "Front (how not known; reported, according to Wire Agency) [1]\n"
        "- 9 Mar 2024: Strelsau North changed hands, from the government to the Northern "
        "Front (fighting; confirmed) [1]\n"
    )


def test_since_narrows_the_period(situation: Situation) -> None:
    brief = render_brief(situation, since=dt.date(2024, 3, 7))
    assert "Period covered: 7 Mar 2024 to 10 Mar 2024" in brief
    assert "Zenda" not in changes_in_period(brief)
    assert "- **1 city changed hands** between 7 Mar 2024 and 10 Mar 2024, to the " in brief
    assert "New evacuation announcements: Freedonia (8 Mar 2024" in brief


def test_since_widens_the_period(situation: Situation) -> None:
    brief = render_brief(situation, since=dt.date(2024, 2, 1))
    changes = changes_in_period(brief)
    assert changes.index("20 Feb 2024: Tarlenheim came under") < changes.index("6 Mar 2024: Zen")
    assert "Sylvania (under way, 28 Feb 2024, troops undisclosed)" in brief
    assert "on 6 Mar 2024 Zenda (claimed); on 20 Feb 2024 Tarlenheim (now contested)." in brief


def test_since_with_nothing_in_the_period(situation: Situation) -> None:
    brief = render_brief(situation, since=dt.date(2024, 3, 10))
    assert changes_in_period(brief) == (
        "No change of control recorded from 10 Mar 2024 to 10 Mar 2024.\n"
    )
    assert "changed hands**" not in brief and "came under" not in brief
    assert "New evacuation announcements" not in brief


def test_period_end_bounds_the_changes(situation: Situation) -> None:
    situation.header = situation.header.model_copy(update={"period_end": dt.date(2024, 3, 8)})
    changes = changes_in_period(render_brief(situation))
    assert "Zenda" in changes and "Strelsau North" not in changes


# -- sections ------------------------------------------------------------------------------


def test_enums_in_words_and_map(situation: Situation) -> None:
    brief = render_brief(situation, map_path="out/brief map.svg")
    assert (
        "| Sylvania | state | under way | — | undisclosed | land; by road to the western border "
        "| — | — | 28 Feb 2024 | [4] |" in brief
    )
    assert "| Sylvania | temporarily closed | — | confirmed | [4] |" in brief
    assert "(UN/NGO; reliability A)" in brief and "(party statement; reliability E)" in brief
    assert "![Map of Ruritania as of 10 Mar 2024](out/brief%20map.svg)" in brief
    assert "![" not in render_brief(situation)


def test_an_embassy_staying_open_is_not_an_evacuation(situation: Situation) -> None:
    evacuations = section(render_brief(situation), "Evacuations")
    table, embassies = evacuations.split("### Embassies")
    assert "Elbonia" not in table
    assert "| Elbonia | open | 9 Mar 2024 | confirmed | [1] |" in embassies


def test_outlook_is_labelled_with_who_and_when(situation: Situation) -> None:
    outlook = section(render_brief(situation), "Outlook")
    assert "They are not facts." in outlook
    assert (
        "- **Forecast** (Wire Agency analysts, 9 Mar 2024; horizon: two weeks): The Northern "
        "Front could reach Strelsau within two weeks. [1]" in outlook
    )
    assert "- **Assessment** (Test desk, date not given): A ceasefire is unlikely" in outlook


def test_humanitarian_figures_by_topic_and_notes_in_date_order(situation: Situation) -> None:
    brief = render_brief(situation)
    humanitarian = section(brief, "Humanitarian")
    topics = re.findall(r"^### (.+)$", humanitarian, flags=re.MULTILINE)
    assert topics == ["Casualties", "Displacement", "People in need", "Notes"]
    assert (
        "| 9 Mar 2024 | IDPs | Ruritania | at least 12,500 | total | [2] | at least 10,000 "
        "(28 Feb 2024) |" in humanitarian
    )
    notes = brief.split("### Notes\n\n")[1]
    assert notes.index("5 Mar 2024: Schools closed") < notes.index("9 Mar 2024 (WASH): Water")


def test_empty_situation_still_reads_well() -> None:
    empty = Situation(
        header=Header(title="Nothing yet", region="Nowhere", as_of=dt.date(2024, 1, 8))
    )
    brief = render_brief(empty)
    for line in (
        "Period covered: 1 Jan 2024 to 8 Jan 2024",
        "Nothing to highlight for this period.",
        "No figures recorded.",
        "No evacuations recorded.",
        "No notes recorded.",
        "No forecasts or assessments recorded.",
        "No sources cited.",
    ):
        assert line in brief
    assert "## Territory" not in brief and "## Places" not in brief
    assert " of 0 " not in brief and "held" not in brief


# -- sources -------------------------------------------------------------------------------


def test_sources_numbered_in_order_of_first_citation(situation: Situation) -> None:
    situation.notes[0].sources.append("ghost")  # cited but not listed: left out
    brief = render_brief(situation)
    body, sources = brief.split("\n## Sources\n\n")
    listed = re.findall(r"^(\d+)\. (.+)$", sources, flags=re.MULTILINE)
    assert [int(n) for n, _ in listed] == list(range(1, len(listed) + 1))
    cited = [int(n) for mark in re.findall(r"\[([\d, ]+)\]", body) for n in mark.split(", ")]
    first_seen = list(dict.fromkeys(cited))
    assert first_seen == list(range(1, len(listed) + 1))
    assert [text.split(",")[0] for _, text in listed] == [
        "Wire Agency",
        "UN OCHA",
        "Northern Front",
        "Foreign ministry (official). javascript:alert(1) (not a web address; not linked)",
    ]
    assert "Never cited" not in brief and "ghost" not in brief


def test_source_urls_are_autolinks(situation: Situation) -> None:
    brief = render_brief(situation)
    assert "<https://example.org/ocha/flash%203>" in brief
    assert "<https://example.org/wire/1?a=1&b=2>" in brief


# -- footer --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("generated_at", "source_name", "expected"),
    [
        (None, "fixture.yaml", "Made with sitrep {v} from fixture.yaml."),
        (None, None, "Made with sitrep {v}."),
        (
            dt.datetime(2024, 3, 10, 17, 5, tzinfo=dt.UTC),
            "f.yaml",
            "Made with sitrep {v} from f.yaml on 10 Mar 2024 at 17:05 UTC.",
        ),
        (
            dt.datetime(2024, 3, 10, 21, 35, tzinfo=dt.timezone(dt.timedelta(hours=4.5))),
            None,
            "Made with sitrep {v} on 10 Mar 2024 at 21:35 UTC+04:30.",
        ),
        (dt.datetime(2024, 3, 10, 9, 0), None, "Made with sitrep {v} on 10 Mar 2024 at 09:00."),
    ],
)
def test_footer(
    situation: Situation,
    generated_at: dt.datetime | None,
    source_name: str | None,
    expected: str,
) -> None:
    brief = render_brief(situation, source_name=source_name, generated_at=generated_at)
    assert brief.endswith("\n\n---\n\n" + expected.format(v=sitrep.__version__) + "\n")


# -- determinism and imports ---------------------------------------------------------------

RENDER_IN_SUBPROCESS = """
import sys
from sitrep.brief import render_brief
from sitrep.yaml.io import load_situation
from tests.paths import REPO
sys.stdout.write(render_brief(load_situation(sys.argv[1]), source_name="f.yaml"))
"""


def test_same_input_same_bytes(situation: Situation) -> None:
    brief = render_brief(situation, source_name="f.yaml")
    assert brief == render_brief(load_situation(FIXTURE), source_name="f.yaml")
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        run = subprocess.run(
            [sys.executable, "-c", RENDER_IN_SUBPROCESS, str(FIXTURE)],
            capture_output=True,
            env=env,
            check=True,
        )
        assert run.stdout.decode("utf-8") == brief


def test_the_brief_imports_no_textual() -> None:
    code = (
        "import sys, sitrep.brief, sitrep.model.versions.compare\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert run.stdout.decode().strip() == "[]"
