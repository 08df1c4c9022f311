"""Source numbering: sources are numbered in order of first citation in the brief."""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.model.entries import Source


class Citations:
    """Hands out [n] numbers as the brief cites sources, in reading order.

    Only sources that are both cited and listed get a number; an id that is not
    listed under sources is left out (the file check reports it).
    """

    def __init__(self, sources: Iterable[Source]) -> None:
        self._listed: dict[str, Source] = {}
        for source in sources:
            self._listed.setdefault(source.id, source)
        self._numbers: dict[str, int] = {}

    def cite(self, source_ids: Iterable[str]) -> str:
        """'[1, 3]' for the listed sources among ``source_ids``; '' when there are none."""
        numbers = sorted({self._number(i) for i in source_ids if i in self._listed})
        return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""

    def cite_after(self, text: str, source_ids: Iterable[str]) -> str:
        """``text`` followed by its citation, if any: 'the capital fell [2]'."""
        mark = self.cite(source_ids)
        return f"{text} {mark}" if mark else text

    def cited(self) -> list[tuple[int, Source]]:
        """The cited sources with their numbers, in number order."""
        return [(n, self._listed[i]) for i, n in self._numbers.items()]

    def _number(self, source_id: str) -> int:
        if source_id not in self._numbers:
            self._numbers[source_id] = len(self._numbers) + 1
        return self._numbers[source_id]
