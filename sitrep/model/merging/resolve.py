"""Resolving merge conflicts: ours, theirs, the base's value, or an edited one, per conflict.

resolution() turns choices into steps, the same steps an edit makes (an entry
replaced, added or deleted, the header replaced, a conflict deleted), so the
TUI can apply them through its undoable document (editing/resolve.py) and
resolve() applies them to a copy. Choices for several conflicts of one entry
are applied together and the entry is checked once, so a place made contested
on one side and given a new holder on the other can take "theirs" for both.
A choice that would leave the file invalid is refused (EditRejected) with the
reason, and nothing changes.

Inserting or removing a part of a history (a control change their side edited
and ours deleted) moves the parts after it: the other conflicts' paths follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, JsonValue

from sitrep.model.carry import carry
from sitrep.model.conflicts import Conflict, dotted
from sitrep.model.merging.resolveparts import (
    Shift,
    checked,
    deepest_first,
    index_of,
    moved,
    set_at,
    validated,
)
from sitrep.model.merging.unresolved import file_path
from sitrep.model.sections import SECTION, SECTIONS
from sitrep.model.situation import Situation
from sitrep.model.validation.checks import EditRejected
from sitrep.model.validation.problems import cross_entry_problems

Side = Literal["ours", "theirs", "base"]


@dataclass(frozen=True)
class Edited:
    """A value the user wrote instead of either side's (None: leave it out, delete it)."""

    value: JsonValue


Choice = Side | Edited


@dataclass(frozen=True)
class Step:
    """One edit: in a section (or "header", index 0), the entry at index goes from before to after.

    before None adds, after None deletes; steps apply in order, each at the index it names.
    """

    section: str
    index: int
    before: BaseModel | None
    after: BaseModel | None


def chosen(conflict: Conflict, choice: Choice) -> JsonValue:
    """The value a choice picks."""
    if isinstance(choice, Edited):
        return choice.value
    value: JsonValue = getattr(conflict, choice)
    return value


def resolve(situation: Situation, conflict: Conflict | int, choice: Choice) -> Situation:
    """A copy of situation with one conflict resolved (EditRejected if that is not valid)."""
    index = conflict if isinstance(conflict, int) else situation.conflicts.index(conflict)
    return apply_steps(situation, resolution(situation, [(index, choice)]))


def resolve_all(situation: Situation, choice: Choice) -> Situation:
    """A copy of situation with every conflict resolved the same way (sitrep merge --resolve)."""
    choices = [(index, choice) for index in range(len(situation.conflicts))]
    return apply_steps(situation, resolution(situation, choices))


def apply_steps(situation: Situation, steps: Sequence[Step]) -> Situation:
    """A copy of situation with the steps applied."""
    lists: dict[str, list[Any]] = {name: list(getattr(situation, name)) for name in SECTIONS}
    header = situation.header
    for step in steps:
        if step.section == "header":
            assert isinstance(step.after, type(header))
            header = step.after
            continue
        entries = lists[step.section]
        if step.before is None:
            entries.insert(step.index, step.after)
        elif step.after is None:
            del entries[step.index]
        else:
            entries[step.index] = step.after
    return situation.model_copy(update={"header": header, **lists})


def resolution(situation: Situation, choices: Sequence[tuple[int, Choice]]) -> list[Step]:
    """The steps that apply choices (conflict index, choice) and remove those conflicts."""
    work = _Work(situation)
    resolved = sorted({index for index, _ in choices})
    targets: dict[tuple[str | int, ...], list[tuple[Conflict, JsonValue]]] = {}
    for index, choice in choices:
        conflict = situation.conflicts[index]
        targets.setdefault(_target(conflict), []).append((conflict, chosen(conflict, choice)))
    for target, picked in targets.items():
        work.apply(target, picked)
    after = apply_steps(situation, work.steps)
    problems = cross_entry_problems(after)
    if problems:
        raise EditRejected(f"{dotted(problems[0].path)}: {problems[0].message}")
    for index, conflict in enumerate(situation.conflicts):
        follows = moved(conflict, work.shifts)
        if index not in resolved and follows is not conflict:
            work.steps.append(Step("conflicts", index, conflict, follows))
    for index in reversed(resolved):
        work.steps.append(Step("conflicts", index, situation.conflicts[index], None))
    return work.steps


def _target(conflict: Conflict) -> tuple[str | int, ...]:
    """What a conflict changes as one: the header, or one entry (by key or index)."""
    path = conflict.path
    return ("header",) if path[0] == "header" else (path[0], path[1])


class _Work:
    """Steps being made on a scratch copy of the situation's lists."""

    def __init__(self, situation: Situation) -> None:
        self.situation = situation
        self.lists: dict[str, list[Any]] = {
            name: list(getattr(situation, name)) for name in SECTIONS
        }
        self.steps: list[Step] = []
        self.shifts: list[Shift] = []

    def apply(
        self, target: tuple[str | int, ...], picked: list[tuple[Conflict, JsonValue]]
    ) -> None:
        if target == ("header",):
            header = self.situation.header
            new: BaseModel = header
            for conflict, value in deepest_first(picked):
                new = set_at(new, tuple(conflict.path[1:]), value, conflict, self.shifts)
            self.steps.append(Step("header", 0, header, checked(new)))
            return
        section = str(target[0])
        entries = self.lists[section]
        at = file_path(self.situation, list(target))
        entry = entries[int(at[1])] if at is not None else None
        whole = [(c, v) for c, v in picked if len(c.path) == 2]
        if whole:  # the entry itself: deleted on one side, edited on the other
            conflict, value = whole[-1]
            self._whole(section, target, entry, conflict, value)
            return
        if entry is None:
            raise EditRejected(f"{dotted(target)} is no longer in the file: resolve it by hand")
        new = entry
        for conflict, value in deepest_first(picked):
            new = set_at(new, tuple(conflict.path[2:]), value, conflict, self.shifts)
        self._step(section, index_of(entries, entry), entry, checked(new))

    def _whole(
        self,
        section: str,
        target: tuple[str | int, ...],
        entry: BaseModel | None,
        conflict: Conflict,
        value: JsonValue,
    ) -> None:
        entries = self.lists[section]
        if isinstance(target[1], int) and conflict.ours is None:
            entry = None  # a note we deleted: not in the file, wherever its index points
        if value is None:
            if entry is not None:
                index = index_of(entries, entry)
                self._step(section, index, entry, None)
                if isinstance(target[1], int):
                    self.shifts.append(((section,), index, -1))
            return
        new = validated(SECTION[section].model, value)
        if entry is not None:
            self._step(section, index_of(entries, entry), entry, carry(entry, new))
        elif isinstance(target[1], int):
            index = min(target[1], len(entries))
            self._step(section, index, None, new)
            self.shifts.append(((section,), index, +1))
        else:
            self._step(section, len(entries), None, new)

    def _step(
        self, section: str, index: int, before: BaseModel | None, after: BaseModel | None
    ) -> None:
        entries = self.lists[section]
        if before is None:
            entries.insert(index, after)
        elif after is None:
            del entries[index]
        else:
            entries[index] = after
        self.steps.append(Step(section, index, before, after))
