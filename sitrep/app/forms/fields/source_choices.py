"""What the source picker lists: the ticked sources first, then a bounded window of the rest.

A file can cite thousands of sources; the picker shows eight rows at a time
and the user finds a source by typing. Building a row for every source each
time a form opens made the holder dialog slow on large files (a Selection and
its prompt per source, then the list measuring each). So the list holds every
ticked source, then the preferred ones, then others up to ``SHOWN_SOURCES``;
a last, disabled row says how many more the filter can reach.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.widgets.selection_list import Selection

from sitrep.app.safe import safe
from sitrep.model.entries import Source

SHOWN_SOURCES = 100
"""At most this many sources are listed besides the ticked ones (typing finds the others)."""

MORE_VALUE = "\x00more"
"""The value of the disabled 'N more' row (no source id can hold a NUL)."""


def describe(source: Source) -> str:
    """'Publisher · Title · 2021-08-13': a source as the picker lists it."""
    parts = [source.publisher]
    if source.title:
        parts.append(source.title)
    if source.published:
        parts.append(source.published.isoformat())
    return " · ".join(parts)


@dataclass(frozen=True)
class Listed:
    """The rows to show, and how many matching sources were left out of them."""

    selections: list[Selection[str]]
    hidden: int


class SourceChoices:
    """The sources a picker offers, with each one's words and search text worked out once."""

    def __init__(self, sources: Sequence[Source], limit: int = SHOWN_SOURCES) -> None:
        self._sources = list(sources)
        self._known: dict[str, Source] | None = None
        self.limit = limit
        self._said: dict[str, tuple[Source | None, str, str]] = {}
        """Per id: the source described, its words and its search text."""

    @property
    def sources(self) -> list[Source]:
        """The sources offered (set it again when the situation changed)."""
        return self._sources

    @sources.setter
    def sources(self, sources: list[Source]) -> None:
        self._sources, self._known = sources, None

    def add(self, source: Source) -> None:
        """Offer one more source (made in a nested form)."""
        self._sources.append(source)
        self._known = None

    def _by_id(self) -> dict[str, Source]:
        if self._known is None:
            self._known = {s.id: s for s in self._sources}
        return self._known

    def _say(self, source_id: str, source: Source | None) -> tuple[str, str]:
        """A source's words and search text, worked out again only when it was replaced."""
        said = self._said.get(source_id)
        if said is None or said[0] is not source:
            words = describe(source) if source else f"unknown source {source_id}"
            said = self._said[source_id] = (source, words, f"{words} {source_id}".casefold())
        return said[1], said[2]

    def listed(self, query: str, chosen: Sequence[str], preferred: Sequence[str]) -> Listed:
        """Ticked sources, then preferred ones, then the others, as far as the limit goes.

        Only sources whose words or id contain ``query`` (case-insensitive) are
        listed; the ticked ones are listed whatever the limit.
        """
        known = self._by_id()
        first = list(dict.fromkeys([*chosen, *(p for p in preferred if p in known)]))
        firsts = set(first)
        rest = (s.id for s in self._sources if s.id not in firsts)
        # Ids are unique in a valid situation: the rest is every source not listed first.
        size = len(first) + len(self._sources) - len(firsts & known.keys())
        folded = query.casefold().strip()
        ticked = set(chosen)
        rows: list[Selection[str]] = []
        others = hidden = 0
        for at, source_id in enumerate(itertools.chain(first, rest)):
            if not folded and others >= self.limit and source_id not in ticked:
                hidden = size - at  # every one left matches (the ticked come first)
                break
            source = known.get(source_id)
            words, search = self._say(source_id, source)
            if folded and folded not in search:
                continue
            if source_id not in ticked:
                if others >= self.limit:
                    hidden += 1
                    continue
                others += 1
            prompt = Content.assemble(
                safe(words, one_line=True), Content.styled(f"  {source_id}", "dim")
            )
            rows.append(Selection(prompt, source_id, source_id in ticked))
        if hidden:
            more = f"… {hidden:,} more: type to filter"
            rows.append(Selection(Content.styled(more, "dim italic"), MORE_VALUE, disabled=True))
        return Listed(rows, hidden)
