"""No links from data, even for renderers that turn bare URLs into links (GFM linkify).

markdown-it-py's "gfm-like" preset linkifies (linkify-it-py): bare URLs, www.
names, //host paths, fuzzy domains (example.org) and e-mail addresses. GitHub's
renderer (cmark-gfm, through cmarkgfm) autolinks URLs and e-mail addresses.
docs/safety.md: the brief escapes what a linkifier looks for, so none of them
finds a link in user text; the one exception is GitHub's e-mail autolink, which
runs after escapes are resolved and can only point at the address shown.
"""

from __future__ import annotations

import re
from html import unescape

import cmarkgfm
import pytest
from markdown_it import MarkdownIt

from sitrep.brief import render_brief
from sitrep.brief.escape import inline
from sitrep.model.situation import Situation

LINKIFY = MarkdownIt("gfm-like")
LINK_BAIT = [
    "https://evil.example/phish?x=1",
    "http://evil",
    "HTTP://EVIL.EXAMPLE",
    "ftp://files.evil.example/a",
    "www.evil.example",
    "WWW.EVIL.COM/path",
    "//evil.example/x",
    "//localhost:8080/a",
    "evil.com",
    "file.md",
    "пример.рф",
    "xn--80ak6aa92e.com",
    "http://1.2.3.4/",
    "mailto:bob@evil.example",
    "bob@evil.example",
    "xmpp:bob@evil.example",
    "see (https://evil.example) and <www.evil.example>",
]
EMAILS = {"bob@evil.example", "mailto:bob@evil.example", "xmpp:bob@evil.example"}


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


@pytest.mark.parametrize("bait", LINK_BAIT)
def test_markdown_it_linkify_finds_no_link_in_user_text(bait: str) -> None:
    html = LINKIFY.render(f"Note: {inline(bait)} end")
    assert "<a " not in html
    assert text_of(html) == f"Note: {bait} end"  # shown exactly as written


@pytest.mark.parametrize("bait", LINK_BAIT)
def test_github_finds_no_link_but_an_email_address_it_shows(bait: str) -> None:
    html = cmarkgfm.github_flavored_markdown_to_html(f"Note: {inline(bait)} end")
    assert text_of(html) == f"Note: {bait} end"
    links = re.findall(r'<a href="([^"]*)">([^<]*)</a>', html)
    if bait not in EMAILS:
        assert links == []
    else:  # GitHub's e-mail autolink: mailto: the very address shown, nothing hidden
        for href, shown in links:
            assert shown in bait and href.split(":")[-1] == shown.split(":")[-1]


def test_a_brief_full_of_bare_urls_has_no_link_but_its_sources(sample: Situation) -> None:
    for i, bait in enumerate(LINK_BAIT):
        sample.notes[i % len(sample.notes)].text += f" {bait}"
    sample.header.title += " www.evil.example"
    sample.places[0].note = "https://evil.example/x bob@evil.example"
    brief = render_brief(sample)
    sources = {s.url for s in sample.sources if s.url}
    tokens = LINKIFY.parse(brief)
    hrefs = {
        child.attrGet("href")
        for token in tokens
        for child in token.children or []
        if child.type == "link_open"
    }
    assert hrefs and hrefs <= sources  # only the sources' own URLs, written as <url>
    assert "evil" not in " ".join(str(h) for h in hrefs)
