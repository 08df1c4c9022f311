"""Honest sums of figures: a total is no more precise, and no less, than its parts.

"about 3,000" and "about 600" make "about 3,600", not "at least 3,600"; an
undisclosed part adds nothing and is said ("plus 1 undisclosed"); parts whose
qualifiers do not combine ("more than 100" and "up to 1,600") have no single
honest total, so the parts are listed instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.model.numbers.figure import Figure
from sitrep.model.numbers.figure_words import APPROXIMATE

# Which kinds combine into which total kind (exact parts combine with anything below).
# Counting words ("hundreds", "thousands") span a whole order of magnitude: they
# combine with nothing ("hundreds" + "dozens" is not "about 224"), so their parts are listed.
_FAMILIES: dict[str, frozenset[str]] = {
    "about": (APPROXIMATE - {"words"}) | {"exact"},
    "at_least": frozenset({"at_least", "exact"}),
    "more_than": frozenset({"more_than", "at_least", "exact"}),
    "up_to": frozenset({"up_to", "exact"}),
    "range": frozenset({"range", "exact"}),
}


@dataclass(frozen=True)
class Total:
    """The sum of some figures, as honestly as their wording allows.

    ``figure`` is the single total when one exists (None when the known parts do
    not combine, or there are none); ``parts`` are the known parts in order;
    ``undisclosed`` and ``unknown`` count the parts with no number at all.
    """

    figure: Figure | None
    parts: tuple[Figure, ...]
    undisclosed: int = 0
    unknown: int = 0

    @property
    def count(self) -> int:
        """How many parts were summed, known or not."""
        return len(self.parts) + self.undisclosed + self.unknown

    @property
    def low(self) -> int:
        """A floor every reading of the parts respects (0 when nothing is known)."""
        return sum(part.low or 0 for part in self.parts)

    def __str__(self) -> str:
        """'about 3,600, plus 1 undisclosed'; 'more than 100 + up to 1,600'; 'undisclosed'."""
        if self.figure is not None:
            main = str(self.figure)
        elif self.parts:
            main = " + ".join(str(part) for part in self.parts)
        else:
            main = ""
        extras = [
            f"{n} {word}"
            for n, word in ((self.undisclosed, "undisclosed"), (self.unknown, "unknown"))
            if n
        ]
        if not main:
            if not extras:
                return "0"
            if self.unknown == 0:
                return "undisclosed"
            return "unknown" if self.undisclosed == 0 else "undisclosed or unknown"
        if extras:
            return f"{main}, plus {' and '.join(extras)}"
        return main


def sum_figures(figures: Sequence[Figure]) -> Total:
    """Add figures honestly (see the module's docstring)."""
    known = tuple(f for f in figures if f.is_known)
    undisclosed = sum(1 for f in figures if f.kind == "undisclosed")
    unknown = sum(1 for f in figures if f.kind == "unknown")
    return Total(_combined(known), known, undisclosed, unknown)


def _combined(parts: tuple[Figure, ...]) -> Figure | None:
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    kinds = {part.kind for part in parts}
    low = sum(part.low or 0 for part in parts)
    if kinds == {"exact"}:
        return Figure("exact", low, low)  # a total may pass MAX_FIGURE: it is never parsed
    for family, members in _FAMILIES.items():
        if kinds <= members:
            return _of_family(family, parts, low)
    return None


def _of_family(family: str, parts: tuple[Figure, ...], low: int) -> Figure:
    stated = sum(part.stated for part in parts)
    if family == "about":
        return Figure("about", stated, stated)
    if family == "at_least":
        return Figure("at_least", low, None)
    if family == "more_than":
        # More than a + at least b = more than (a + b): the strict part keeps it strict.
        return Figure("more_than", low, None)
    high = sum(part.high or 0 for part in parts)
    if family == "up_to":
        return Figure("up_to", low, high) if low else Figure("up_to", 0, high)
    return Figure("range", low, high)
