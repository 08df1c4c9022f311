"""The base of the forms' field widgets: a label on the left, a control, a hint and an error.

The concrete fields are in forms_inputs (text, dates, choices...) and forms_refs
(party and source pickers, figures).

Every field reads its control into a value for pydantic (``read()``), or MISSING
when empty (so the model's default or 'required' applies), or Invalid when the
text cannot be read at all (a date such as 2021-02-30).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.widget import MountError, Widget
from textual.widgets import Label, Static

from sitrep.app.forms.spec import FieldSpec
from sitrep.app.safe import safe

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_KEEP_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\u23ce"  # ⏎
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str, *, keep_lines: bool = False) -> str:
    """Text for an Input or TextArea, with control characters shown as pictures.

    Inputs hold raw text, so escape sequences from the file would reach the
    terminal; each control character becomes one visible character (the cursor
    positions stay right). Fields whose text is unchanged keep the stored value.
    """
    pattern = _CONTROL_KEEP_LINES if keep_lines else _CONTROL
    return pattern.sub(_picture, text)


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""What an empty field reads as when the model should apply its default (or say 'required')."""


@dataclass(frozen=True)
class Invalid:
    """A field whose text cannot be read as its type; message says why."""

    message: str


class FormField(Widget):
    """One row of a form. Subclasses supply the control and how to read it."""

    DEFAULT_CSS = """
    FormField {
        layout: horizontal;
        height: auto;
        & > .field-label {
            width: 16;
            padding: 0 1 0 0;
            color: $text-muted;
            text-align: right;
        }
        &:focus-within > .field-label { color: $accent; text-style: bold; }
        & > .field-body { width: 1fr; height: auto; }
        & .field-hint { color: $text-muted; height: auto; }
        & .field-error { color: $text-error; height: auto; }
        /* A property sheet: values read as text; the focused field is lit. */
        & Input, & TextArea, & SelectCurrent, & SelectionList { background: transparent; }
        & Input:focus, & TextArea:focus, & Select:focus > SelectCurrent,
        & SelectionList:focus { background: $boost; }
        & .-field-invalid, & .-field-invalid > SelectCurrent { background: $error 15%; }
        & .-field-invalid:focus, & .-field-invalid:focus > SelectCurrent {
            background: $error 25%;
        }
        & TextArea { height: 4; padding: 0; }
        & .picker-row { height: auto; }
        & .picker-row > Select { width: 1fr; }
        & .picker-row > Button { margin-left: 1; }
    }
    """

    class Edited(Message):
        """The user changed this field's value."""

        def __init__(self, field: FormField) -> None:
            super().__init__()
            self.field = field

    def __init__(self, spec: FieldSpec, value: object) -> None:
        super().__init__(id=f"field-{spec.name}", classes=f"field-{spec.kind}")
        self.spec = spec
        self.initial = value
        self.touched = False
        """True once the user made the value differ from the initial one."""
        self._initial_reading: object = MISSING
        self._shown: tuple[object, object] = (MISSING, MISSING)
        """The hint and error on screen, so unchanged ones cause no new layout."""
        if spec.description:
            self.tooltip = safe(spec.description)

    def compose(self) -> ComposeResult:
        """Label, then the control; its hint and error lines are made when first shown
        (fewer widgets: a form opens faster)."""
        label = self.spec.label + ("*" if self.spec.required else "")
        yield Label(Content(label), classes="field-label")
        with Vertical(classes="field-body"):
            yield from self.compose_control()

    def on_mount(self) -> None:
        """Remember what the field held when the form opened."""
        if not self.built:
            return
        self._initial_reading = self.read()
        self.refresh_hint()

    @property
    def built(self) -> bool:
        """Whether the control was mounted.

        Textual sends Mount even to a widget whose children were never mounted
        because the app quit (a signal, the end of a test) or the form closed while
        the form was still being built; such a field is never read.
        """
        try:
            _ = self.control
            self.query_one(".field-body")
        except NoMatches:
            return False
        return True

    def relabel(self, label: str, *, required: bool) -> None:
        """Another label (a field whose meaning follows another field's choice)."""
        self.query_one(".field-label", Label).update(Content(label + ("*" if required else "")))

    def compose_control(self) -> ComposeResult:
        """The input widget(s) of this field."""
        raise NotImplementedError

    def reset(self, value: object) -> None:
        """Hold another value, as if the form had just opened with it (for a reused form).

        The control is set without telling the form (no Edited), the field is
        untouched again and its hint and error are brought up to date.
        """
        self.initial = value
        self.reset_control(value)
        self.touched = False
        self._initial_reading = self.read()
        self.refresh_hint()
        self.show_error(None)

    def reset_control(self, value: object) -> None:
        """Put value in the control without any change message (fields of reused forms)."""
        raise NotImplementedError

    def read(self) -> object:
        """The value for the model, MISSING when empty, or Invalid."""
        raise NotImplementedError

    def hint(self) -> Content | None:
        """A muted reading shown under the control (e.g. the date's weekday)."""
        return None

    @property
    def control(self) -> Widget:
        """The main focusable control of the field."""
        return self.query_one(".field-control")

    def focus_control(self) -> None:
        """Move the keyboard focus to this field."""
        self.control.focus()
        self.screen.call_after_refresh(self.scroll_visible)

    @property
    def changed(self) -> bool:
        """The field holds something else than when the form opened (or was loaded)."""
        return self.built and self.read() != self._initial_reading

    def edited(self) -> None:
        """Call when the control changed: updates the hint and tells the form."""
        if self.read() != self._initial_reading:
            self.touched = True
        self.refresh_hint()
        self.post_message(self.Edited(self))

    def refresh_hint(self) -> None:
        """Show or hide the hint line."""
        hint = self.hint()
        if hint == self._shown[0]:
            return
        self._shown = (hint, self._shown[1])
        self._note_line("field-hint", hint)

    def show_error(self, message: str | None) -> None:
        """Show an error under the control (None hides it)."""
        # Input manages its own -invalid class (its validators), so ours differs.
        self.control.set_class(bool(message), "-field-invalid")
        if message == self._shown[1]:
            return
        self._shown = (self._shown[0], message)
        self._note_line("field-error", safe(message) if message else None)

    def _note_line(self, name: str, content: Content | None) -> None:
        """Show content in the hint or error line under the control (made when first needed),
        or hide the line."""
        lines = self.query(f".{name}").results(Static)
        widget = next(lines, None)
        if widget is None:
            if content is None:
                return
            widget = Static(content, classes=name, markup=False)
            body = self.query_one(".field-body")
            errors = body.query(".field-error")
            try:
                if name == "field-hint" and errors:
                    body.mount(widget, before=errors.first())
                else:
                    body.mount(widget)
            except MountError:  # the form is closing (or the app quitting) while built
                self._shown = (MISSING, MISSING)
            return
        widget.update(content or "")
        widget.display = content is not None


def empty_value(spec: FieldSpec) -> object:
    """What an empty field reads as: None when the model allows it, else MISSING."""
    return None if spec.optional else MISSING
