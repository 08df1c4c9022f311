"""Figures: every number in a situation is a figure, not a bare integer.

Reports rarely give exact counts. A figure keeps what the source actually said
("about 600", "at least 3,000", "undisclosed", "hundreds of thousands") together
with the bounds that wording implies, and renders back as the same honest prose.

In the YAML file an exact figure is a plain integer (``3000``); every other kind
is a short phrase (``about 600``, ``100000-200000``, ``undisclosed``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

FigureKind = Literal[
    "exact", "about", "at_least", "more_than", "up_to", "range", "undisclosed", "words"
]

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

_PREFIXES: dict[str, FigureKind] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "~": "about",
    "at least": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "up to": "up_to",
    "at most": "up_to",
}
_PREFIX_TEXT: dict[FigureKind, str] = {
    "about": "about",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
}
_SUFFIXES = {"k": 1_000, "m": 1_000_000, "thousand": 1_000, "million": 1_000_000}
_NUMBER = re.compile(r"^(\d[\d,\s]*(?:\.\d+)?)\s*(k|m|thousand|million)?$")
_RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|\bto\b)\s*(.+)$")


MAX_FIGURE = 10**15
"""The largest number a figure may hold (a quadrillion): no count of people, troops or
households comes near it, and it keeps every sum and every rendering cheap (Python
refuses to print integers of more than 4,300 digits)."""
_MAX_DIGITS = len(str(MAX_FIGURE))


class FigureError(ValueError):
    """A figure could not be read; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A counted quantity as a source stated it.

    ``low`` and ``high`` are the inclusive bounds implied by the wording; ``high``
    is None when there is no upper bound (at least, more than, undisclosed) and
    ``low`` is None only for undisclosed figures.
    """

    kind: FigureKind
    low: int | None = None
    high: int | None = None
    words: str | None = None

    # -- construction ---------------------------------------------------------
    @classmethod
    def exact(cls, value: int) -> Figure:
        """An exact count."""
        _check_non_negative(value)
        return cls("exact", value, value)

    @classmethod
    def parse(cls, value: Any) -> Figure:
        """Read a figure from the file or from what a user typed.

        Accepts integers and phrases such as ``3,000``, ``about 600``,
        ``at least 389,645``, ``100k-200k``, ``undisclosed`` or
        ``hundreds of thousands``. Raises FigureError otherwise.
        """
        if isinstance(value, Figure):
            return value
        if isinstance(value, bool):
            raise FigureError("expected a number or a phrase such as 'about 600', not true/false")
        if isinstance(value, int):
            return cls.exact(value)
        if isinstance(value, float):
            if not math.isfinite(value) or abs(value) > MAX_FIGURE:
                raise FigureError(f"{value} is too large for a figure (at most {MAX_FIGURE:,})")
            if value.is_integer():
                return cls.exact(int(value))
            raise FigureError(f"a figure counts whole things: {value} is not a whole number")
        if not isinstance(value, str):
            raise FigureError("expected a number or a phrase such as 'about 600'")
        text = " ".join(value.strip().lower().split())
        if not text:
            raise FigureError("a figure cannot be empty; write 'undisclosed' if it is not known")
        if text in ("undisclosed", "unknown", "not disclosed", "?"):
            return cls("undisclosed")
        if text in WORD_BOUNDS:
            low, high = WORD_BOUNDS[text]
            return cls("words", low, high, text)
        for prefix, kind in sorted(_PREFIXES.items(), key=lambda kv: -len(kv[0])):
            if text.startswith(prefix) and (prefix == "~" or text[len(prefix) :][:1] == " "):
                number = _number(text[len(prefix) :].strip(), value)
                if kind == "about":
                    return cls("about", number, number)
                if kind == "at_least":
                    return cls("at_least", number, None)
                if kind == "more_than":
                    return cls("more_than", number + 1, None)
                return cls("up_to", 0, number)
        if text.startswith("-"):
            raise FigureError(f"a figure cannot be negative: {_shown(value)}")
        match = _RANGE.match(text)
        if match and not _NUMBER.match(text):
            low, high = _number(match.group(1), value), _number(match.group(2), value)
            if low > high:
                raise FigureError(
                    f"range {_shown(value)} runs backwards: write the smaller number first"
                )
            if low == high:
                return cls.exact(low)
            return cls("range", low, high)
        return cls.exact(_number(text, value))

    # -- output ---------------------------------------------------------------
    def to_yaml(self) -> int | str:
        """The canonical form stored in the file: an int when exact, else a phrase."""
        if self.kind == "exact":
            assert self.low is not None
            return self.low
        if self.kind == "range":
            return f"{self.low}-{self.high}"
        if self.kind == "undisclosed":
            return "undisclosed"
        if self.kind == "words":
            assert self.words is not None
            return self.words
        return f"{_PREFIX_TEXT[self.kind]} {self.stated}"

    @property
    def stated(self) -> int:
        """The number the source stated (for 'more than 5' that is 5)."""
        if self.kind == "more_than":
            assert self.low is not None
            return self.low - 1
        if self.kind == "up_to":
            assert self.high is not None
            return self.high
        return self.low or 0

    def __str__(self) -> str:
        """Honest prose with thousands separators: 'at least 3,000', 'about 600'."""
        if self.kind == "exact":
            return f"{self.low:,}"
        if self.kind == "range":
            return f"{self.low:,}–{self.high:,}"
        if self.kind == "undisclosed":
            return "undisclosed"
        if self.kind == "words":
            return str(self.words)
        return f"{_PREFIX_TEXT[self.kind]} {self.stated:,}"

    @property
    def is_known(self) -> bool:
        """False for undisclosed figures, which have no bounds at all."""
        return self.kind != "undisclosed"


def _check_non_negative(value: int) -> None:
    if value < 0:
        raise FigureError(f"a figure cannot be negative: {_shown(value)}")
    if value > MAX_FIGURE:
        raise FigureError(f"{_shown(value)} is too large for a figure (at most {MAX_FIGURE:,})")


def _shown(value: object) -> str:
    """A value for a message, cut short: a hostile figure may have thousands of digits."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**40:
        return f"a number of about {int(value.bit_length() * math.log10(2)):,} digits"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(text: str, original: object) -> int:
    match = _NUMBER.match(text.strip())
    if not match:
        raise FigureError(
            f"cannot read {_shown(original)} as a figure: write a number (3000, 3,000, 100k), "
            "a qualified number (about 600, at least 3,000, more than 50, up to 4,000), "
            "a range (100k-200k), 'undisclosed', or words such as 'hundreds of thousands'"
        )
    digits = match.group(1).replace(",", "").replace(" ", "")
    scale = _SUFFIXES.get(match.group(2) or "", 1)
    if len(digits.partition(".")[0].lstrip("0")) > _MAX_DIGITS:
        raise FigureError(f"{_shown(original)} is too large for a figure (at most {MAX_FIGURE:,})")
    if "." in digits and scale == 1:
        raise FigureError(f"a figure counts whole things: {_shown(original)} is not a whole number")
    number = round(float(digits) * scale) if "." in digits else int(digits) * scale
    _check_non_negative(number)
    return number


def sum_figures(figures: list[Figure]) -> Figure:
    """Add figures honestly: any open bound or undisclosed part makes the total 'at least'.

    Undisclosed parts add nothing to the lower bound; the result is exact only
    when every part is exact.
    """
    if not figures:
        return Figure("exact", 0, 0)
    low = sum(f.low or 0 for f in figures)
    if all(f.kind == "exact" for f in figures):
        return Figure("exact", low, low)  # a sum may pass MAX_FIGURE, which bounds input
    if all(f.kind == "undisclosed" for f in figures):
        return Figure("undisclosed")
    if any(f.high is None for f in figures):
        return Figure("at_least", low, None)
    high = sum(f.high or 0 for f in figures)
    if high == low:
        # Only "about" and exact parts: the total is as approximate as its parts.
        return Figure("about", low, low)
    return Figure("range", low, high)


def _validate(value: Any) -> Figure:
    try:
        return Figure.parse(value)
    except FigureError as exc:
        raise ValueError(str(exc)) from None


FigureField = Annotated[
    Figure,
    PlainValidator(_validate),
    PlainSerializer(lambda f: f.to_yaml(), return_type=int | str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {
                    "type": "string",
                    "description": "about N, at least N, more than N, up to N, N-M, "
                    "undisclosed, or counting words such as 'hundreds of thousands'",
                },
            ]
        }
    ),
]
"""A pydantic field type for figures (validates phrases, serializes canonically)."""
