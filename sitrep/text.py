"""The one definition of characters that are unsafe to show or store raw. No imports of sitrep.

User text (titles, notes, file names) may hold characters that act instead of
showing: terminal escapes start with C0/C1 controls, bidirectional controls
reorder the text around them (the "Trojan Source" trick), line and paragraph
separators break lines where none is seen, and noncharacters and lone surrogates
are not text at all (U+FFFE makes an XML file not well-formed, a lone surrogate
cannot be encoded). Every writer reads this module: the TUI (app/safe.py) shows
them as visible pictures, the brief and the SVG drop them (brief/escape.py), the
YAML writer escapes them inside double quotes (yaml/quoting.py), and the CLI
shows file names and messages through visible().
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Ranges = tuple[tuple[int, int], ...]
"""Inclusive ranges of code points."""

CONTROL_RANGES: Ranges = ((0x00, 0x1F), (0x7F, 0x9F))
"""C0 controls (tab and line feed included), DEL and the C1 controls (CSI, OSC, NEL...)."""
BIDI_RANGES: Ranges = ((0x202A, 0x202E), (0x2066, 0x2069))
"""Bidirectional embeddings, overrides and isolates (LRE..RLO, LRI..PDI)."""
SEPARATOR_RANGES: Ranges = ((0x2028, 0x2029),)
"""The line and paragraph separators."""
SURROGATE_RANGES: Ranges = ((0xD800, 0xDFFF),)
"""Surrogate code points: in a Python str they are always lone, never a character."""
NONCHARACTER_RANGES: Ranges = (
    (0xFDD0, 0xFDEF),
    *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)),
)
"""The 66 noncharacters: U+FDD0..U+FDEF and the last two code points of every plane."""

UNSAFE_RANGES: Ranges = tuple(
    sorted(CONTROL_RANGES + BIDI_RANGES + SEPARATOR_RANGES + SURROGATE_RANGES + NONCHARACTER_RANGES)
)
"""Every unsafe character: the one definition."""

LAYOUT = "\t\n"
"""Unsafe on one line, but kept by displays that wrap text (tab, line feed)."""


def char_class(ranges: Iterable[tuple[int, int]]) -> str:
    """The body of a regular-expression character class matching the ranges."""
    parts = []
    for low, high in ranges:
        part = (
            re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        )
        parts.append(part)
    return "".join(parts)


def without(ranges: Ranges, removed: Ranges) -> Ranges:
    """The ranges with every code point of removed taken out (for printable sets)."""
    result: list[tuple[int, int]] = []
    for low, high in ranges:
        pieces = [(low, high)]
        for cut_low, cut_high in removed:
            next_pieces = []
            for a, b in pieces:
                if cut_high < a or cut_low > b:
                    next_pieces.append((a, b))
                    continue
                if a < cut_low:
                    next_pieces.append((a, cut_low - 1))
                if cut_high < b:
                    next_pieces.append((cut_high + 1, b))
            pieces = next_pieces
        result.extend(pieces)
    return tuple(result)


UNSAFE = re.compile(f"[{char_class(UNSAFE_RANGES)}]")
"""Matches any unsafe character."""
BIDI = re.compile(f"[{char_class(BIDI_RANGES)}]")
"""Matches the bidirectional controls (dropped by the TUI: they only reorder)."""
SHOWN_CONTROLS = re.compile(f"[{char_class(without(UNSAFE_RANGES, (*BIDI_RANGES, (9, 10))))}]")
"""The unsafe characters a multi-line display shows as pictures (all but tab, LF, bidi)."""


def has_unsafe(text: str) -> bool:
    """Whether text holds any unsafe character."""
    return UNSAFE.search(text) is not None


def drop_unsafe(text: str) -> str:
    """Text without its unsafe characters."""
    return UNSAFE.sub("", text)


def picture(char: str) -> str:
    """How an unsafe character shows: a Control Picture for C0 (ESC as ␛), ␡, else U+FFFD."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """Text safe to print on a terminal: every unsafe character shown as its picture.

    No escape sequence, no reordering, no line break and nothing a terminal or an
    encoder could choke on (a lone surrogate from an undecodable file name) survives.
    """
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(lambda match: picture(match.group()), text)
