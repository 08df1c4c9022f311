"""The form of one item of a history: a change of control, or a value of a figure.

Opened from an entry form's history field (a, e). It returns the validated item;
sources and parties made inline in it (ctrl+n) are handed to the entry form that
opened it, which adds them with the entry in one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from textual import on
from textual.content import Content

from sitrep.app.forms.base import FormScreen
from sitrep.app.forms.control_state import drop_unused, show_for_state
from sitrep.app.forms.fields.field import FormField
from sitrep.app.forms.fields.make import make_field
from sitrep.app.forms.fields.refs import CreateRequested
from sitrep.app.forms.spec import DATE_DEFAULTS, form_values, specs_for
from sitrep.model.entries import ControlChange
from sitrep.model.situation import Situation

Creator = Callable[[CreateRequested], None]
"""Opens the form for a new source or party a picker asked for (the entry form's)."""


class ItemFormScreen(FormScreen[BaseModel | None, BaseModel]):
    """Add (item None) or edit one item of a place's control or a figure's series."""

    def __init__(
        self,
        model: type[BaseModel],
        history: str,
        situation: Situation,
        item: BaseModel | None,
        *,
        title: Content,
        create: Creator,
        first: bool = False,
    ) -> None:
        self.history = history
        self.create = create
        self.first = first
        """The item is (or will be) the first of its history: a change may then be undated."""
        specs = specs_for(model, history)
        dates = DATE_DEFAULTS.get(history, ())
        values = form_values(specs, item, dates, situation.header.as_of)
        fields = [make_field(spec, values[spec.name], situation) for spec in specs]
        super().__init__(model, title, fields, reveal_errors=item is not None)

    def on_mount(self) -> None:
        """Show the fields the state of control needs (FormScreen's on_mount runs next)."""
        if self.built and "state" in self.fields:
            show_for_state(self.fields, self.fields["state"].read())

    def read_fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """What the state of control does not use is left out."""
        data, errors = super().read_fields()
        if self.model is ControlChange:
            drop_unused(data, errors)
        return data, errors

    def check(self, value: BaseModel) -> tuple[dict[str, str], list[str]]:
        """Only the first change of control may leave out its date."""
        if isinstance(value, ControlChange) and value.date is None and not self.first:
            return {"date": "only the first change may leave out its date"}, []
        return {}, []

    def make_result(self, value: BaseModel) -> BaseModel | None:
        """The validated item."""
        return value

    @on(FormField.Edited)
    def _state_chosen(self, event: FormField.Edited) -> None:
        if event.field.spec.name == "state":
            show_for_state(self.fields, event.field.read())

    @on(CreateRequested)
    def _create(self, event: CreateRequested) -> None:
        event.stop()
        self.create(event)
