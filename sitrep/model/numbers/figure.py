"""Figures: every number in a situation is a figure, not a bare integer.

Reports rarely give exact counts. A figure keeps what the source actually said
("about 600", "nearly 300,000", "about 7.2 million", "undisclosed") together
with the bounds that wording implies, and shows the same words back.

In the YAML file an exact figure is a plain integer (``3000``); any other figure
is the phrase as written (``about 7.2 million``, ``between 100,000 and 120,000``).
Sums live in sitrep.model.numbers.total.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from sitrep.model.numbers.figure_words import (
    APPROXIMATE,
    PREFIXES,
    WORD_BOUNDS,
    FigureError,
    FigureKind,
    number,
    prettify,
)

__all__ = [
    "APPROXIMATE",
    "CANONICAL_PREFIX",
    "MAX_FIGURE",
    "WORD_BOUNDS",
    "Figure",
    "FigureError",
    "FigureField",
    "FigureKind",
]

MAX_FIGURE = 10**15
"""No count a situation report gives comes near this; a longer number is a typo or an attack."""

CANONICAL_PREFIX: dict[FigureKind, str] = {
    "about": "about",
    "nearly": "nearly",
    "just_over": "just over",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
}
"""The words a qualified figure is written with, by its kind (one definition)."""
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s*(?:-|–|—|\bto\b|\band\b)\s*(.+)$")
_NOT_KNOWN = {
    "undisclosed": "undisclosed",
    "not disclosed": "undisclosed",
    "withheld": "undisclosed",
    "unknown": "unknown",
    "not known": "unknown",
    "?": "unknown",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A counted quantity as a source stated it.

    ``low`` and ``high`` are the inclusive bounds implied by the wording; ``high``
    is None when there is no upper bound (at least, more than) and both are None
    for figures that are undisclosed or unknown. ``written`` is the phrase as the
    source put it (None for an exact integer written as digits).
    """

    kind: FigureKind
    low: int | None = None
    high: int | None = None
    written: str | None = None

    # -- construction ---------------------------------------------------------
    @classmethod
    def exact(cls, value: int) -> Figure:
        """An exact count."""
        _check_range(value)
        return cls("exact", value, value)

    @classmethod
    def parse(cls, value: Any) -> Figure:
        """Read a figure from the file or from what a user typed.

        Accepts integers and phrases such as ``3,000``, ``about 600``, ``nearly
        300,000``, ``about 7.2 million``, ``more than a million``, ``100k-200k``,
        ``between 100,000 and 120,000``, ``undisclosed``, ``unknown`` or
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
                raise FigureError(f"{value} is {_TOO_LARGE}")
            if value.is_integer():
                return cls.exact(int(value))
            raise FigureError(f"a figure counts whole things: {value} is not a whole number")
        if not isinstance(value, str):
            raise FigureError("expected a number or a phrase such as 'about 600'")
        written = " ".join(value.split())
        text = written.lower()
        if not text:
            raise FigureError("a figure cannot be empty; write 'unknown' or 'undisclosed'")
        if _LONG_NUMBER.search(text):
            raise FigureError(f"{_shown(value)} is {_TOO_LARGE}")
        if len(text) > 120:
            raise FigureError("a figure is a short phrase (at most 120 characters)")
        if text in _NOT_KNOWN:
            kind = _NOT_KNOWN[text]
            return cls(kind, None, None, None if text == kind else written)  # type: ignore[arg-type]
        if text in WORD_BOUNDS:
            low, high = WORD_BOUNDS[text]
            return cls("words", low, high, written)
        for prefix, kind in PREFIXES:
            if text.startswith(prefix) and (prefix == "~" or text[len(prefix) :][:1] == " "):
                return _qualified(kind, number(text[len(prefix) :].strip(), value), written)
        if text.startswith("-"):
            raise FigureError(f"a figure cannot be negative: {value!r}")
        try:
            exact = number(text, value)
        except FigureError:
            match = _RANGE.match(text)
            if not match:
                raise
            low, high = number(match.group(1), value), number(match.group(2), value)
            if low > high:
                raise FigureError(
                    f"range {value!r} runs backwards: write the smaller number first"
                ) from None
            if low == high:
                return cls.exact(low)
            return cls("range", low, high, written)
        _check_range(exact)
        plain = re.fullmatch(r"[\d,]+", text) is not None
        return cls("exact", exact, exact, None if plain else written)

    # -- output ---------------------------------------------------------------
    def to_yaml(self) -> int | str:
        """What the file stores: an int when exact and written as digits, else the phrase."""
        if self.written is not None:
            return self.written
        if self.kind == "exact":
            assert self.low is not None
            return self.low
        return self.canonical

    @property
    def canonical(self) -> str:
        """The phrase sitrep would write for these bounds ('about 600', '100-200')."""
        if self.kind == "exact":
            return str(self.low)
        if self.kind == "range":
            return f"{self.low}-{self.high}"
        if self.kind in ("undisclosed", "unknown", "words"):
            return self.written if self.kind == "words" and self.written else self.kind
        return f"{CANONICAL_PREFIX[self.kind]} {self.stated}"

    @property
    def stated(self) -> int:
        """The number the source stated (for 'more than 5' that is 5)."""
        if self.kind in ("more_than", "just_over"):
            assert self.low is not None
            return self.low - 1
        if self.kind in ("up_to", "nearly"):
            assert self.high is not None
            return self.high
        return self.low or 0

    def __str__(self) -> str:
        """The wording as written, with thousands separators: 'at least 3,000'."""
        if self.written is not None:
            return prettify(self.written)
        if self.kind == "exact":
            return f"{self.low:,}"
        if self.kind == "range":
            return f"{self.low:,}–{self.high:,}"
        return prettify(self.canonical)

    @property
    def is_known(self) -> bool:
        """False for undisclosed and unknown figures, which have no bounds at all."""
        return self.kind not in ("undisclosed", "unknown")

    @property
    def is_approximate(self) -> bool:
        """An estimate around a number (about, nearly, just over, counting words)."""
        return self.kind in APPROXIMATE

    def same_value(self, other: Figure) -> bool:
        """Whether two figures say the same thing, whatever the wording."""
        return (self.kind, self.low, self.high) == (other.kind, other.low, other.high)


def _qualified(kind: FigureKind, n: int, written: str) -> Figure:
    _check_range(n)
    if kind == "about":
        return Figure("about", n, n, written)
    if kind == "nearly":
        return Figure("nearly", n - n // 10, n, written)
    if kind == "just_over":
        return Figure("just_over", n + 1, n + max(1, n // 10), written)
    if kind == "at_least":
        return Figure("at_least", n, None, written)
    if kind == "more_than":
        return Figure("more_than", n + 1, None, written)
    return Figure("up_to", 0, n, written)


def _check_range(value: int) -> None:
    if value < 0:
        raise FigureError(f"a figure cannot be negative: {_shown(value)}")
    if value > MAX_FIGURE:
        raise FigureError(f"{_shown(value)} is {_TOO_LARGE}")


_TOO_LARGE = f"too large for a figure (at most {MAX_FIGURE:,}): check for a typo"
_LONG_NUMBER = re.compile(r"\d{17}")
"""More digits in a row than any figure up to MAX_FIGURE can have."""


def _shown(value: object) -> str:
    """A value for a message, cut short: a hostile figure may have thousands of digits."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**40:
        return f"a number of about {int(value.bit_length() * math.log10(2)):,} digits"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


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
                {"type": "integer", "minimum": 0, "maximum": MAX_FIGURE},
                {
                    "type": "string",
                    "maxLength": 120,
                    "description": "about N, nearly N, just over N, at least N, more than N, "
                    "up to N, N-M, between N and M, undisclosed, unknown, or counting words "
                    "such as 'hundreds of thousands'; numbers may say '7.2 million'",
                },
            ]
        }
    ),
]
"""A pydantic field type for figures (validates phrases, keeps and writes their wording)."""
