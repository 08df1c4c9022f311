"""Tables of places for the territory section, and the summary of a group too long to list.

A group of places (those one party holds, the contested ones...) is a table of
every place up to the brief's limit. Above it the reader gets the group in
brief: where its places are (the largest areas they are within), how many
changed control in the period, the places whose control changed most recently
(newest first, up to the limit), and one line with how many are left out and
the command that writes every place.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

from sitrep.brief import words
from sitrep.brief.census import Standing
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import cell, inline
from sitrep.brief.limits import areas_line, export_command, left_out
from sitrep.brief.markdown import table
from sitrep.model.entries import Place

Column = tuple[str, Callable[[Place], str]]


class PlaceTables:
    """The tables of one brief: the columns every table shares are chosen once, from all places."""

    def __init__(self, ctx: BriefContext) -> None:
        self.ctx = ctx
        census = ctx.census
        first: list[Column] = [("Place", lambda p: inline(p.name))]
        if len(census.kinds) > 1:
            first.append(("Kind", lambda p: words.say(p.kind)))
        self.within = "within" in census.filled
        if self.within:
            names = ctx.place_names
            first.append(("Within", lambda p: cell(names.get(p.within or "", p.within))))
        if "capital" in census.filled:
            first.append(("Capital", lambda p: cell(p.capital)))
        last: list[Column] = [("Sources", self._cite)]
        if "note" in census.filled:
            last.append(("Note", lambda p: cell(p.note)))
        self.first, self.last = first, last

    def table(self, chosen: Sequence[Place], columns: list[Column]) -> str:
        """A table of places: name, then kind, within and capital when any place has them."""
        used = [*self.first, *columns, *self.last]
        return table([name for name, _ in used], [[make(p) for _, make in used] for p in chosen])

    def group(
        self, group: list[Standing], columns: list[Column], *, by_name: bool = True
    ) -> list[str]:
        """The blocks of one group: its table (by name, or in file order), or its summary."""
        ctx = self.ctx
        chosen = [st.place for st in group]
        if len(chosen) <= ctx.limit:
            return [self.table(sorted(chosen, key=_by_name) if by_name else chosen, columns)]
        latest = [st.latest for st in group]
        changed = sum(st.moved for st in group)
        shown = _newest(chosen, latest, ctx.limit, by_name=by_name)
        dated = any(latest)
        blocks = [_intro(len(chosen), changed, ctx.limit, dated=dated, by_name=by_name)]
        where = areas_line(chosen, ctx.place_names) if self.within else None
        if where:
            blocks.insert(0, where)
        command = export_command(ctx.source_name, "places")
        rest = left_out(len(chosen) - len(shown), "place", command)
        return [" ".join(blocks), self.table(shown, columns), rest]

    def _cite(self, place: Place) -> str:
        """The place's own sources and those of its current control (the whole current hold)."""
        ctx = self.ctx
        current = ctx.current(place)
        hold = ctx.hold(place) or ([current] if current else [])
        ids = [*place.sources, *(ref for change in hold for ref in change.sources)]
        return ctx.citations.cite(ids) or "—"


def _by_name(place: Place) -> tuple[str, str, str]:
    return (place.name.casefold(), place.name, place.id)


def _newest(chosen: list[Place], latest: list[int], limit: int, *, by_name: bool) -> list[Place]:
    """The limit places changed most recently, newest first; ties by name (or file order).

    Only the places as recent as the limit-th are sorted by name, not the whole group.
    """
    cut = heapq.nlargest(limit, latest)[-1]
    candidates = [(day, i) for i, day in enumerate(latest) if day >= cut]
    if by_name:
        candidates.sort(key=lambda di: (-di[0], _by_name(chosen[di[1]])))
    else:
        candidates.sort(key=lambda di: (-di[0], di[1]))
    return [chosen[i] for _, i in candidates[:limit]]


def _intro(total: int, changed: int, limit: int, *, dated: bool, by_name: bool) -> str:
    """What the shortened list holds, in one or two sentences."""
    if dated:
        moved = (
            f"Control of {changed:,} of these {total:,} changed in the period"
            if changed
            else f"None of these {total:,} changed control in the period"
        )
        recent = f"the {limit:,} whose control changed most recently are listed, newest first"
        return f"{moved}; {recent}."
    order = "by name" if by_name else "in the file's order"
    return f"The first {words.plural(limit, 'place')} of {total:,}, {order}, are listed."
