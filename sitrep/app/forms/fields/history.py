"""A field for a list of dated items: a place's changes of control, a figure's values.

One line per item, newest first (the one a user corrects most). a adds an item,
e or Enter edits the highlighted one, d deletes it; each opens the item's own form
(the entry form does that when it hears ItemRequested). The list is kept in date
order, the undated first, as the file's rules want.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from sitrep.app.forms.fields.field import FormField
from sitrep.app.forms.spec import FieldSpec

Describe = Callable[[Any], Content]
"""One item as a line of the list."""


def date_key(item: BaseModel) -> dt.date:
    """Where an item goes in its history: by its date or as-of date, the undated first."""
    day = getattr(item, "date", None)
    if day is None and hasattr(item, "as_of"):
        day = item.as_of.first
    return day if isinstance(day, dt.date) else dt.date.min


class HistoryField(FormField):
    """Items in date order, shown newest first; a, e and d add, edit and delete."""

    DEFAULT_CSS = """
    HistoryField OptionList { height: auto; max-height: 7; }
    HistoryField .history-buttons { height: auto; }
    HistoryField .history-buttons Button { margin-right: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,insert", "add", "Add a change or a value", id="form.history_add"),
        Binding("e", "edit", "Edit the highlighted one", id="form.history_edit"),
        Binding("d,delete", "delete", "Delete the highlighted one", id="form.history_delete"),
    ]

    class ItemRequested(Message):
        """Open the form of an item: index None adds one."""

        def __init__(self, field: HistoryField, index: int | None) -> None:
            super().__init__()
            self.field = field
            self.index = index

    def __init__(
        self, spec: FieldSpec, value: object, item_model: type[BaseModel], describe: Describe
    ) -> None:
        super().__init__(spec, value)
        self.item_model = item_model
        self.describe = describe
        self.items: list[BaseModel] = list(value) if isinstance(value, list) else []
        self.noun = "change" if spec.name == "control" else "value"

    def compose_control(self) -> ComposeResult:
        """The items, and buttons for the mouse."""
        yield OptionList(*self._options(), compact=True, classes="field-control")
        with Horizontal(classes="history-buttons"):
            for label, name in (
                (f"Add a {self.noun}… (a)", "history-add"),
                ("Edit… (e)", "history-edit"),
                ("Delete (d)", "history-delete"),
            ):
                button = Button(label, compact=True, classes=name)
                button.can_focus = False  # for the mouse: the keys are a, e and d
                yield button

    def _options(self) -> list[Option]:
        if not self.items:
            hint = Content.styled(f"no {self.noun}s yet: press a to add one", "$text-muted italic")
            return [Option(hint, disabled=True)]
        return [Option(self.describe(item)) for item in reversed(self.items)]

    def _refill(self, highlight: int | None = None) -> None:
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(self._options())
        if self.items:
            index = len(self.items) - 1 if highlight is None else highlight
            option_list.highlighted = len(self.items) - 1 - index

    def reset_control(self, value: object) -> None:
        """Hold these items (a reused form)."""
        self.items = list(value) if isinstance(value, list) else []
        self._refill()

    def read(self) -> object:
        """The items, oldest first."""
        return list(self.items)

    @property
    def highlighted(self) -> int | None:
        """The index (oldest first) of the highlighted item, if any."""
        position = self.query_one(OptionList).highlighted
        if position is None or not self.items:
            return None
        return len(self.items) - 1 - position

    # -- changes -------------------------------------------------------------------
    def put(self, index: int | None, item: BaseModel) -> None:
        """Add an item (index None) or replace one; the list goes back into date order."""
        if index is None:
            self.items.append(item)
        else:
            self.items[index] = item
        self.items = sorted(self.items, key=date_key)  # stable: same dates keep their order
        self._refill(next(i for i, it in enumerate(self.items) if it is item))
        self.edited()
        self.focus_control()

    def delete(self, index: int) -> None:
        """Remove one item."""
        del self.items[index]
        self._refill(min(index, len(self.items) - 1) if self.items else None)
        self.edited()

    def action_add(self) -> None:
        """Ask the form for a new item."""
        self.post_message(self.ItemRequested(self, None))

    def action_edit(self) -> None:
        """Ask the form to edit the highlighted item."""
        index = self.highlighted
        if index is not None:
            self.post_message(self.ItemRequested(self, index))

    def action_delete(self) -> None:
        """Delete the highlighted item."""
        index = self.highlighted
        if index is not None:
            self.delete(index)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    @on(Button.Pressed, ".history-add")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_add()

    @on(Button.Pressed, ".history-edit")
    def _edit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_edit()

    @on(Button.Pressed, ".history-delete")
    def _delete_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_delete()


def sorted_items(items: Sequence[BaseModel]) -> list[BaseModel]:
    """Items in history order (for a form that adds one outside this field)."""
    return sorted(items, key=date_key)
