"""What the HTML and PDF briefs share: their options, the Markdown with its figures, the parser."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from sitrep.brief import render_brief
from sitrep.brief.escape import WEB_SCHEMES
from sitrep.model.situation import Situation

MAP_TOKEN = "sitrep-inline-map.svg"
TIMELINE_TOKEN = "sitrep-inline-timeline.svg"
"""Image targets the brief is rendered with, replaced by the figures themselves."""


@dataclass(frozen=True)
class BriefOptions:
    """What shapes a brief beyond the situation (see sitrep.brief.render_brief)."""

    source_name: str | None = None
    since: dt.date | None = None
    previous: Situation | None = None
    generated_at: dt.datetime | None = None
    reconstructed_from: dt.date | None = None


def brief_with_figures(
    situation: Situation, base: Path | None, options: BriefOptions
) -> tuple[str, dict[str, str]]:
    """The Markdown brief and its map and timeline as SVG elements, keyed by their tokens."""
    from sitrep.brief.svg.mapsvg import render_map_svg
    from sitrep.brief.svg.timeline_svg import render_timeline_svg

    markdown = render_brief(
        situation,
        source_name=options.source_name,
        since=options.since,
        previous=options.previous,
        generated_at=options.generated_at,
        map_path=MAP_TOKEN,
        timeline_path=TIMELINE_TOKEN,
        reconstructed_from=options.reconstructed_from,
    )
    figures = {
        MAP_TOKEN: inline_svg(render_map_svg(situation, base=base)),
        TIMELINE_TOKEN: inline_svg(render_timeline_svg(situation)),
    }
    return markdown, figures


def markdown_parser() -> MarkdownIt:
    """CommonMark with GFM tables and no raw HTML, no linkify, no typographer."""
    options = {"html": False, "linkify": False, "typographer": False}
    return MarkdownIt("commonmark", options).enable("table")


def inline_svg(svg: str) -> str:
    """An SVG document as an element to put in a page (its XML declaration dropped)."""
    text = svg.strip()
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :].lstrip()
    return text


def is_web(href: str) -> bool:
    """Whether a link target is an http(s) address (nothing else is ever a link)."""
    scheme, colon, rest = href.partition(":")
    return bool(colon) and scheme.lower() in WEB_SCHEMES and rest.startswith("//")
