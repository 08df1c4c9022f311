"""Markdown blocks: headings, lists, tables and line breaks built from already-safe text.

Nothing here escapes: every argument must already be Markdown (see ``escape``).
"""

from __future__ import annotations

from collections.abc import Sequence


def heading(level: int, text: str) -> str:
    """An ATX heading, e.g. ``## Highlights``."""
    return f"{'#' * level} {text}"


def bullets(items: Sequence[str]) -> str:
    """A tight bullet list, one item per line."""
    return "\n".join(f"- {item}" for item in items)


def numbered(items: Sequence[tuple[int, str]]) -> str:
    """An ordered list whose numbers are given (they must run 1, 2, 3...)."""
    return "\n".join(f"{number}. {item}" for number, item in items)


def lines(items: Sequence[str]) -> str:
    """Lines of one paragraph kept apart by hard line breaks (a trailing backslash)."""
    return "\\\n".join(items)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table. Every row must have as many cells as the header."""
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"row has {len(row)} cells, header has {len(header)}")
        if any("\n" in value for value in row):
            raise ValueError("a table cell cannot hold a line break")
    out = [_row(header), _row(["---"] * len(header))]
    out.extend(_row(row) for row in rows)
    return "\n".join(out)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def document(blocks: Sequence[str]) -> str:
    """Blocks separated by blank lines, ending with exactly one newline."""
    return "\n\n".join(block for block in blocks if block) + "\n"
