"""'Did you mean ...?': the one way sitrep suggests a name for a misspelt one."""

from __future__ import annotations

import difflib
from collections.abc import Collection

SUGGEST_AMONG = 1000
"""A suggestion is only worked out among this many names (difflib is quadratic)."""


def did_you_mean(word: str, known: Collection[str], *, cutoff: float = 0.75) -> str | None:
    """The known name closest to word, if one is close enough (None among too many)."""
    if not known or len(known) > SUGGEST_AMONG:
        return None
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=cutoff)
    if not close and word.casefold() != word:
        folded = {name.casefold(): name for name in known}
        close = [folded[c] for c in difflib.get_close_matches(word.casefold(), folded, n=1)]
    return close[0] if close else None
