"""Hostile text in every field of a situation cannot change the brief's structure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sitrep.brief import render_brief
from sitrep.brief.escape import clean, web_url
from sitrep.model.situation import Situation
from tests.paths import GOLDEN

FIXTURE = GOLDEN / "fixture-situation.yaml"
MD = MarkdownIt("commonmark").enable("table")

HOSTILE = (
    "<script>alert(1)</script> | # *bold* _it_ `code` [x](https://evil.example/a) "
    "![img](https://evil.example/i.png) <https://evil.example/auto> &lt;b&gt; &#60;i&#62;"
    "\n# Heading\n| a | b |\n\r\n- item\n> quote\n```\nfence\n    indented\n---\n"
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example/osc\x07osc link\x1b]8;;\x07 \x9b2J"
    " [ref]: https://evil.example/ref \\ ~~strike~~ $math$ <img src=x onerror=alert(1)>"
)
LEADING = ["# pwned", "- pwned", "1. pwned", "> pwned", "---", "    pwned", "=====", "| pwned |"]

TEXT_FIELDS: dict[str, list[str]] = {
    "parties": ["name", "short", "in_text"],
    "sources": ["publisher", "title", "url"],
    "places": ["name", "capital", "note"],
    "evacuations": ["actor", "purpose", "wording", "route", "note"],
    "figures": ["counted", "area", "counted_by", "note"],
    "notes": ["text", "sector"],
    "outlook": ["statement", "by", "horizon"],
}
PART_FIELDS: dict[tuple[str, str], list[str]] = {
    ("places", "control"): ["according_to", "share", "note", "retracted_note"],
    ("figures", "series"): ["note"],
}
LIST_FIELDS: dict[str, list[str]] = {"evacuations": ["nationalities", "destinations"]}
HEADER_FIELDS = ["title", "region", "produced_by"]

EXPECTED_HEADINGS = [
    (2, "Highlights"),
    (2, "Key figures"),
    (2, "Territory"),
    (3, "Contested: 1 city"),
    (3, "Changes of control in the period"),
    (2, "Evacuations"),
    (3, "Embassies"),
    (2, "Humanitarian"),
    (3, "Casualties"),
    (3, "Displacement"),
    (3, "People in need"),
    (3, "Notes"),
    (2, "Outlook"),
    (2, "Sources"),
]
HELD = {"gov": "2 cities and 1 airport", "rebels": "2 cities", "guard": "1 base"}


def hostile_situation(text: str) -> Situation:
    """The fixture with ``text`` (numbered, to keep entries distinct) in every text field."""
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    counter = iter(range(1000))
    for name in HEADER_FIELDS:
        data["header"][name] = f"{text} {next(counter)}"
    data["header"]["highlights"] = [text, *LEADING]
    for section, fields in TEXT_FIELDS.items():
        for entry in data[section]:
            for name in fields:
                entry[name] = f"{text} {next(counter)}"
            for name in LIST_FIELDS.get(section, []):
                entry[name] = [f"{text} {next(counter)}"]
            for (owner, parts), names in PART_FIELDS.items():
                if owner != section:
                    continue
                for part in entry.get(parts, []):
                    for name in names:
                        part[name] = f"{text} {next(counter)}"
    data["notes"].extend({"date": "2024-03-09", "text": lead} for lead in LEADING)
    return Situation.model_validate(data)


def walk(tokens: list[Token]) -> list[Token]:
    """Every token, children included."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(walk(token.children or []))
    return out


def split_row(line: str) -> list[str]:
    """Cells of a GFM table row: a pipe after a backslash does not split."""
    cells, current, escaped = [], "", False
    for char in line.strip().strip("|") if line.strip() != "|" else "":
        if char == "|" and not escaped:
            cells.append(current)
            current = ""
        else:
            current += char
        escaped = char == "\\" and not escaped
    return [*cells, current]


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order."""
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            shown = "".join(t.content for t in tokens[i + 1].children or [] if t.type == "text")
            found.append((int(token.tag[1]), shown))
    return found


@pytest.fixture(params=[HOSTILE, *LEADING], ids=["hostile", *LEADING])
def hostile_brief(request: pytest.FixtureRequest) -> tuple[Situation, str]:
    situation = hostile_situation(request.param)
    brief = render_brief(
        situation,
        source_name=f"{request.param}.yaml",
        previous=hostile_situation(request.param + " before"),
        generated_at=dt.datetime(2024, 3, 10, 18, 30, tzinfo=dt.UTC),
        map_path="javascript:alert(1) map.svg",
    )
    return situation, brief


def test_no_html_anywhere(hostile_brief: tuple[Situation, str]) -> None:
    _, brief = hostile_brief
    tokens = walk(MD.parse(brief))
    assert [t for t in tokens if t.type in ("html_inline", "html_block")] == []
    assert "<script" not in MD.render(brief)
    assert "<img src=x" not in MD.render(brief)


def test_no_links_but_the_map(hostile_brief: tuple[Situation, str]) -> None:
    _, brief = hostile_brief
    tokens = walk(MD.parse(brief))
    links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    images = [t.attrGet("src") for t in tokens if t.type == "image"]
    assert links == []  # every source URL in the hostile file is broken, so none is linked
    assert images == ["javascript%3Aalert%281%29%20map.svg"]


def test_no_stray_markup(hostile_brief: tuple[Situation, str]) -> None:
    _, brief = hostile_brief
    tokens = walk(MD.parse(brief))
    kinds = {t.type for t in tokens}
    for kind in ("code_inline", "code_block", "fence", "em_open", "blockquote_open", "s_open"):
        assert kind not in kinds
    strong = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "strong_open"]
    assert strong[:3] == [
        "1 city changed hands",
        f"1 city came under the control of {clean(hostile_brief[0].parties[1].in_text or '')}",
        "2 places newly contested or besieged",
    ]
    assert strong[3:] == ["Forecast", "Assessment"]
    assert sum(1 for t in tokens if t.type == "hr") == 1  # the footer's
    assert "\x1b" not in brief and "\x9b" not in brief


def test_headings_are_exactly_the_expected_ones(hostile_brief: tuple[Situation, str]) -> None:
    situation, brief = hostile_brief
    found = headings(MD.parse(brief))
    assert found[0] == (1, clean(situation.header.title))
    held = [(lvl, text) for lvl, text in found if lvl == 3 and text.startswith("Held by ")]
    assert held == [
        (3, f"Held by {clean(party.in_text or '')}: {HELD[party.id]}")
        for party in situation.parties
    ]
    rest = [h for h in found[1:] if h not in held]
    changes = (2, "Changes since the previous report")
    assert rest == [*EXPECTED_HEADINGS[:2], changes, *EXPECTED_HEADINGS[2:]]


def test_every_table_row_keeps_its_columns(hostile_brief: tuple[Situation, str]) -> None:
    situation, brief = hostile_brief
    lines = brief.split("\n")
    tokens = MD.parse(brief)
    tables = [t for t in tokens if t.type == "table_open"]
    # three holders, contested, evacuations, embassies, three topics of figures
    assert len(tables) == 9
    rows_per_table = []
    for table in tables:
        assert table.map is not None
        start, end = table.map
        widths = {len(split_row(line)) for line in lines[start:end]}
        assert len(widths) == 1, lines[start:end]
        rows_per_table.append(end - start - 2)
    evacuating = sum(1 for e in situation.evacuations if e.is_evacuation)
    embassies = sum(1 for e in situation.evacuations if e.embassy != "unknown")
    assert rows_per_table == [3, 2, 1, 1, evacuating, embassies, 1, 2, 1]


def test_notes_stay_one_list_item_each(hostile_brief: tuple[Situation, str]) -> None:
    situation, brief = hostile_brief
    section = brief.split("### Notes\n\n")[1].split("\n\n## ")[0]
    items = MD.parse(section)
    assert sum(1 for t in items if t.type == "list_item_open") == len(situation.notes)
    assert sum(1 for t in items if t.type == "bullet_list_open") == 1


# -- properties ------------------------------------------------------------------------------

TEXT = st.text(min_size=1, max_size=30).filter(lambda t: clean(t) != "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TEXT, note=TEXT, wording=TEXT, counted=TEXT, highlight=TEXT, url=st.text(max_size=30))
def test_any_text_keeps_the_brief_well_formed(
    name: str, note: str, wording: str, counted: str, highlight: str, url: str
) -> None:
    situation = Situation.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    situation.places[1].name = name
    situation.places[2].note = note
    situation.evacuations[0].wording = wording
    situation.figures[2].counted = counted
    situation.header.highlights = [highlight]
    situation.sources[0].url = url
    brief = render_brief(situation)
    tokens = walk(MD.parse(brief))
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    links = {t.attrGet("href") for t in tokens if t.type == "link_open"}
    assert links <= {"https://example.org/ocha/flash%203", web_url(url)}
    assert [h for h in headings(MD.parse(brief)) if h[0] == 2] == [
        h for h in EXPECTED_HEADINGS if h[0] == 2
    ]
    lines = brief.split("\n")
    for table in (t for t in MD.parse(brief) if t.type == "table_open"):
        assert table.map is not None
        assert len({len(split_row(line)) for line in lines[table.map[0] : table.map[1]]}) == 1
