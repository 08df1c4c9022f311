"""The words of figures: qualifiers, counting words, numbers as people write them."""

from __future__ import annotations

import re
from typing import Literal

FigureKind = Literal[
    "exact",
    "about",
    "nearly",
    "just_over",
    "at_least",
    "more_than",
    "up_to",
    "range",
    "words",
    "undisclosed",
    "unknown",
]

APPROXIMATE: frozenset[str] = frozenset({"about", "nearly", "just_over", "words"})
"""Kinds that estimate around a number rather than bound it."""


class FigureError(ValueError):
    """A figure could not be read; the message says what was expected."""


#: Counting words and the bounds they imply (inclusive low, inclusive high).
WORD_BOUNDS: dict[str, tuple[int, int]] = {
    "a few": (2, 9),
    "several": (3, 9),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "several hundred": (300, 999),
    "thousands": (2_000, 9_999),
    "several thousand": (3_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}

_PREFIX_WORDS: dict[str, FigureKind] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "~": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "close to": "nearly",
    "just over": "just_over",
    "slightly more than": "just_over",
    "a little over": "just_over",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "up to": "up_to",
    "at most": "up_to",
    "as many as": "up_to",
}
PREFIXES: tuple[tuple[str, FigureKind], ...] = tuple(
    sorted(_PREFIX_WORDS.items(), key=lambda kv: -len(kv[0]))
)
"""Qualifiers, longest first (so 'just over' wins over 'over')."""

_SCALES = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "billion": 1_000_000_000,
}
_ONE = {"a": "1", "an": "1", "one": "1"}
_NUMBER = re.compile(
    r"^(\d{1,3}(?:,\d{3})+|\d{1,120}|\d+\.\d{1,6})\s*(k|thousand|mn|m|million|bn|b|billion)?$"
)
_BARE_INTEGER = re.compile(r"(?<![\d.,])\d{4,18}(?![\d.,])")


def number(text: str, original: object) -> int:
    """A whole number as people write it: 3000, 3,000, 7.2 million, 100k, a million."""
    text = text.strip()
    first, _, rest = text.partition(" ")
    if first in _ONE and rest:
        text = f"{_ONE[first]} {rest}"
    match = _NUMBER.match(text)
    if not match:
        raise FigureError(
            f"cannot read {original!r} as a figure: write a number (3000, 3,000, 7.2 million), "
            "a qualified number (about 600, nearly 300,000, at least 3,000, more than 50, "
            "up to 4,000), a range (100k-200k, between 100 and 120), 'undisclosed', "
            "'unknown', or words such as 'hundreds of thousands'"
        )
    digits = match.group(1).replace(",", "")
    scale = _SCALES.get(match.group(2) or "", 1)
    if "." in digits:
        value = round(float(digits) * scale)
        if scale == 1 or abs(float(digits) * scale - value) > 1e-6 * scale:
            raise FigureError(f"a figure counts whole things: {original!r} is not a whole number")
        return value
    return int(digits) * scale


def prettify(phrase: str) -> str:
    """A phrase with thousands separators in its bare numbers: 'at least 389,645'."""
    return _BARE_INTEGER.sub(lambda m: f"{int(m.group()):,}", phrase)
