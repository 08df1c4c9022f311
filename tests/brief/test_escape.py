"""Escaping of user text for the brief: unit tests and property tests with markdown-it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sitrep.brief import escape
from sitrep.brief.escape import cell, clean, inline, relative_path, web_url

MD = MarkdownIt("commonmark").enable("table")

MARKUP_TOKENS = {
    "html_inline",
    "html_block",
    "link_open",
    "image",
    "code_inline",
    "code_block",
    "fence",
    "em_open",
    "strong_open",
    "heading_open",
    "blockquote_open",
    "hr",
    "ordered_list_open",
    "hardbreak",
    "softbreak",
}


def walk(tokens: list[Token]) -> list[Token]:
    """Every token, children included."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(walk(token.children or []))
    return out


def text_of(inline_token: Token) -> str:
    """The plain text a renderer shows for an inline token."""
    return "".join(t.content for t in inline_token.children or [] if t.type == "text")


# -- clean -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("two\nlines\r\nand\rmore", "two lines and more"),
        ("tab\there", "tab here"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b]8;;http://evil.example\x07click\x1b]8;;\x07", "click"),
        ("\x1b]0;title\x1b\\after", "after"),
        ("bell\x07 nul\x00 del\x7f c1\x85next", "bell nul del c1 next"),
        ("\x9b31mred", "red"),
        ("line\u2028sep\u2029para", "line sep para"),
        ("  padded   spaces  ", "padded spaces"),
        ("\x1b]unterminated osc keeps its text", "unterminated osc keeps its text"),
    ],
)
def test_clean_removes_controls_and_folds_lines(raw: str, expected: str) -> None:
    assert clean(raw) == expected


# -- inline ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pul-e Alam", "Pul-e Alam"),
        ("a | b", "a \\| b"),
        ("<script>", "&lt;script&gt;"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. first", "1\\. first"),
        ("12) first", "12\\) first"),
        ("*b* _i_ `c`", "\\*b\\* \\_i\\_ \\`c\\`"),
        ("[x](y)", "\\[x\\](y)"),
        ("![x](y)", "!\\[x\\](y)"),
        ("AT&T &amp; Smith & Co", "AT&amp;T &amp;amp; Smith & Co"),
        ("back\\slash", "back\\\\slash"),
        ("~~gone~~ $x$", "\\~\\~gone\\~\\~ \\$x\\$"),
        ("3,000 at 10.5 km", "3,000 at 10.5 km"),
    ],
)
def test_inline_escapes(raw: str, expected: str) -> None:
    assert inline(raw) == expected


def test_cell_uses_a_dash_for_nothing() -> None:
    assert cell(None) == "—"
    assert cell("\x1b[0m") == "—"
    assert cell("x|y") == "x\\|y"


# -- urls ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "//evil.example/x",
        "https:no-host",
        "not a url",
    ],
)
def test_web_url_refuses_what_is_not_http(url: str) -> None:
    assert web_url(url) is None


def test_web_url_encodes_what_could_break_out() -> None:
    url = web_url('https://example.org/a b<c>d"e|f(g)\x1b[31m`h`')
    assert url == "https://example.org/a%20b%3Cc%3Ed%22e%7Cf%28g%29%60h%60"


def test_relative_path_cannot_carry_a_scheme() -> None:
    assert relative_path("javascript:alert(1)") == "javascript%3Aalert%281%29"
    assert relative_path("maps\\brief map.svg") == "maps/brief%20map.svg"


# -- properties ------------------------------------------------------------------------

MARKDOWN_HEAVY = st.text(
    alphabet=st.sampled_from(list("\\`*_[]()#|~$<>&;!-+=.:/0123456789 \n\t\r\x1b\x9b\x00axw")),
    max_size=40,
)
"""Text made mostly of characters that mean something to Markdown or a terminal."""
ANY_TEXT = st.one_of(st.text(), MARKDOWN_HEAVY)


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_any_text_in_a_table_cell_stays_one_plain_cell(text: str) -> None:
    source = f"| a | b |\n| --- | --- |\n| {cell(text)} | end |\n"
    tokens = walk(MD.parse(source))
    assert not [t.type for t in tokens if t.type in MARKUP_TOKENS]
    cells = [t for t in tokens if t.type == "inline"]
    assert [text_of(c) for c in cells] == ["a", "b", clean(text) or "—", "end"]
    assert sum(1 for t in tokens if t.type == "tr_open") == 2


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_any_text_in_a_list_item_stays_one_plain_item(text: str) -> None:
    source = f"- {inline(text)}\n- end\n"
    tokens = walk(MD.parse(source))
    assert not [t.type for t in tokens if t.type in MARKUP_TOKENS]
    assert sum(1 for t in tokens if t.type == "list_item_open") == 2
    assert sum(1 for t in tokens if t.type == "bullet_list_open") == 1
    shown = [text_of(t) for t in tokens if t.type == "inline"]
    assert shown == ([clean(text)] if clean(text) else []) + ["end"]


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_any_text_in_a_heading_stays_the_heading_text(text: str) -> None:
    source = f"## x {inline(text)}\n\nafter\n"
    tokens = walk(MD.parse(source))
    assert not [t.type for t in tokens if t.type in MARKUP_TOKENS - {"heading_open"}]
    assert sum(1 for t in tokens if t.type == "heading_open") == 1
    heading = next(t for t in tokens if t.type == "inline")
    assert text_of(heading) == f"x {clean(text)}".strip()


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.from_regex(escape._INERT_ALREADY, fullmatch=True), ANY_TEXT))
def test_the_fast_path_leaves_only_what_escaping_would_leave_alone(text: str) -> None:
    assert inline(text) == escape._escaped(text)
