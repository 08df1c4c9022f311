"""HTML export: one self-contained printable page; user text never becomes markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitrep.brief.escape import web_url
from sitrep.exports.brief_parts import BriefOptions
from sitrep.exports.html import render_html
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import load_situation
from tests.exports.conftest import check_golden, copy_sample, sitrep
from tests.paths import CORPUS

ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "br",
    "ul", "ol", "li", "strong", "em", "a", "div", "table", "thead", "tbody", "tr", "th", "td",
    "hr", "figure", "figcaption",
    # the inline SVG map and timeline
    "svg", "g", "rect", "path", "circle", "line", "polyline", "polygon", "text", "tspan",
}  # fmt: skip


class Page(HTMLParser):
    """Every element, attribute and piece of text of a page, as a browser's parser sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_sample_page(sample: Situation) -> None:
    text = render_html(
        sample, base=sample_path().parent, options=BriefOptions(source_name=sample_path().name)
    )
    check_golden("sample-brief.html", text)
    page = Page(text)
    assert set(page.tags) <= ALLOWED | {"title"}, set(page.tags) - ALLOWED
    assert page.tags.count("svg") == 2  # the map and the timeline, inline
    assert "script" not in page.tags and "img" not in page.tags
    assert not [a for a in page.attrs if a[1].startswith("on") or a[1] in ("src", "srcset")]
    hrefs = [value for tag, name, value in page.attrs if name == "href"]
    urls = {web_url(s.url) for s in sample.sources if s.url}
    assert hrefs and set(hrefs) <= urls  # only the sources' own addresses are links
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    rels = [value for tag, name, value in page.attrs if tag == "a" and name == "rel"]
    assert rels == ["noopener noreferrer nofollow"] * len(hrefs)
    csp = [v for t, n, v in page.attrs if n == "content" and v and "default-src" in v]
    assert csp and "default-src 'none'" in csp[0]
    body = " ".join(page.text)
    assert "18 of 34 provinces" in body and "389,645" in body
    assert "@media print" in text and "@page" in text


def test_hostile_text_is_text(tmp_path: Path) -> None:
    s = load_situation(CORPUS / "hostile-text.yaml")
    text = render_html(s, base=CORPUS, options=BriefOptions(source_name="hostile.yaml"))
    page = Page(text)
    assert set(page.tags) <= ALLOWED, set(page.tags) - ALLOWED
    assert not [a for a in page.attrs if a[1].startswith("on")]
    hrefs = [v or "" for t, n, v in page.attrs if n == "href"]
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    assert not any("javascript" in h.lower() for h in hrefs)
    body = "".join(page.text)
    assert "<script>alert(1)</script>" in body  # shown as the words it is
    assert "![x](http://evil.example/x.png)" in body
    assert not any(ch in text for ch in "\x1b\x00\x07\x9b")  # as the Markdown: no C0/C1


def test_cli_page_is_deterministic_without_timestamp(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_file: Path
) -> None:
    situation = copy_sample(sample_file, tmp_path)
    for name in ("a.html", "b.html"):
        code, _, err = sitrep(
            capsys, "export", situation, "-f", "html", "--no-timestamp", "-o", tmp_path / name
        )
        assert code == 0, err
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    code, _, err = sitrep(capsys, "export", situation, "-f", "html", "--map", tmp_path / "m.svg")
    assert code == 2 and "carry both inside" in err
