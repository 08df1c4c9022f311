"""A brief stays one that people read: long lists are cut at the limit and say what is left out.

Every place is either listed or counted in a summary line; the chronology,
figure tables and notes likewise. The situations are made up (tests/brief/large.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.brief import render_brief
from sitrep.brief.limits import LIST_LIMIT, export_command
from sitrep.model.situation import Situation
from tests.brief.large import AS_OF, grown, header, parties
from tests.brief.test_golden import SAMPLE, check_golden, load

PLACES = "`sitrep export testland.yaml --format hxl --section places`"


def territory(brief: str) -> str:
    """The '## Territory' (or '## Places') section, without the chronology."""
    text = re.split(r"\n## (?:Territory|Places)\n", brief, maxsplit=1)[1].split("\n## ", 1)[0]
    return text.split("### Changes of control in the period", 1)[0]


def chronology(brief: str) -> str:
    return brief.split("### Changes of control in the period\n", 1)[1].split("\n## ", 1)[0]


def rows(text: str) -> int:
    """Table rows of places (header and rule lines left out)."""
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    return sum(1 for line in lines if not line.startswith(("| Place |", "| --- |")))


def left_out(text: str, noun: str) -> int:
    """The sum of the counts in '… and N more <noun>s' (or 'earlier') lines."""
    found = re.findall(rf"^… and ([\d,]+) (?:more|earlier) {noun}", text, flags=re.MULTILINE)
    return sum(int(n.replace(",", "")) for n in found)


def bullets(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.startswith("- "))


# -- golden files ---------------------------------------------------------------------------


def test_golden_grown_front_line_with_a_small_limit() -> None:
    brief = render_brief(grown(24), limit=3, source_name="testland.yaml")
    check_golden("grown-limit-3-brief.md", brief)


def test_golden_grown_places_without_control_or_areas() -> None:
    situation = grown(8, within=False, control=False, notes=2, figures=0)
    check_golden("grown-no-control-limit-3-brief.md", render_brief(situation, limit=3))


@pytest.mark.parametrize("path", [SAMPLE, *sorted((SAMPLE.parent / "examples").glob("*.yaml"))])
def test_the_bundled_situations_are_below_the_limit(path: Path) -> None:
    """Their briefs are the same whatever the limit above their longest list."""
    situation = load(path)
    brief = render_brief(situation)
    assert "not listed here" not in brief
    assert brief == render_brief(situation, limit=10_000)


# -- the wording of a summary ---------------------------------------------------------------


def test_a_summarised_group_says_where_what_changed_and_what_is_left_out() -> None:
    text = territory(render_brief(grown(24), limit=3, source_name="testland.yaml"))
    first = text.split("### Held by the First Movement: 4 villages, 3 districts and 3 towns\n")[1]
    first = first.split("\n### ", 1)[0]
    assert first.startswith(
        "\nLargest areas they are within: South Area (6), North Area (3) and West Area (1). "
        "Control of 3 of these 10 changed in the period; "
        "the 3 whose control changed most recently are listed, newest first.\n"
    )
    assert rows(first) == 3
    assert first.rstrip().endswith(
        f"… and 7 more places, not listed here; {PLACES} writes every one."
    )


def test_no_within_means_no_areas_line() -> None:
    text = territory(render_brief(grown(24, within=False), limit=3))
    assert "not listed here" in text
    assert "Largest areas" not in text and "| Within |" not in text


def test_no_control_lists_the_first_places_in_file_order_and_counts_kinds() -> None:
    text = territory(render_brief(grown(8, within=False, control=False), limit=3))
    assert text.startswith(
        "\nNo control of any place is recorded. 3 districts, 3 towns and 2 villages in all.\n\n"
        "The first 3 places of 8, in the file's order, are listed.\n"
    )
    assert "control changed" not in text and "Held by" not in text
    names = re.findall(r"^\| (Place \d+) \|", text, flags=re.MULTILINE)
    assert names == ["Place 0000", "Place 0001", "Place 0002"]


def test_only_the_group_over_the_limit_is_summarised() -> None:
    brief = render_brief(grown(24), limit=9, source_name="testland.yaml")
    text = territory(brief)
    held_first, held_second = [g for g in text.split("\n### ") if g.startswith("Held by")]
    assert "… and 1 more place, not listed here" in held_first
    assert rows(held_first) == 9
    assert "not listed here" not in held_second and rows(held_second) == 8
    assert text.count("not listed here") == 1


def test_below_the_limit_nothing_is_summarised() -> None:
    brief = render_brief(grown(24), limit=LIST_LIMIT)
    assert "not listed here" not in brief
    assert "in date order:" in chronology(brief)


def test_a_long_chronology_shows_the_newest_changes_first() -> None:
    text = chronology(render_brief(grown(24), limit=3, source_name="testland.yaml"))
    assert text.startswith(
        "\nFrom 4 Mar 2024 to 10 Mar 2024, the newest 3 of 9 changes, newest first:\n"
    )
    days = re.findall(r"^- (\d+) Mar 2024:", text, flags=re.MULTILINE)
    assert [int(d) for d in days] == sorted((int(d) for d in days), reverse=True)
    history = "`sitrep export testland.yaml --format hxl --section places --history`"
    assert text.rstrip().endswith(
        f"… and 6 earlier changes in the period, not listed here; {history} writes every one."
    )


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        render_brief(grown(3), limit=0)


def test_the_export_command_names_the_file_only_when_it_needs_no_quoting() -> None:
    assert export_command("kabul.yaml", "places") == (
        "`sitrep export kabul.yaml --format hxl --section places`"
    )
    for name in (None, "my report.yaml", "-rf.yaml", "a`b.yaml", "$(x).yaml"):
        assert export_command(name, "notes") == "`sitrep export FILE --format hxl --section notes`"


def test_every_cited_source_is_listed_and_only_those() -> None:
    brief = render_brief(grown(60), limit=3)
    body, listed = brief.split("\n## Sources\n\n", 1)
    numbers = {int(n) for group in re.findall(r"\[([\d, ]+)\]", body) for n in group.split(",")}
    assert numbers == set(range(1, len(numbers) + 1))
    assert len(re.findall(r"^\d+\. ", listed, flags=re.MULTILINE)) == len(numbers)


# -- nothing is lost ------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(0, 40),
    limit=st.integers(1, 12),
    within=st.booleans(),
    control=st.booleans(),
)
def test_every_place_is_listed_or_counted(n: int, limit: int, within: bool, control: bool) -> None:
    situation = grown(n, within=within, control=control, notes=n // 3, figures=n // 4)
    brief = render_brief(situation, limit=limit)
    if not situation.places:
        assert "## Territory" not in brief and "## Places" not in brief
        return
    text = territory(brief)
    assert rows(text) + left_out(text, "place") == len(situation.places)
    everything = render_brief(situation, limit=10**6)
    if "### Changes of control in the period" in everything:
        shown = chronology(brief)
        total = bullets(chronology(everything))
        assert bullets(shown) + left_out(shown, "change") == total
        assert bullets(shown) <= limit
    notes = brief.split("### Notes\n", 1)[1].split("\n## ", 1)[0]
    assert bullets(notes) + left_out(notes, "note") == len(situation.notes)


def test_a_place_whose_every_claim_was_retracted_is_counted_nowhere() -> None:
    """It has a history but no control now: not in 'Beyond the ...' (this used to crash)."""
    claim = {"holder": "first", "date": AS_OF - dt.timedelta(days=9), "retracted": AS_OF}
    situation = Situation.model_validate(
        {
            "header": header(),
            "parties": parties(),
            "places": [
                {"id": "d1", "name": "Dee", "kind": "district", "control": [{"holder": "first"}]},
                {"id": "d2", "name": "Dum", "kind": "district", "control": [{"holder": "first"}]},
                {"id": "c1", "name": "Sea", "kind": "city", "control": [claim]},
            ],
        }
    )
    brief = render_brief(situation)
    assert "- The First Movement: 2 of 2 districts (all confirmed)\n" in brief
    assert "Beyond the" not in brief
    assert (
        "Sea: the claim of 1 Mar 2024 that it was held by the First Movement was retracted" in brief
    )
