"""User text is data, never markup: helpers to show it safely in any widget.

Textual parses a plain ``str`` as markup in Static, Label, Button, Select,
OptionList, notify() and DataTable cells, and escape sequences in data would reach
the terminal. Every piece of user text shown by the app goes through these.
"""

from __future__ import annotations

import re
from typing import Literal, Protocol

from textual.content import Content

from sitrep.text import BIDI as _BIDI
from sitrep.text import SHOWN_CONTROLS as _CONTROLS
from sitrep.text import UNSAFE as _CHANGED_BY_CLEAN

Severity = Literal["information", "warning", "error"]


class Say(Protocol):
    """Tell the user something (the app's say(): user text is never parsed as markup)."""

    def __call__(self, message: str, *, severity: Severity = "information") -> None: ...


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␛ for ESC, ␀ for NUL...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean(text: str, *, one_line: bool = False) -> str:
    """Make control characters visible (ESC shows as ␛); tabs become spaces.

    Bidirectional overrides are dropped so right-to-left text cannot reorder the
    columns around it. With one_line, line breaks show as ⏎ (for table cells).
    """
    text = _CONTROLS.sub(_picture, text.replace("\t", "    "))
    text = _BIDI.sub("", text)
    if one_line:
        text = text.replace("\r\n", "\n").replace("\n", " \u23ce ")
    return text


def clean_all(texts: list[str], *, one_line: bool = False) -> list[str]:
    """clean() of each text; one look at them all when, as usual, none needs cleaning."""
    joined = "".join(texts)
    # Every character clean() changes is unprintable; isprintable() is ten times
    # faster than the search (the filter's first keystroke cleans every row).
    if joined.isprintable() or _CHANGED_BY_CLEAN.search(joined) is None:
        return texts
    return [clean(text, one_line=one_line) for text in texts]


def safe(text: str | None, *, one_line: bool = False) -> Content:
    """User text as literal Content: no markup, no escape sequences."""
    return Content(clean(text or "", one_line=one_line))
