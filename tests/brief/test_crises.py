"""The sentences that matter, on crises of four shapes (tests/brief/situations/).

A war in a capital city with foreign evacuations, a government that falls and
dissolves, a front line across regions, a flood with no control at all: each
brief must say only what is true of it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sitrep.brief import render_brief
from sitrep.model.entries import ControlChange, Evacuation
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Situation
from sitrep.yaml.io import load_situation

SITUATIONS = Path(__file__).parent / "situations"


def load(name: str) -> Situation:
    return load_situation(SITUATIONS / f"{name}.yaml")


def section(brief: str, title: str) -> str:
    """The text of one '## ' section (without its heading)."""
    return brief.split(f"\n## {title}\n\n", 1)[1].split("\n## ", 1)[0]


def items(brief: str, title: str) -> list[str]:
    """The bullet items of a section's first list."""
    first = section(brief, title).split("\n\n")[0].strip()
    return [line[2:] for line in first.split("\n")]


# -- a war in a capital city ---------------------------------------------------------------


def test_capital_war_key_figures() -> None:
    assert items(render_brief(load("capital-war")), "Key figures") == [
        "The army: 1 of 3 cities (all confirmed)",
        "The Rapid Brigades: 1 of 3 cities (all confirmed)",
        "Contested: 1 of 3 cities: Marn, between the army and the Rapid Brigades",
        "Beyond the 3 cities: 1 crossing and 1 palace held by the Rapid Brigades; 1 base and "
        "1 site held by the army (1 of them besieged and 1 partly held); 1 airport contested",
        "Marn, the seat of the Sovereign Council, is contested between the army and the Rapid "
        "Brigades since 15 Apr 2023",
        "Injured in Varesia since 15 Apr 2023: about 3,500 (Varesian Doctors' Union, as of "
        "21 Apr 2023) [1]",
        "Killed in Varesia since 15 Apr 2023: at least 400 (Varesian Doctors' Union, as of "
        "21 Apr 2023) [1]",
        "IDPs in Varesia since 15 Apr 2023: more than 20,000 (UN OCHA, as of 21 Apr 2023) [2]",
        "Evacuating: 4 states and 1 organisation",
        "Troops deployed for evacuations: about 3,600, plus 1 undisclosed (from 3 states)",
        "Embassies: 1 closed, 1 temporarily closed, 1 open",
    ]


def test_a_contested_seat_gets_no_distance_and_fighting_no_change_of_hands() -> None:
    brief = render_brief(load("capital-war"))
    assert "km from Marn" not in brief and "Nearest place" not in brief
    hands = next(line for line in brief.split("\n") if "changed hands**" in line)
    assert hands == (
        "- **2 places changed hands** between 15 Apr 2023 and 22 Apr 2023, all to the Rapid "
        "Brigades: on 17 Apr 2023 Shambat bridge (reported); on 15 Apr 2023 Republican Palace "
        "(claimed)."
    )


def test_only_evacuations_are_evacuation_announcements() -> None:
    brief = render_brief(load("capital-war"))
    announcements = next(line for line in brief.split("\n") if "evacuation announcements" in line)
    assert "Graustark" not in announcements and "Syldavia" not in announcements
    assert "United Relief Mission (organisation, completed, 19 Apr 2023" in announcements
    assert (
        "- Embassy status in the period: Graustark, open (20 Apr 2023); Freedonia, temporarily "
        "closed (21 Apr 2023); Syldavia, closed (21 Apr 2023, reported)." in brief
    )
    table = section(brief, "Evacuations").split("### Embassies")[0]
    assert "Graustark" not in table and "Syldavia" not in table
    assert "| United Relief Mission | organisation | completed | about 700: international" in table


def test_troops_for_other_purposes_and_unknown_troops_are_honest() -> None:
    s = load("capital-war")
    s.evacuations.append(
        Evacuation(actor="Ruritania", status="announced", troops=Figure.parse("unknown"))
    )
    s.evacuations.append(Evacuation(actor="Elbonia", embassy="open", troops=Figure.exact(5000)))
    lines = items(render_brief(s), "Key figures")
    assert "Evacuating: 5 states and 1 organisation" in lines
    assert (
        "Troops deployed for evacuations: about 3,600, plus 1 undisclosed and 1 unknown "
        "(from 4 states)" in lines
    )


def test_the_area_is_not_repeated_and_the_wording_is_kept() -> None:
    brief = render_brief(load("capital-war"))
    assert "IDPs in Varesia since 15 Apr 2023: more than 20,000" in brief
    assert "in Varesia in Varesia" not in brief
    assert "about 15.8 million" in brief and "15,800,000" not in brief


def test_neither_the_area_nor_the_start_is_said_twice() -> None:
    from sitrep.brief.figure_text import label
    from sitrep.model.entries import FigureEntry

    def entry(counted: str, area: str) -> FigureEntry:
        point = {"as_of": "2023-04-25", "value": 20000}
        return FigureEntry.model_validate(
            {"id": "f", "counted": counted, "area": area, "measure": "new",
             "since": "2023-04-15", "series": [point]}
        )  # fmt: skip

    # 'X (from Y)' is named by X; a counted text that says since when keeps its words.
    assert label(entry("refugees into Chadia", "Chadia (from the west)")) == (
        "Refugees into Chadia since 15 Apr 2023"
    )
    assert label(entry("people displaced since 15 April", "All")) == (
        "People displaced since 15 April in All"
    )


# -- a government that falls ---------------------------------------------------------------


def test_a_dissolved_government_gets_no_distance() -> None:
    brief = render_brief(load("government-falls"))
    lines = items(brief, "Key figures")
    assert lines[:5] == [
        "The Movement: 5 of 8 provinces (all confirmed)",
        "The Home Guard: 2 of 8 provinces (all confirmed)",
        "The Highland Front: 1 of 8 provinces (all confirmed)",
        "The Republic dissolved on 16 May 2022; its seat, Vell City, had fallen to the "
        "Movement on 15 May 2022",
        "Nearest place held by a side hostile to the Movement: Gorse, held by the Home Guard, "
        "33 km from Vell City",
    ]
    assert "hostile to the Republic" not in brief
    assert section(brief, "Highlights").startswith(
        "- The Republic dissolved on 16 May 2022; its seat, Vell City, had fallen to the "
        "Movement on 15 May 2022.\n"
    )


def test_the_seat_fell_on_the_day_it_was_taken_not_when_confirmed() -> None:
    s = load("government-falls")
    s.parties[0] = s.parties[0].model_copy(update={"status": "active", "status_since": None})
    lines = items(render_brief(s), "Key figures")
    assert "Vell City, the seat of the Republic, fell to the Movement on 15 May 2022" in lines


def test_a_merged_party_says_into_whom() -> None:
    s = load("government-falls")
    s.parties[0] = s.parties[0].model_copy(update={"status": "merged", "merged_into": "guard"})
    assert (
        "The Republic merged into the Home Guard on 16 May 2022; its seat, Vell City, had "
        "fallen to the Movement on 15 May 2022" in items(render_brief(s), "Key figures")
    )


def test_changes_of_hands_by_holder_with_the_article() -> None:
    brief = render_brief(load("government-falls"))
    assert (
        "- **5 provinces changed hands** between 9 May 2022 and 17 May 2022. To the Movement: "
        "on 15 May 2022 Vell City; on 12 May 2022 Brisk; on 10 May 2022 Arden; on 9 May 2022 "
        "Fane. To the Highland Front: on 11 May 2022 Corvo." in brief
    )
    assert "Dunmore" not in section(brief, "Highlights")  # a retracted claim is no change


def test_confirmations_and_retractions_say_what_they_are() -> None:
    brief = render_brief(load("government-falls"))
    assert "- 13 May 2022: Brisk: held by the Movement, now confirmed (was claimed) [2]" in brief
    assert (
        "- 14 May 2022: Dunmore: the claim of 12 May 2022 that it was held by the Movement was "
        "retracted: the Home Guard still holds the town [3]" in brief
    )
    assert brief.count("Brisk changed hands") == 1


# -- a front line across regions -----------------------------------------------------------


def test_front_line_counts_add_up_on_their_face() -> None:
    lines = items(render_brief(load("front-line")), "Key figures")
    assert lines[:6] == [
        "The government: 3 of 8 towns (all confirmed); 1 of them partly held",
        "Eastern forces: 2 of 8 towns (1 confirmed, 1 reported)",
        "The Volunteer Corps: 1 of 8 towns (all confirmed); 1 of them encircled",
        "Contested: 1 of 8 towns: Brent, between Eastern forces and the government",
        "Control unclear: 1 of 8 towns",
        "Beyond the 8 towns: 1 city held by the government; 1 city held by Eastern forces "
        "(besieged)",
    ]
    counts = [int(m) for m in re.findall(r": (\d+) of 8 towns", "\n".join(lines))]
    assert sum(counts) == 8


def test_a_besieged_seat_is_said_plainly_and_allies_are_no_threat() -> None:
    lines = items(render_brief(load("front-line")), "Key figures")
    assert (
        "Donburg, the seat of Eastern forces, is held by Eastern forces, besieged by the "
        "government and the Volunteer Corps since 3 Jun 2024" in lines
    )
    assert (
        "Nearest place held by a side hostile to the government: Fenwick, held by Eastern "
        "forces (reported), 490 km from Kapital" in lines
    )
    assert not any("km from Donburg" in line for line in lines)


def test_the_seat_of_a_party_that_lost_it_says_it_fell() -> None:
    s = load("front-line")
    donburg = next(p for p in s.places if p.id == "donburg")
    donburg.control.append(
        ControlChange(date=dt.date(2024, 6, 7), holder="gov", confidence="reported")
    )
    lines = items(render_brief(s), "Key figures")
    assert (
        "Donburg, the seat of Eastern forces, fell to the government on 7 Jun 2024 (reported)"
        in (lines)
    )


def test_unclear_and_unknown_seats() -> None:
    s = load("front-line")
    kapital = next(p for p in s.places if p.id == "kapital")
    kapital.control.append(ControlChange(date=dt.date(2024, 6, 8), state="unclear"))
    assert "Control of Kapital, the seat of the government, is unclear since 8 Jun 2024" in (
        items(render_brief(s), "Key figures")
    )
    kapital.control.clear()
    assert "Control of Kapital, the seat of the government, is not stated" in (
        items(render_brief(s), "Key figures")
    )


# -- a flood -----------------------------------------------------------------------------


def test_a_flood_reads_well_with_no_territory_claims() -> None:
    brief = render_brief(load("flood"))
    first_screen = brief.split("## Places")[0]
    for claim in ("held", "control", "contested", "changed hands", "seat", " of 0", "Nearest"):
        assert claim not in first_screen, claim
    assert "## Territory" not in brief
    assert "No control of any place is recorded." in section(brief, "Places")


def test_figures_of_every_topic_read_naturally() -> None:
    brief = render_brief(load("flood"))
    assert items(brief, "Highlights") == [
        "People killed in Marovia since 5 Sep 2024: at least 312 (National Disaster Agency, "
        "as of 12 Sep 2024).",
        "People displaced by the floods in Marovia since 5 Sep 2024: about 1.1 million (UN "
        "OCHA, as of 11 Sep 2024).",
    ]
    figures = section(brief, "Key figures")
    for line in (
        "- People missing in Marovia: unknown (National Disaster Agency, as of 12 Sep 2024) [1]",
        "- People in need in Marovia: about 2.4 million (UN OCHA, as of 11 Sep 2024) [2]",
        "- People reached with food aid in Sava basin: more than 310,000 (WFP, as of "
        "12 Sep 2024) [3]",
        "- Flash appeal requirements in Marovia: about USD 120 million (UN OCHA, as of "
        "10 Sep 2024) [2]",
        "- Flash appeal funding received in Marovia: USD 23 million (UN OCHA, as of "
        "12 Sep 2024) [2]",
        "- Share of farmland flooded in Sava basin: about 40% (WFP, as of 11 Sep 2024) [3]",
    ):
        assert line in figures
    context = figures.split("Context, values from before this period:\n\n")[1]
    assert context.startswith(
        "- People in need before the floods in Marovia: about 900,000 (UN OCHA, as of "
        "Jan 2024) [4]\n"
    )
    assert "900,000" not in section(brief, "Highlights")


def test_unknown_and_undisclosed_stay_apart() -> None:
    s = load("flood")
    brief = render_brief(s)
    assert "People missing in Marovia: unknown" in brief and "undisclosed" not in brief
    s.figures[1].series[0].value = Figure.parse("undisclosed")
    assert "People missing in Marovia: undisclosed" in render_brief(s)


def test_a_situation_without_places_has_no_place_section() -> None:
    s = load("flood")
    s.places.clear()
    brief = render_brief(s)
    assert "## Places" not in brief and "## Territory" not in brief
    assert "Figures have different scopes and dates" in brief


@pytest.mark.parametrize("name", ["capital-war", "government-falls", "front-line", "flood"])
def test_no_change_of_hands_without_one(name: str) -> None:
    """Every 'changed hands' line names a place whose holder really changed."""
    s = load(name)
    brief = render_brief(s)
    for match in re.finditer(r"(\d+ \w+) changed hands", brief):
        assert not match.group(1).startswith("0 ")
    for line in brief.split("\n"):
        found = re.match(r"- \d+ \w+ \d+: (.+) changed hands, from (.+) to (.+) \(", line)
        if found:
            assert found.group(2) != found.group(3)


def test_a_held_seat_without_a_distance_says_why() -> None:
    s = load("front-line")
    s.parties = [p for p in s.parties if p.id != "east"]
    for place in s.places:
        place.control = [c for c in place.control if "east" not in c.involved()]
    lines = items(render_brief(s), "Key figures")
    assert (
        "Kapital, the seat of the government, is held by the government; no place is held "
        "by a side hostile to the government" in lines
    )
    s = load("front-line")
    for place in s.places:
        if place.id != "kapital":
            place.lat = place.lon = None
    lines = items(render_brief(s), "Key figures")
    assert (
        "Kapital, the seat of the government, is held by the government; no place held by "
        "a side hostile to the government has coordinates" in lines
    )
    kapital = next(p for p in s.places if p.id == "kapital")
    kapital.lat = kapital.lon = None
    lines = items(render_brief(s), "Key figures")
    assert (
        "Kapital, the seat of the government, is held by the government (it has no "
        "coordinates, so no distance is given)" in lines
    )
