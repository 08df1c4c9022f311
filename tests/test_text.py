"""One definition of unsafe characters (sitrep.text), used by every writer.

The brief and the SVG drop them, the YAML writer escapes them, the TUI and the
CLI show them as pictures. Each consumer is checked on every unsafe class.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sitrep import text
from sitrep.brief import render_brief
from sitrep.brief.escape import clean, inline
from sitrep.brief.svg.mapsvg import render_map_svg
from sitrep.model.situation import Situation
from sitrep.yaml.emit import dump_canonical
from sitrep.yaml.io import dump_situation, parse_situation

UNSAFE_SAMPLES = {
    "ESC": "\x1b",
    "BEL": "\x07",
    "NUL": "\x00",
    "DEL": "\x7f",
    "C1 CSI": "\x9b",
    "NEL": "\x85",
    "RLO": "\u202e",
    "LRE": "\u202a",
    "LRI": "\u2066",
    "PDI": "\u2069",
    "LS": "\u2028",
    "PS": "\u2029",
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
    "U+FDD0": "\ufdd0",
    "U+1FFFF": "\U0001ffff",
    "U+10FFFE": "\U0010fffe",
    "lone high surrogate": "\ud800",
    "lone low surrogate": "\udfff",
}
IN_MODELS = {k: v for k, v in UNSAFE_SAMPLES.items() if "surrogate" not in k}
"""pydantic refuses lone surrogates in any string field, so no situation holds one."""
SAFE_SAMPLES = ["a", "é", "پښتو", "😀", "\u200f", "\ufeff", "\ufffd", "\u200b", " "]


@pytest.mark.parametrize("char", UNSAFE_SAMPLES.values(), ids=UNSAFE_SAMPLES.keys())
def test_every_unsafe_class_is_in_the_one_definition(char: str) -> None:
    assert text.has_unsafe(f"a{char}b")
    assert text.drop_unsafe(f"a{char}b") == "ab"
    shown = text.visible(f"a{char}b")
    assert not text.has_unsafe(shown) and len(shown) == 3
    shown.encode("utf-8")  # printable anywhere: even a lone surrogate is replaced


@pytest.mark.parametrize("char", SAFE_SAMPLES)
def test_ordinary_text_is_left_alone(char: str) -> None:
    assert not text.has_unsafe(char)
    assert text.visible(char) == char


def test_terminal_escapes_cannot_reach_the_terminal() -> None:
    shown = text.visible("name\x1b]0;pwned\x07\x1b[2J.yaml")
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown == "name␛]0;pwned␇␛[2J.yaml"


def test_the_tui_uses_the_same_definition() -> None:
    from sitrep.app import safe

    assert safe._CHANGED_BY_CLEAN is text.UNSAFE
    assert safe._BIDI is text.BIDI
    assert safe._CONTROLS is text.SHOWN_CONTROLS
    for char in UNSAFE_SAMPLES.values():
        assert not text.has_unsafe(safe.clean(f"a{char}b", one_line=True).replace("\n", ""))


@pytest.mark.parametrize("char", IN_MODELS.values(), ids=IN_MODELS.keys())
def test_the_brief_drops_every_unsafe_character(sample: Situation, char: str) -> None:
    sample.header.title = f"Title{char}end"
    sample.notes[0].text = f"Note {char} text"
    brief = render_brief(sample)
    assert "Title" in brief and "end" in brief
    assert not text.has_unsafe(brief.replace("\n", ""))
    assert not text.has_unsafe(clean(f"x{char}y")) and not text.has_unsafe(inline(f"x{char}y"))


@pytest.mark.parametrize("char", IN_MODELS.values(), ids=IN_MODELS.keys())
def test_the_svg_stays_well_formed(sample: Situation, char: str) -> None:
    sample.header.title = f"Title{char}end"
    sample.places[0].capital = f"Cap{char}ital"
    sample.parties[0].name = f"Party{char}name"
    svg = render_map_svg(sample, base=None)
    root = ET.fromstring(svg.encode("utf-8"))  # expat refuses U+FFFE, C0, surrogates
    assert root.tag.endswith("svg")
    assert not text.has_unsafe(svg.replace("\n", ""))


@pytest.mark.parametrize("char", IN_MODELS.values(), ids=IN_MODELS.keys())
def test_the_yaml_writer_escapes_and_keeps_them(sample: Situation, char: str) -> None:
    sample.header.title = f"Title{char}end"
    sample.notes[0].text = f"A long note {'x' * 80} {char} that would be a literal block"
    written = dump_situation(sample)
    assert not text.has_unsafe(written.replace("\n", ""))
    back = parse_situation(written)
    assert back.header.title == sample.header.title
    assert back.notes[0].text == sample.notes[0].text


def test_no_situation_holds_a_lone_surrogate(sample: Situation) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        sample.header.title = "a\ud800b"


def test_bidi_controls_are_visible_escapes_in_the_file() -> None:
    written = dump_canonical({"title": "abc\u202edef", "tags": ["x\u2066y"]})
    assert written == 'title: "abc\\u202Edef"\n\ntags:\n- "x\\u2066y"\n'
