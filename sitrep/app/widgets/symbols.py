"""What the marks mean, said where they appear: the strip's tooltips, the places
table's title bar, and help. One list, made from the map's glyphs (geo.marks), so
the table, the strip, the map and the SVG never disagree.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from textual.content import Content

from sitrep.geo.marks import GLYPHS, KIND_NAMES, MARK_KINDS, MarkKind

ORDER: tuple[MarkKind, ...] = MARK_KINDS
"""The marks in the order they are explained (the map legend's): how sure, the states, the seat."""
SHORT: dict[MarkKind, str] = {
    "confirmed": "confirmed",
    "reported": "reported",
    "claimed": "claimed",
    "contested": "contested",
    "besieged": "besieged",
    "partial": "partly held",
    "unclear": "unclear",
    "none": "not stated",
    "seat": "seat",
}
"""A word or two for each mark, for a one-line legend."""
COUNTS = "In the strip a mark before a number counts places: ◆2 is two only reported."


def symbols_in(texts: Iterable[str]) -> list[MarkKind]:
    """The marks that occur in some text, in ORDER."""
    found = set("".join(texts))
    return [kind for kind in ORDER if GLYPHS[kind] in found]


def legend(kinds: Iterable[MarkKind]) -> str:
    """'● confirmed  ◆ reported  ★ seat': a one-line legend of some marks."""
    return "  ".join(f"{GLYPHS[kind]} {SHORT[kind]}" for kind in kinds)


def tooltip(kinds: Iterable[MarkKind]) -> str | None:
    """A tooltip naming each mark in full ('◆ held, reported'), or None when there are none."""
    lines = [f"{GLYPHS[kind]} {KIND_NAMES[kind]}" for kind in kinds]
    return "\n".join([*lines, COUNTS]) if lines else None


def symbols_help() -> Content:
    """Help's block on the marks: each one in full, where it is used."""
    lines = [Content.styled("SYMBOLS", "bold $accent")]
    for kind in ORDER:
        lines.append(Content.assemble((f"{GLYPHS[kind]}".ljust(3), "bold"), KIND_NAMES[kind]))
    lines.append(Content.styled("The same marks in the strip, the tables,", "$text-muted"))
    lines.append(Content.styled("the map and the brief's SVG map.", "$text-muted"))
    lines += [Content.styled(line, "$text-muted") for line in textwrap.wrap(COUNTS, 44)]
    return Content("\n").join(lines)
