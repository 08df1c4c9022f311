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

import html
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from sitrep.brief.escape import clean
from sitrep.exports.brief_parts import BriefOptions, brief_with_figures, is_web, markdown_parser
from sitrep.model.situation import Situation

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def render_html(
    situation: Situation, *, base: Path | None, options: BriefOptions | None = None
) -> str:
    """The whole page. base is the situation file's folder (for the map's outline)."""
    markdown, figures = brief_with_figures(situation, base, options or BriefOptions())
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
                child.meta["drop"] = not is_web(str(child.attrGet("href") or ""))
                opened.append(child)
            elif child.type == "link_close" and opened:
                child.meta["drop"] = opened.pop().meta["drop"]


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
