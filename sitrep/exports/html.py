"""The brief as one self-contained, printable HTML page (``--format html``).

The Markdown brief is rendered by markdown-it-py (CommonMark and GFM tables)
with raw HTML switched off, so user text, already made inert by the brief's
escaping, can only ever be text. The map and the timeline are inlined as SVG
(no file beside the page, no <img>); the page has no scripts, loads nothing
(a Content-Security-Policy says so to the browser too) and carries its own
screen and print CSS. Links: only the sources' own http(s) addresses are links
(rel="noopener noreferrer", opened by the reader's choice); any other link or
image the Markdown might hold is rendered as its text.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sitrep.brief import render_brief
from sitrep.brief.escape import WEB_SCHEMES, clean
from sitrep.model.situation import Situation

MAP_TOKEN = "sitrep-inline-map.svg"
TIMELINE_TOKEN = "sitrep-inline-timeline.svg"
"""Image targets the brief is rendered with, replaced by the inline SVGs."""

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def markdown_parser() -> MarkdownIt:
    """CommonMark with GFM tables and no raw HTML, no linkify, no typographer."""
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        "table"
    )


def render_html(
    situation: Situation,
    *,
    base: Path | None,
    source_name: str | None = None,
    since: dt.date | None = None,
    previous: Situation | None = None,
    generated_at: dt.datetime | None = None,
    reconstructed_from: dt.date | None = None,
) -> str:
    """The whole page. base is the situation file's folder (for the map's outline)."""
    from sitrep.brief.mapsvg import render_map_svg
    from sitrep.brief.timeline_svg import render_timeline_svg

    markdown = render_brief(
        situation,
        source_name=source_name,
        since=since,
        previous=previous,
        generated_at=generated_at,
        map_path=MAP_TOKEN,
        timeline_path=TIMELINE_TOKEN,
        reconstructed_from=reconstructed_from,
    )
    figures = {
        MAP_TOKEN: inline_svg(render_map_svg(situation, base=base)),
        TIMELINE_TOKEN: inline_svg(render_timeline_svg(situation)),
    }
    body = markdown_to_html(markdown, figures)
    title = html.escape(clean(situation.header.title))
    css = resources.files("sitrep.exports").joinpath("brief.css").read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="sitrep">\n<title>{title}</title>\n'
        f"<style>\n{css}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def inline_svg(svg: str) -> str:
    """An SVG document as an element to put in HTML (its XML declaration dropped)."""
    text = svg.strip()
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :].lstrip()
    return text


def markdown_to_html(markdown: str, figures: dict[str, str]) -> str:
    """Render the brief's Markdown; images named in figures become inline SVG figures."""
    md = markdown_parser()
    tokens = md.parse(markdown)
    _prepare(tokens, figures)
    md.add_render_rule("image", _image(figures))
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    md.add_render_rule("table_open", lambda *_: '<div class="table"><table>\n')
    md.add_render_rule("table_close", lambda *_: "</table></div>\n")
    return str(md.renderer.render(tokens, md.options, {}))


def _prepare(tokens: Sequence[Token], figures: dict[str, str]) -> None:
    """Mark links that are not web links to drop, and unwrap paragraphs holding a figure."""
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        if (
            len(children) == 1
            and children[0].type == "image"
            and children[0].attrGet("src") in figures
            and i > 0
            and tokens[i - 1].type == "paragraph_open"
        ):
            tokens[i - 1].hidden = True
            tokens[i + 1].hidden = True
        opened: list[Token] = []
        for child in children:
            if child.type == "link_open":
                child.meta["drop"] = not _is_web(str(child.attrGet("href") or ""))
                opened.append(child)
            elif child.type == "link_close" and opened:
                child.meta["drop"] = opened.pop().meta["drop"]


def _is_web(href: str) -> bool:
    scheme, colon, rest = href.partition(":")
    return bool(colon) and scheme.lower() in WEB_SCHEMES and rest.startswith("//")


def _link_open(_: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    if token.meta.get("drop", True):
        return ""
    href = html.escape(str(token.attrGet("href")), quote=True)
    return f'<a href="{href}" rel="noopener noreferrer nofollow">'


def _link_close(_: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "" if tokens[idx].meta.get("drop", True) else "</a>"


def _image(figures: dict[str, str]) -> Any:
    def render(_: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        alt = html.escape("".join(c.content for c in token.children or []))
        svg = figures.get(str(token.attrGet("src")))
        if svg is None:
            return alt  # never an <img>: the page loads nothing
        return f"<figure>\n{svg}\n<figcaption>{alt}</figcaption>\n</figure>\n"

    return render
