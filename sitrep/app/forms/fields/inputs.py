"""The simple field widgets: text, numbers, dates, lists, long text, yes/no, choices.

Each reads its control into a value for pydantic; text left as the form opened
it reads as the stored value, so an untouched field never rewrites the file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Checkbox, Input, Select, TextArea
from textual.widgets._select import SelectType

from sitrep.app.forms.fields.field import FormField, Invalid, empty_value, visible
from sitrep.app.forms.fields.oneline import OneLineInput
from sitrep.app.safe import safe


class TextField(FormField):
    """A one-line text input; subclasses parse the text into other types."""

    joiner: ClassVar[str] = " "
    """What joins the lines of a multi-line paste."""

    placeholder: ClassVar[str] = ""
    initial_text = ""
    """The text the Input opened with."""

    def compose_control(self) -> ComposeResult:
        """A compact Input holding the value's text."""
        hints = [h for h in (self.placeholder, self.spec.description) if h]
        self.initial_text = visible(self.to_text(self.initial))
        yield OneLineInput(
            self.initial_text,
            placeholder=" · ".join(hints),
            compact=True,
            classes="field-control",
            select_on_focus=False,
            joiner=self.joiner,
        )

    def to_text(self, value: object) -> str:
        """The text shown for a stored value."""
        return "" if value is None else str(value)

    @property
    def text(self) -> str:
        """The text as typed, without surrounding spaces."""
        return self.query_one(Input).value.strip()

    @property
    def unchanged(self) -> bool:
        """True while the text is what the form opened with (and not empty)."""
        return bool(self.initial_text) and self.query_one(Input).value == self.initial_text

    def read(self) -> object:
        """Empty text is MISSING (or None for optional fields); else parse()."""
        if self.unchanged:
            return self.initial
        return self.parse(self.text) if self.text else empty_value(self.spec)

    def parse(self, text: str) -> object:
        """The value of non-empty text."""
        return text

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.edited()


class IntField(TextField):
    """A whole number."""

    def parse(self, text: str) -> object:
        """Digits (with optional thousands separators) as an int."""
        if not re.fullmatch(r"\d[\d,]*", text):
            return Invalid("a whole number, e.g. 12")
        return int(text.replace(",", ""))


class FloatField(TextField):
    """A decimal number such as a latitude."""

    placeholder = "e.g. 31.61"

    def to_text(self, value: object) -> str:
        """Floats as Python writes them (31.61, not 31.610000)."""
        return "" if value is None else repr(value)

    def parse(self, text: str) -> object:
        """A decimal number."""
        try:
            return float(text)
        except ValueError:
            return Invalid("a number, e.g. 31.61 or -4.5")


class DateField(TextField):
    """A date as people type it ("12 Aug", "12/08/2021", "today", "-2d"); the ISO date read
    and its weekday show as a hint, so what was understood is seen before saving."""

    placeholder = "YYYY-MM-DD, 12 Aug, today, -2d"

    def to_text(self, value: object) -> str:
        """ISO format."""
        return value.isoformat() if isinstance(value, dt.date) else ""

    def parse(self, text: str) -> object:
        """Any form read_date knows; the year of the date it started with when none is typed."""
        from sitrep.model.typed_dates import DateNotRead, DateOrder, read_date

        reference = self.initial if isinstance(self.initial, dt.date) else None
        settings = getattr(self.app, "settings", None)
        order: DateOrder = "mdy" if getattr(settings, "date_order", "dmy") == "mdy" else "dmy"
        try:
            return read_date(text, today=dt.date.today(), reference=reference, order=order)
        except DateNotRead as exc:
            return Invalid(str(exc))

    def hint(self) -> Content | None:
        """'2021-08-12 · Thursday 12 August 2021' for a valid date."""
        value = self.read()
        if isinstance(value, dt.date):
            return Content(f"{value.isoformat()} · {value:%A} {value.day} {value:%B %Y}")
        return None


class ListField(TextField):
    """A list of short strings typed as comma-separated text (aliases, tags)."""

    placeholder = "comma-separated"
    joiner = ", "

    def to_text(self, value: object) -> str:
        """Items joined with ', '."""
        return ", ".join(str(v) for v in value) if isinstance(value, list) else ""

    def read(self) -> object:
        """The non-empty items, stripped (untouched items keep their commas)."""
        if self.unchanged:
            return self.initial
        return [item.strip() for item in self.text.split(",") if item.strip()]


class LongTextField(FormField):
    """Several lines of text (a note, a statement, an official wording)."""

    initial_text = ""
    """The text the TextArea opened with."""

    def compose_control(self) -> ComposeResult:
        """A compact, soft-wrapping TextArea."""
        self.initial_text = visible(self.to_text(self.initial), keep_lines=True)
        yield TextArea(
            self.initial_text,
            placeholder=self.spec.description or "",
            compact=True,
            soft_wrap=True,
            highlight_cursor_line=False,
            classes="field-control",
        )

    def to_text(self, value: object) -> str:
        """The stored text."""
        return "" if value is None else str(value)

    @property
    def text(self) -> str:
        """The text without surrounding blank space."""
        return self.query_one(TextArea).text.strip()

    @property
    def unchanged(self) -> bool:
        """True while the text is what the form opened with (and not empty)."""
        return bool(self.initial_text) and self.query_one(TextArea).text == self.initial_text

    def read(self) -> object:
        """The text, or MISSING/None when blank."""
        if self.unchanged:
            return self.initial
        return self.text or empty_value(self.spec)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.edited()


class LinesField(LongTextField):
    """A list of sentences, one a line (the header's highlights)."""

    def to_text(self, value: object) -> str:
        """One item a line."""
        return "\n".join(str(v) for v in value) if isinstance(value, list) else ""

    def read(self) -> object:
        """The non-blank lines."""
        if self.unchanged:
            return self.initial
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    def hint(self) -> Content | None:
        """How the lines are read."""
        return Content("one per line")


class BoolField(FormField):
    """Yes or no, as a checkbox."""

    def compose_control(self) -> ComposeResult:
        """A compact Checkbox labelled with the field's description."""
        label = safe(self.spec.description or "yes")
        yield Checkbox(label, bool(self.initial), compact=True, classes="field-control")

    def read(self) -> object:
        """True or False."""
        return self.query_one(Checkbox).value

    @on(Checkbox.Changed)
    def _changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.edited()


class FieldSelect(Select[SelectType]):
    """A Select that tolerates the app quitting (or the form closing) while it is built.

    Textual's Select fills its option overlay and its current-value label on Mount
    without checking they were mounted, which they are not when the app quit
    meanwhile (see Textual issue #6581 for the same kind of crash).
    """

    def _on_mount(self, event: events.Mount) -> None:
        if not (self.query("SelectOverlay") and self.query("SelectCurrent #label")):
            event.prevent_default()  # never built: skip Select's own set-up


class ChoiceField(FormField):
    """One of a few values (a Literal), shown in words."""

    def compose_control(self) -> ComposeResult:
        """A compact Select; optional choices have a blank entry in words."""
        options = [(safe(words), value) for value, words in self.spec.choices]
        blank = self.spec.optional
        initial = self.initial if self.initial is not None else Select.NULL
        if not blank and initial is Select.NULL:
            initial = self.spec.choices[0][0]
        yield FieldSelect(
            options,
            value=initial,
            allow_blank=blank,
            prompt=self.spec.blank or "choose",
            compact=True,
            classes="field-control",
        )

    def read(self) -> object:
        """The chosen value, None when blank."""
        value = self.query_one(Select).value
        return None if value is Select.NULL else value

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        self.edited()
