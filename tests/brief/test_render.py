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
from sitrep.model.entries import Place
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


def test_highlights_put_the_analyst_first_and_stay_short(situation: Situation) -> None:
    items = section(render_brief(situation), "Highlights").strip().split("\n")
    assert items[0] == "- The capital's airport closed to civilian flights."
    assert items[1] == (
        "- **2 places changed hands** between 4 Mar 2024 and 10 Mar 2024, all to Northern Front: "
        "on 9 Mar 2024 Strelsau North; on 6 Mar 2024 Zenda (claimed)."
    )
    assert items[2] == (
        "- New evacuation announcements: Freedonia (8 Mar 2024, about 500 troops, "
        "embassy reduced); Grand Fenwick (9 Mar 2024, 40 troops)."
    )
    assert items[3].startswith("- IDPs in Ruritania (total): at least 12,500 people")
    assert 3 + 1 <= len(items) <= 5 + 1


def test_many_changes_name_the_latest_days_per_holder(situation: Situation) -> None:
    for n in range(12):
        day = dt.date(2024, 3, 4 + n % 6)
        situation.territory.append(
            Place(id=f"v{n}", name=f"Village {n:02d}", holder="rebels", since=day)
        )
    situation.territory.append(
        Place(id="back", name="Retaken", holder="gov", since=dt.date(2024, 3, 7))
    )
    line = section(render_brief(situation), "Highlights").split("\n")[1]
    assert line == (
        "- **15 places changed hands** between 4 Mar 2024 and 10 Mar 2024. To Northern Front: "
        "on 9 Mar 2024 Strelsau North, Village 05 and Village 11; "
        "on 8 Mar 2024 Village 04 and Village 10; on 7 Mar 2024 Village 03 and Village 09; "
        "on 6 Mar 2024 Village 02, Village 08 and Zenda (claimed); and 4 earlier. "
        "To Government of Ruritania: on 7 Mar 2024 Retaken."
    )


def test_key_figures(situation: Situation) -> None:
    figures = section(render_brief(situation), "Key figures")
    assert "- Government of Ruritania: 2 of 5 places (all confirmed)\n" in figures
    assert "- Northern Front: 3 of 5 places (2 confirmed, 1 claimed, 1 contested)\n" in figures
    assert (
        "- Nearest to the seat of government: Strelsau North, held by Northern Front, "
        "56 km from Strelsau\n" in figures
    )
    assert (
        "- IDPs in Ruritania (total): at least 12,500 people, as of 9 Mar 2024, "
        "according to UN OCHA [1]\n" in figures
    )
    assert "- Refugees in Freedonia (new since 1 Mar 2024): 3,200 people" in figures
    assert "at least 10,000" not in figures  # only the latest figure of each scope
    assert "15,700" not in figures and "22,500" not in figures  # never summed
    assert (
        "- Countries evacuating: 3; troops committed: at least 540 (from 3 countries; "
        "1 number undisclosed)\n" in figures
    )


def test_capitals_are_counted_as_capitals(situation: Situation) -> None:
    for place in situation.territory:
        place.capital = f"{place.name} City"
    brief = render_brief(situation)
    assert "- Northern Front: 3 of 5 capitals (2 confirmed" in brief
    assert "### Northern Front: 3 of 5 capitals" in brief
    assert "| Place | Capital | Since |" in brief


# -- since -------------------------------------------------------------------------------


def changes_in_period(brief: str) -> str:
    return brief.split("### Changes in the period\n\n", 1)[1].split("\n## ", 1)[0]


def test_changes_in_the_period_in_date_order(situation: Situation) -> None:
    changes = changes_in_period(render_brief(situation))
    assert changes == (
        "From 4 Mar 2024 to 10 Mar 2024, in date order:\n\n"
        "- 6 Mar 2024: Zenda to Northern Front (how not known; claimed, according to Northern "
        "Front) [3]\n"
        "- 9 Mar 2024: Strelsau North to Northern Front (fighting; confirmed) [2]\n"
    )


def test_since_narrows_the_period(situation: Situation) -> None:
    brief = render_brief(situation, since=dt.date(2024, 3, 7))
    assert "Period covered: 7 Mar 2024 to 10 Mar 2024" in brief
    assert "Zenda" not in changes_in_period(brief)
    assert "- **1 place changed hands** between 7 Mar 2024 and 10 Mar 2024, to Northern " in brief
    assert "New evacuation announcements: Freedonia (8 Mar 2024" in brief


def test_since_widens_the_period(situation: Situation) -> None:
    brief = render_brief(situation, since=dt.date(2024, 2, 1))
    changes = changes_in_period(brief)
    assert changes.index("20 Feb 2024: Tarlenheim") < changes.index("6 Mar 2024: Zenda")
    assert "Sylvania (28 Feb 2024, troops undisclosed, embassy temporarily closed)" in brief


def test_since_with_nothing_in_the_period(situation: Situation) -> None:
    brief = render_brief(situation, since=dt.date(2024, 3, 10))
    assert changes_in_period(brief) == "No place changed hands from 10 Mar 2024 to 10 Mar 2024.\n"
    assert "changed hands**" not in brief
    assert "New evacuation announcements" not in brief


def test_period_end_bounds_the_changes(situation: Situation) -> None:
    situation.header = situation.header.model_copy(update={"period_end": dt.date(2024, 3, 8)})
    changes = changes_in_period(render_brief(situation))
    assert "Zenda" in changes and "Strelsau North" not in changes


# -- sections ------------------------------------------------------------------------------


def test_enums_in_words_and_map(situation: Situation) -> None:
    brief = render_brief(situation, map_path="out/brief map.svg")
    assert "| Sylvania | undisclosed | — | temporarily closed | — | 28 Feb 2024 | [4] |" in brief
    assert "(UN/NGO; reliability A)" in brief and "(party statement; reliability E)" in brief
    assert "![Map of Ruritania as of 10 Mar 2024](out/brief%20map.svg)" in brief
    assert "![" not in render_brief(situation)


def test_outlook_is_labelled_with_who_and_when(situation: Situation) -> None:
    outlook = section(render_brief(situation), "Outlook")
    assert "They are not facts." in outlook
    assert (
        "- **Forecast** (Wire Agency analysts, 9 Mar 2024; horizon: two weeks): The Northern "
        "Front could reach Strelsau within two weeks. [2]" in outlook
    )
    assert "- **Assessment** (Test desk, date not given): A ceasefire is unlikely" in outlook


def test_humanitarian_notes_in_date_order(situation: Situation) -> None:
    notes = render_brief(situation).split("### Notes\n\n")[1]
    assert notes.index("5 Mar 2024: Schools closed") < notes.index("9 Mar 2024 (WASH): Water")


def test_empty_situation_still_has_every_section() -> None:
    empty = Situation(
        header=Header(title="Nothing yet", region="Nowhere", as_of=dt.date(2024, 1, 8))
    )
    brief = render_brief(empty)
    for line in (
        "Period covered: 1 Jan 2024 to 8 Jan 2024",
        "Nothing to highlight for this period.",
        "No figures recorded.",
        "No places recorded.",
        "No place changed hands from 1 Jan 2024 to 8 Jan 2024.",
        "No evacuations recorded.",
        "No displacement figures recorded.",
        "No notes recorded.",
        "No forecasts or assessments recorded.",
        "No sources cited.",
    ):
        assert line in brief


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
        "UN OCHA",
        "Wire Agency",
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
        "import sys, sitrep.brief, sitrep.model.compare\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert run.stdout.decode().strip() == "[]"
