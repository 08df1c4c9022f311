"""Version 1 figures (frozen): a phrase is read into bounds and written back canonically.

Reports rarely give exact counts. A figure keeps what the source actually said
("about 600", "at least 3,000", "undisclosed", "hundreds of thousands") together
with the bounds that wording implies, and renders back as the same honest prose.

In the YAML file an exact figure is a plain integer (``3000``); every other kind
is a short phrase (``about 600``, ``100000-200000``, ``undisclosed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import PlainValidator

from sitrep.model.numbers.figure import Figure as NewFigure
from sitrep.model.numbers.figure_words import FigureError

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
            raise FigureError(f"a figure cannot be negative: {value!r}")
        match = _RANGE.match(text)
        if match and not _NUMBER.match(text):
            low, high = _number(match.group(1), value), _number(match.group(2), value)
            if low > high:
                raise FigureError(f"range {value!r} runs backwards: write the smaller number first")
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
        raise FigureError(f"a figure cannot be negative: {value}")


def _number(text: str, original: object) -> int:
    match = _NUMBER.match(text.strip())
    if not match:
        raise FigureError(
            f"cannot read {original!r} as a figure: write a number (3000, 3,000, 100k), "
            "a qualified number (about 600, at least 3,000, more than 50, up to 4,000), "
            "a range (100k-200k), 'undisclosed', or words such as 'hundreds of thousands'"
        )
    digits = match.group(1).replace(",", "").replace(" ", "")
    scale = _SUFFIXES.get(match.group(2) or "", 1)
    if "." in digits and scale == 1:
        raise FigureError(f"a figure counts whole things: {original!r} is not a whole number")
    number = round(float(digits) * scale) if "." in digits else int(digits) * scale
    _check_non_negative(number)
    return number


def _validate(value: Any) -> NewFigure:
    """A version 2 figure, keeping the wording; version 1's reading where version 2 is stricter."""
    try:
        return NewFigure.parse(value)
    except FigureError:
        pass
    try:
        old = Figure.parse(value)
    except FigureError as exc:
        raise ValueError(str(exc)) from None
    try:
        return NewFigure.parse(old.to_yaml())
    except FigureError as exc:
        raise ValueError(str(exc)) from None


FigureField = Annotated[NewFigure, PlainValidator(_validate)]
"""A version 1 figure field: read as version 1 did, held as a version 2 figure."""
