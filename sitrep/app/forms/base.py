"""The common modal form: fields generated from a model, live validation, save and cancel.

Every change re-reads all fields and validates the whole model with pydantic
(plus the document's rules, supplied by subclasses), so an error shows next to
its field as the user types. Errors of fields the user has not touched yet stay
hidden until a save is attempted, so a new form does not open all red.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from sitrep.app.forms.errors import map_validation_error
from sitrep.app.forms.fields.field import MISSING, FormField, Invalid
from sitrep.app.safe import safe
from sitrep.model.entries import Entry, Party, Source

ResultT = TypeVar("ResultT")
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class FormResult:
    """What an entry form returns: the entry and what was created inline for it."""

    entry: Entry
    """A fully validated entry: a place, an evacuation, a figure, a note, a source..."""
    new_sources: list[Source] = field(default_factory=list)
    """Sources created inline in this form; add them before the entry, in one undo step."""
    new_parties: list[Party] = field(default_factory=list)
    """Parties created inline (a new holder); add them before the entry too."""


class FormScreen(ModalScreen[ResultT], Generic[ResultT, ModelT]):
    """A centered modal form for one pydantic model; subclasses say what saving returns."""

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        & > #form-dialog {
            width: 100;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            border-title-align: center;
            border-title-style: bold;
            background: $surface;
            padding: 0 1;
        }
        & #form-fields { height: auto; padding: 1 1 1 0; }
        & #form-footer { height: auto; }
        & #form-status { width: 1fr; height: auto; color: $text-muted; padding: 0 1; }
        & #form-status.-invalid { color: $text-error; }
        & #form-footer Button { margin-left: 2; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    HELP = "ctrl+s save · esc cancel"
    """The status line while the form is valid."""

    def __init__(
        self,
        model: type[ModelT],
        title: Content,
        fields: list[FormField],
        *,
        reveal_errors: bool = False,
    ) -> None:
        super().__init__()
        self.model = model
        self.form_title = title
        self.fields = {f.spec.name: f for f in fields}
        self.revealed = reveal_errors
        """Show every error, touched or not (after a save attempt, or when editing)."""
        self.errors: dict[str, str] = {}
        self.general_errors: list[str] = []
        self._status_shown: str | None = None

    def compose(self) -> ComposeResult:
        """Title in the border, the fields in a scrolling column, status and buttons."""
        with Vertical(id="form-dialog") as dialog:
            dialog.border_title = self.form_title
            with VerticalScroll(id="form-fields"):
                yield from self.fields.values()
            with Horizontal(id="form-footer"):
                yield Static(id="form-status", markup=False)
                yield Button("Save", variant="primary", compact=True, id="form-save")
                yield Button("Cancel", compact=True, id="form-cancel")

    def on_mount(self) -> None:
        """Focus the first field and show the initial state."""
        if not self.built:
            return
        self.first_field().focus_control()
        self.validate()

    @property
    def built(self) -> bool:
        """False when the form closed, or the app quit, before every field was mounted."""
        return bool(self.query("#form-status")) and all(f.built for f in self.fields.values())

    def first_field(self) -> FormField:
        """The field focused when the form opens: the first one the user must fill.

        That is the first required field still empty (a new note's text, not its
        date, which starts at the as-of date); else simply the first field.
        """
        fields = list(self.fields.values())
        return next((f for f in fields if f.spec.required and f.read() is MISSING), fields[0])

    def on_resize(self) -> None:
        """Let the fields scroll when the form is taller than the screen."""
        chrome = 4  # the dialog's border, the status line and the buttons
        if not self.built:
            return
        self.query_one("#form-fields").styles.max_height = max(3, self.size.height - chrome)

    # -- validation ------------------------------------------------------------
    def read_fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The data for the model, and the fields whose text cannot be read."""
        data: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, form_field in self.fields.items():
            value = form_field.read()
            if isinstance(value, Invalid):
                errors[name] = value.message
            elif value is not MISSING:
                data[name] = value
        return data, errors

    def check(self, value: ModelT) -> tuple[dict[str, str], list[str]]:
        """Rules beyond the model (unique ids...): per-field and general messages."""
        return {}, []

    def warnings(self) -> list[str]:
        """Things to know before saving that do not stop it (a duplicate name...)."""
        return []

    def validate(self, *, reveal: bool = False) -> ModelT | None:
        """Validate everything, show the errors; the model instance when valid.

        The document's rules (check) run even while some field is bad, on the
        entry with the bad fields back at their initial values, so a duplicate id
        shows at once and not only after the date is fixed.
        """
        self.revealed = self.revealed or reveal
        data, errors = self.read_fields()
        general: list[str] = []
        value: ModelT | None = None
        try:
            value = self.model.model_validate(data)
        except ValidationError as exc:
            model_errors, general = map_validation_error(exc, self.fields.keys())
            errors = {**model_errors, **errors}
        candidate = value
        if errors:
            candidate, cross_errors, cross_general = self._with_initial_values(data, errors)
            errors = {**cross_errors, **errors}
            general = general or cross_general
        if candidate is not None:
            rule_errors, rule_general = self.check(candidate)
            errors = {**rule_errors, **errors}
            general = [*general, *rule_general]
        self.errors, self.general_errors = errors, general
        self._show_errors()
        return value if not errors and not general else None

    def _with_initial_values(
        self, data: dict[str, Any], errors: dict[str, str]
    ) -> tuple[ModelT | None, dict[str, str], list[str]]:
        """Validate again with the bad fields back at their initial values.

        pydantic checks rules across fields (period start before end) only when
        every field is valid; this finds them, and an entry for the document's
        rules, while the user is still fixing a field.
        """
        patched = {k: v for k, v in data.items() if k not in errors}
        for name in errors:
            if self.fields[name].initial is not None:
                patched[name] = self.fields[name].initial
        try:
            return self.model.model_validate(patched), {}, []
        except ValidationError as exc:
            return None, *map_validation_error(exc, self.fields.keys(), rules_only=True)

    def _show_errors(self) -> None:
        shown_any = bool(self.general_errors)
        for name, form_field in self.fields.items():
            shown = self.revealed or form_field.touched
            form_field.show_error(self.errors.get(name) if shown else None)
            shown_any = shown_any or (shown and name in self.errors)
        status = self.query_one("#form-status", Static)
        problems = [self.fields[n].spec.label for n in self.fields if n in self.errors]
        if shown_any:
            parts = [*self.general_errors]
            if problems:
                parts.append("to fix: " + ", ".join(problems))
            text = safe("✗ " + "; ".join(parts))
        elif problems:  # a new form: nothing wrong yet, just not filled in
            text = Content("to fill in: " + ", ".join(problems))
        else:
            notes = self.warnings()
            text = safe("⚠ " + "; ".join([*notes, self.HELP])) if notes else Content(self.HELP)
        if text.plain != self._status_shown:  # an unchanged status costs no new layout
            self._status_shown = text.plain
            status.update(text)
        status.set_class(shown_any, "-invalid")

    # -- saving ----------------------------------------------------------------
    def make_result(self, value: ModelT) -> ResultT:
        """What the screen returns for a valid model instance."""
        raise NotImplementedError

    def action_save(self) -> None:
        """Save when valid; else reveal every error and focus the first bad field."""
        value = self.validate(reveal=True)
        if value is None:
            bad = [f for n, f in self.fields.items() if n in self.errors]
            if bad:
                bad[0].focus_control()
            self.app.bell()
            return
        self.dismiss(self.make_result(value))

    def action_cancel(self) -> None:
        """Leave without changing anything; first ask, when that throws away what was typed."""
        if not any(f.changed for f in self.fields.values()):
            self.dismiss(None)
            return
        from sitrep.app.dialogs.confirm import ConfirmScreen

        question = ConfirmScreen(
            "Throw away what you changed in this form?", "Discard", "Keep editing"
        )
        self.app.push_screen(question, self._cancel_answered)

    def _cancel_answered(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)

    @on(FormField.Edited)
    def _edited(self, event: FormField.Edited) -> None:
        self.validate()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
