"""Fitting words into a few short lines: the key-figures strip's cards at any width.

A card says the same thing at 200 columns and at 80: it picks the longest
wording that fits, shortens names before numbers, and never cuts a number in
the middle. Pieces are (text, style) pairs, so styles survive the fitting.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content

from sitrep.app.safe import clean

Piece = tuple[str, str]
"""Some text and its style ('' for none)."""
Item = list[Piece]
"""One thing to say (a party and its count), as styled pieces."""

GAP = "  "
MORE_STYLE = "$text-muted"


def width_of(item: Sequence[Piece]) -> int:
    """Cells an item takes."""
    return sum(cell_len(text) for text, _ in item)


def content(item: Sequence[Piece]) -> Content:
    """An item as Content (user text in it was cleaned when the piece was made)."""
    return Content.assemble(*[(text, style) if style else text for text, style in item])


def first_fitting(variants: Sequence[Item], width: int) -> Item:
    """The first (longest) wording that fits width, else the last one cut to fit."""
    for variant in variants:
        if width_of(variant) <= width:
            return variant
    return cut(variants[-1], width)


def cut(item: Item, width: int) -> Item:
    """An item cut to width with an ellipsis, at the end (numbers come first in items).

    A number is never cut in the middle: the cut falls before a word with a digit
    in it ('at least 4,100 people' cut short reads 'at least…', never 'at least 4,1…').
    """
    out: Item = []
    room = width
    for text, style in item:
        if cell_len(text) <= room:
            out.append((text, style))
            room -= cell_len(text)
            continue
        if room > 1:
            out.append((_ellipsis(whole_numbers(_cells(text, room - 1), text), room), style))
        elif room == 1:
            out.append(("…", style))
        break
    return out


def _ellipsis(kept: str, room: int) -> str:
    """kept with an ellipsis, never touching a number ('4,100 …', not '4,100…', which
    reads as cut), within room cells."""
    kept = kept.rstrip()
    last = kept.rpartition(" ")[2]
    if not any(char.isdigit() for char in last):
        return kept + "…"
    if cell_len(kept) + 2 <= room:
        return kept + " …"
    return kept[: len(kept) - len(last)].rstrip() + "…"


def whole_numbers(start: str, text: str) -> str:
    """start (the beginning of text) shortened so that it does not end inside a word
    with a digit in it."""
    rest = text[len(start) :]
    if not rest or rest[0].isspace() or not start or start[-1].isspace():
        return start
    head, _, word = start.rpartition(" ")
    whole_word = word + rest.split(" ", 1)[0]
    if any(char.isdigit() for char in whole_word):
        return head + " " if head else ""
    return start


def _cells(text: str, width: int) -> str:
    """The start of text, width cells at most."""
    out = ""
    for char in text:
        if cell_len(out + char) > width:
            break
        out += char
    return out


def name(text: str, limit: int | None = None) -> str:
    """A name cleaned for one line, cut to limit cells with an ellipsis."""
    text = clean(" ".join(text.split()), one_line=True)
    if limit is None or cell_len(text) <= limit:
        return text
    return _ellipsis(whole_numbers(_cells(text, max(1, limit - 1)), text), limit)


def flow(items: Sequence[Item], width: int, lines: int) -> list[Item] | None:
    """Items laid out left to right on at most `lines` lines (a gap between them), or
    None when they do not all fit."""
    out: list[Item] = [[]]
    for item in items:
        line = out[-1]
        needed = width_of(item) + (len(GAP) if line else 0)
        if width_of(line) + needed <= width:
            out[-1] = [*line, *([(GAP, "")] if line else []), *item]
            continue
        if len(out) == lines or width_of(item) > width:
            return None
        out.append(list(item))
    return out


def flow_with_more(items: Sequence[Item], width: int, lines: int) -> list[Item]:
    """As many items as fit, then '+N more' (at least one item is shown, cut if need be)."""
    for shown in range(len(items) - 1, 0, -1):
        more: Item = [(f"+{len(items) - shown} more", MORE_STYLE)]
        laid = flow([*items[:shown], more], width, lines)
        if laid is not None:
            return laid
    rest = len(items) - 1
    first = cut(items[0], width if not rest else max(1, width - len(GAP) - len(f"+{rest} more")))
    return flow([first, [(f"+{rest} more", MORE_STYLE)]] if rest else [first], width, lines) or [
        first
    ]
