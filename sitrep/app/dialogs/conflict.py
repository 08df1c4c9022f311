"""One merge conflict at a time: where it is, what base, ours and theirs say, and who said it.

The conflicts flow (sitrep.app.flows.conflicts) shows one of these per conflict
and acts on the answer: a side to keep (ours, theirs, base), an edit starting
from a side, the next or previous conflict, or later (Escape).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

from pydantic import JsonValue
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sitrep.app.describe import entry_label, section_noun
from sitrep.app.dialogs.wide import wide_dialog
from sitrep.app.safe import clean
from sitrep.model.conflicts import Conflict, dotted
from sitrep.model.merging.resolve import Side
from sitrep.model.merging.unresolved import file_path
from sitrep.model.situation import Situation
from sitrep.model.versions.values import one_line

SIDES: tuple[Side, ...] = ("base", "ours", "theirs")
Answer = Literal["ours", "theirs", "base", "edit_ours", "edit_theirs", "next", "previous", "later"]
"""What the user chose in the dialog."""
WIDTH = 96
"""Cells the dialog takes at most (a value and who gave it on one line where they fit)."""
VALUE_CHARS = 400
"""Characters of a side's value shown (a whole entry can be long); the rest is cut with '…'."""


@dataclass(frozen=True)
class SideView:
    """One version of the value: which, the value as YAML on one line, and who it comes from."""

    name: Side
    label: str
    value: str
    by: str


@dataclass(frozen=True)
class ConflictView:
    """What the dialog shows of one conflict (the flow makes it from the situation)."""

    number: int
    count: int
    where: str
    reason: str | None
    sides: tuple[SideView, ...]
    when: str | None


def value_text(value: JsonValue) -> str:
    """A side's value on one line ('absent' when that version did not have it)."""
    text = "absent" if value is None else one_line(value)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def where_text(situation: Situation, conflict: Conflict) -> str:
    """The entry and the field, as a person says them: 'place North City (north): name'."""
    path = conflict.path
    if path[0] == "header":
        return f"header: {dotted(path[1:])}"
    at = file_path(situation, path[:2])
    if at is None:
        label = f"{section_noun(str(path[0]))} {path[1]}, not in the file now"
    else:
        entry = getattr(situation, str(at[0]))[int(at[1])]
        label = f"{section_noun(str(path[0]))} {entry_label(entry)}"
        if isinstance(path[1], str) and entry_label(entry).casefold() != path[1].casefold():
            label += f", id {path[1]}"
    rest = dotted(path[2:]) if len(path) > 2 else "the whole entry"
    return f"{label}: {rest}"


def conflict_view(situation: Situation, index: int) -> ConflictView:
    """The dialog's view of conflict number index of the situation."""
    conflict = situation.conflicts[index]
    sides = (
        SideView("base", "Base", value_text(conflict.base), "the version both started from"),
        SideView("ours", "Ours", value_text(conflict.ours), conflict.ours_by or "this side"),
        SideView("theirs", "Theirs", value_text(conflict.theirs), conflict.theirs_by or "unknown"),
    )
    return ConflictView(
        index + 1,
        len(situation.conflicts),
        where_text(situation, conflict),
        conflict.reason,
        sides,
        merged_at(conflict.when),
    )


def merged_at(when: str | None) -> str | None:
    """When the merge was made, as people read it ('14 Aug 2021 06:10 UTC'); else as written."""
    if when is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(when)
    except ValueError:
        return when
    offset = moment.utcoffset()
    zone = "" if offset is None else " UTC" if not offset else f" {moment:%z}"
    return f"{moment:%d %b %Y %H:%M}{zone}"


class Walk(Protocol):
    """What the dialog works on: the conflicts left, and what each answer does."""

    @property
    def count(self) -> int:
        """How many conflicts are left."""
        ...

    def view(self, index: int) -> ConflictView:
        """What to show of conflict number index (0-based)."""
        ...

    def resolve(self, index: int, side: Side) -> None:
        """Keep one side's value (one undo step; a refusal is told, nothing changes)."""
        ...

    def edit(self, index: int, side: Side, then: Callable[[], None]) -> None:
        """Open the entry's form as that side has it; then() once it is closed."""
        ...


class ConflictScreen(ModalScreen[None]):
    """The merge conflicts, one at a time: keep ours, theirs or base, edit, move on, or later.

    One dialog for the whole walk: it shows the next conflict in place after each
    answer, so keys typed in a burst all reach it (none falls to the screen below
    between two conflicts). It closes when none is left, or on Escape.
    """

    DEFAULT_CSS = """
    ConflictScreen #conflict-sides { height: auto; max-height: 12; }
    ConflictScreen .conflict-by { color: $text-muted; }
    ConflictScreen #conflict-reason { color: $text-warning; height: auto; }
    ConflictScreen .conflict-buttons { height: auto; margin-top: 1; }
    ConflictScreen .conflict-buttons Button { min-width: 0; width: auto; margin-right: 1; }
    """

    AUTO_FOCUS = "#answer-next"
    """Enter moves on and loses nothing."""

    BINDINGS: ClassVar = [
        Binding("o", "choose('ours')", "Keep ours", id="conflict.ours"),
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict.theirs"),
        Binding("b", "choose('base')", "Keep base", id="conflict.base"),
        Binding("e", "choose('edit_ours')", "Edit from ours", id="conflict.edit"),
        Binding("E", "choose('edit_theirs')", "Edit from theirs", id="conflict.edit_theirs"),
        Binding("n,right", "choose('next')", "Next conflict", id="conflict.next"),
        Binding("p,left", "choose('previous')", "Previous conflict", id="conflict.previous"),
        Binding("escape", "choose('later')", "Later", id="conflict.later"),
    ]

    def __init__(self, walk: Walk, index: int = 0) -> None:
        super().__init__(classes="dialog-screen")
        self.walk = walk
        self.index = index

    def compose(self) -> ComposeResult:
        """Count, where, why; base, ours and theirs with who; the choices."""
        with wide_dialog(WIDTH):
            yield Static(id="conflict-title", classes="dialog-title")
            yield Static(id="conflict-where")
            yield Static(id="conflict-reason")
            with VerticalScroll(id="conflict-sides"):
                for name in SIDES:
                    yield Static(id=f"conflict-{name}")
                    yield Static(id=f"conflict-{name}-by", classes="conflict-by")
            yield Static(id="conflict-hint", classes="dialog-hint conflict-by")
            with Horizontal(classes="conflict-buttons"):
                yield Button("Ours  o", id="answer-ours", variant="primary", compact=True)
                yield Button("Theirs  t", id="answer-theirs", variant="primary", compact=True)
                yield Button("Base  b", id="answer-base", compact=True)
                yield Button("Edit  e", id="answer-edit_ours", compact=True)
                yield Button("Edit theirs  E", id="answer-edit_theirs", compact=True)
            with Horizontal(classes="conflict-buttons"):
                yield Button("‹ Previous  p", id="answer-previous", compact=True)
                yield Button("Next ›  n", id="answer-next", compact=True)
                yield Button("Later  esc", id="answer-later", compact=True)

    def on_mount(self) -> None:
        """Show the first conflict."""
        self.show()

    def show(self) -> None:
        """Fill the dialog with the conflict at self.index."""
        view = self.walk.view(self.index)
        title = f"Merge conflict {view.number} of {view.count}"
        self.query_one("#conflict-title", Static).update(Content.styled(title, "bold"))
        self.query_one("#conflict-where", Static).update(Content(clean(view.where, one_line=True)))
        reason = self.query_one("#conflict-reason", Static)
        reason.update(Content(clean(view.reason or "")))
        reason.display = bool(view.reason)
        for side in view.sides:
            line = Content.assemble((f"{side.label}: ", "bold"), clean(side.value, one_line=True))
            self.query_one(f"#conflict-{side.name}", Static).update(line)
            by = Content(clean(f"  {side.by}", one_line=True))
            self.query_one(f"#conflict-{side.name}-by", Static).update(by)
        merged = f"Merged {view.when}. " if view.when else ""
        hint = Content(clean(f"{merged}The file holds ours until you choose."))
        self.query_one("#conflict-hint", Static).update(hint)

    def action_choose(self, answer: Answer) -> None:
        """Act on an answer, then show the conflict now at this place (or close: none left)."""
        if answer == "later":
            self.dismiss(None)
            return
        count = self.walk.count
        if answer in ("next", "previous"):
            self.index = (self.index + (1 if answer == "next" else -1)) % count
            self.show()
        elif answer in ("edit_ours", "edit_theirs"):
            side: Side = "ours" if answer == "edit_ours" else "theirs"
            self.walk.edit(self.index, side, self._changed)
        else:
            self.walk.resolve(self.index, answer)  # type: ignore[arg-type]
            self._changed()

    def _changed(self) -> None:
        count = self.walk.count
        if not count:
            self.dismiss(None)
            return
        self.index = min(self.index, count - 1)
        self.show()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(str(event.button.id).removeprefix("answer-"))  # type: ignore[arg-type]
