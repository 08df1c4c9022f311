"""How long a list in the brief may grow, and what a list cut short says instead.

The reader of a brief reads one screen. A list (the places one party holds,
the changes of control in the period, the figures of a topic, the notes) is
given in full up to ``LIST_LIMIT`` items; above it the brief shows the items
that matter most (the newest, the ones that changed) and one line saying how
many are left out and the exact command that writes them all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sitrep.brief import words
from sitrep.brief.escape import inline
from sitrep.model.entries import Place

LIST_LIMIT = 200
"""Items one list of the brief shows in full (places of one group, changes, figures, notes)."""

MAX_AREAS_NAMED = 5
"""How many of the largest 'within' areas a summarised group of places names."""

_PLAIN_FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
"""A file name that reads the same in a code span and on a command line (no quoting needed)."""


def export_command(source_name: str | None, section: str, *, history: bool = False) -> str:
    """'`sitrep export FILE --format hxl --section places`' as Markdown (a code span).

    The file is named when its name needs no quoting in a shell, else it reads FILE.
    """
    name = source_name if source_name and _PLAIN_FILE_NAME.fullmatch(source_name) else "FILE"
    command = f"sitrep export {name} --format hxl --section {section}"
    return f"`{command}{' --history' if history else ''}`"


def left_out(count: int, noun: str, command: str, *, earlier: bool = False) -> str:
    """'… and 1,234 more places, not listed here; `...` writes every one.' (already Markdown).

    ``noun`` is singular and plain ('place', 'change in the period' reads 'changes ...').
    """
    first, _, rest = noun.partition(" ")
    what = words.plural(count, first) + (f" {rest}" if rest else "")
    more = "earlier" if earlier else "more"
    number, _, name = what.partition(" ")
    return f"… and {number} {more} {name}, not listed here; {command} writes every one."


def areas_line(places: Sequence[Place], names: dict[str, str]) -> str | None:
    """'Within Area A (312), Area B (280) and 1,020 other areas; 4 within no area.' (Markdown).

    None when no place of these has a ``within``. ``names`` maps place ids to names;
    an area that is not itself a place is named by its id.
    """
    counts = Counter(p.within for p in places if p.within)
    if not counts:
        return None
    largest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_AREAS_NAMED]
    named = [f"{names.get(area, area)} ({n:,})" for area, n in largest]
    others = len(counts) - len(largest)
    if others:
        named.append(words.plural(others, "other area"))
    text = f"Largest areas they are within: {words.join(named)}"
    outside = sum(1 for p in places if not p.within)
    if outside:
        text += f"; {words.plural(outside, 'place')} within no area"
    return inline(text) + "."
