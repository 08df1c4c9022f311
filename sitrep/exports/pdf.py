"""The brief as a PDF (``--format pdf``), typeset by Typst through its Python package.

Typst (the optional extra ``pdf``: ``pip install 'sitrep[pdf]'``) is one wheel
with no system dependencies that typesets a page in tens of milliseconds. The
brief's Markdown is parsed into plain data (sitrep.exports.blocks) and handed to
a fixed template (brief.typ) through ``sys.inputs``, so user text is never Typst
markup. The map and the timeline are embedded as SVG (vector, searchable). The
PDF is tagged for accessibility (PDF/UA-1: a title, the language, alternative
text for the figures, table headers). Only the fonts inside the Typst package
are used, so the same brief gives the same PDF on every machine; with
``--no-timestamp`` the file carries no date at all.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.brief.escape import clean
from sitrep.errors import SitrepError, SitrepUsageError
from sitrep.exports.blocks import Node, to_blocks
from sitrep.exports.brief_parts import (
    MAP_TOKEN,
    TIMELINE_TOKEN,
    BriefOptions,
    brief_with_figures,
    is_web,
    markdown_parser,
)
from sitrep.model.situation import Situation

INSTALL_HINT = "pip install 'sitrep[pdf]'"


class PdfUnavailable(SitrepUsageError):
    """The optional Typst package is not installed (exit 2, with how to get it)."""


def render_pdf(
    situation: Situation,
    *,
    base: Path | None,
    options: BriefOptions | None = None,
    notes: list[str] | None = None,
) -> bytes:
    """The brief as PDF bytes. Raises PdfUnavailable without the extra, SitrepError on failure.

    notes, when given, receives what the reader of the command should know (fonts).
    """
    typst = require_typst()
    options = options or BriefOptions()
    brief, inputs = pdf_inputs(situation, base=base, options=options)
    template = resources.files("sitrep.exports").joinpath("brief.typ").read_bytes()
    settings: dict[str, Any] = {
        "format": "pdf",
        "sys_inputs": {"brief": brief, **inputs},
        "timestamp": options.generated_at,
    }
    try:
        pdf = typst.compile(template, ignore_system_fonts=True, pdf_standards="ua-1", **settings)
    except typst.TypstError as exc:
        if "could not be displayed" not in exc.message:
            raise SitrepError(f"the PDF could not be typeset: {exc.message}") from None
        # A script the bundled fonts lack (Arabic, CJK...): PDF/UA forbids a missing
        # glyph, so typeset it tagged but without the PDF/UA claim, with the
        # machine's own fonts as a fallback.
        if notes is not None:
            notes.append(
                "some characters have no glyph in the PDF's bundled fonts; the PDF uses this "
                "machine's fonts for them and is tagged but not PDF/UA-1"
            )
        try:
            pdf = typst.compile(template, ignore_system_fonts=False, **settings)
        except typst.TypstError as again:
            raise SitrepError(f"the PDF could not be typeset: {again.message}") from None
    assert isinstance(pdf, bytes)
    return pdf


def pdf_inputs(
    situation: Situation, *, base: Path | None, options: BriefOptions | None = None
) -> tuple[str, dict[str, str]]:
    """The brief as JSON for the template, and the SVG figures (deterministic text)."""
    options = options or BriefOptions()
    markdown, figures = brief_with_figures(situation, base, options)
    names = {MAP_TOKEN: "map", TIMELINE_TOKEN: "timeline"}
    blocks = to_blocks(markdown_parser().parse(markdown), names)
    _only_web_links(blocks)
    footer = ""
    if blocks and blocks[-1]["t"] == "para":  # the brief's closing line goes in the page footer
        footer = _plain(blocks.pop()["c"])
        if blocks and blocks[-1]["t"] == "rule":
            blocks.pop()
    header = situation.header
    document = {
        "title": clean(header.title),
        "author": [clean(header.produced_by)] if header.produced_by else [],
        "description": clean(
            f"Situation report, {header.region}, as of {header.as_of.isoformat()}"
        ),
        "date": _date(options.generated_at),
        "footer": footer,
        "blocks": blocks,
    }
    inputs = {names[token]: svg for token, svg in figures.items()}
    return json.dumps(document, ensure_ascii=False, indent=1), inputs


def require_typst() -> Any:
    """The typst module, or PdfUnavailable saying how to install the extra."""
    try:
        import typst
    except ImportError:
        raise PdfUnavailable(
            "--format pdf needs the optional Typst package, which is not installed: "
            f"{INSTALL_HINT} (or choose --format html and print it to PDF)"
        ) from None
    return typst


def _date(moment: dt.datetime | None) -> list[int] | None:
    if moment is None:
        return None
    return [moment.year, moment.month, moment.day, moment.hour, moment.minute]


def _only_web_links(nodes: list[Node]) -> None:
    """Links that are not http(s) lose their target (their text stays)."""
    for node in nodes:
        if node.get("t") == "link" and not is_web(node.get("href", "")):
            node["href"] = None
        for key in ("c", "items", "head", "rows"):
            value = node.get(key)
            if isinstance(value, list):
                _walk(value)


def _walk(value: list[Any]) -> None:
    for item in value:
        if isinstance(item, dict):
            _only_web_links([item])
        elif isinstance(item, list):
            _walk(item)


def _plain(runs: list[Node]) -> str:
    return "".join(r.get("s", "") if r["t"] == "text" else _plain(r.get("c", [])) for r in runs)
