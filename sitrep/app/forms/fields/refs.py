"""Form fields that pick other entries (a party, sources) or read a figure.

The pickers can ask the form for a new party or source made on the spot
(``CreateRequested``); the form opens a nested form and hands the result back
with ``add_party`` / ``add_source``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList
from textual.widgets.selection_list import Selection

from sitrep.app.forms.fields.field import FormField, Invalid, empty_value
from sitrep.app.forms.fields.figure_input import FigureInput
from sitrep.app.forms.fields.inputs import FieldSelect
from sitrep.app.forms.fields.source_choices import MORE_VALUE, SourceChoices
from sitrep.app.forms.spec import FieldSpec
from sitrep.app.safe import safe
from sitrep.model.entries import Party, Source
from sitrep.model.sections import Section


def party_options(parties: Sequence[Party]) -> list[tuple[Content, str]]:
    """'Taliban (taliban)': each party as a picker shows it, with its id."""
    return [(safe(f"{p.name} ({p.id})", one_line=True), p.id) for p in parties]


class CreateRequested(Message):
    """A picker asks for a new entry of section to be made in a nested form."""

    def __init__(self, field: FormField, section: Section) -> None:
        super().__init__()
        self.field = field
        self.section = section


class FigureField(FormField):
    """A figure typed as words or numbers, with its reading under it."""

    @property
    def control(self) -> Widget:
        """The FigureInput."""
        return self.query_one(FigureInput)

    @property
    def built(self) -> bool:
        """The FigureInput and the Input inside it were mounted."""
        return super().built and bool(self.control.query(Input))

    def compose_control(self) -> ComposeResult:
        """A FigureInput (which shows its own reading and parse errors)."""
        yield FigureInput(self.initial if self.initial is not None else None)  # type: ignore[arg-type]

    def read(self) -> object:
        """The Figure, MISSING/None when empty, or Invalid."""
        figure_input = self.query_one(FigureInput)
        if not figure_input.text.strip():
            return empty_value(self.spec)
        return figure_input.figure or Invalid(figure_input.error or "not a figure")

    def show_error(self, message: str | None) -> None:
        """Parse errors already show in the FigureInput's reading line."""
        super().show_error(None if message == self.query_one(FigureInput).error else message)

    @on(FigureInput.Changed)
    def _changed(self, event: FigureInput.Changed) -> None:
        event.stop()
        self.edited()


class PartyField(FormField):
    """Pick a party (a place's holder), or make a new one with ctrl+n."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "create", "New party", id="form.new_party"),
    ]

    def __init__(self, spec: FieldSpec, value: object, parties: Sequence[Party]) -> None:
        super().__init__(spec, value)
        self.parties = list(parties)

    def _options(self) -> list[tuple[Content, str]]:
        return party_options(self.parties)

    def compose_control(self) -> ComposeResult:
        """A Select of the parties and a button for a new one."""
        with Horizontal(classes="picker-row"):
            yield FieldSelect(
                self._options(),
                value=self.initial if isinstance(self.initial, str) else Select.NULL,
                prompt="choose a party",
                compact=True,
                classes="field-control",
            )
            yield Button("New…", compact=True, classes="picker-new")

    def read(self) -> object:
        """The chosen party's id, or MISSING."""
        value = self.query_one(Select).value
        return value if isinstance(value, str) else empty_value(self.spec)

    def add_party(self, party: Party) -> None:
        """Offer a party made in a nested form, and choose it."""
        self.parties.append(party)
        select: Select[str] = self.query_one(Select)
        select.set_options(self._options())
        select.value = party.id
        self.focus_control()

    def action_create(self) -> None:
        """Ask the form for a new party."""
        self.post_message(CreateRequested(self, "parties"))

    @on(Button.Pressed, ".picker-new")
    def _new(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_create()

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        self.edited()


PICKER_HINT = "type to filter · Enter: to the list · Space ticks · ctrl+n: a new source"
"""What the source picker says under it."""


class SourcesField(FormField):
    """Tick the sources an entry cites; filter them by typing; ctrl+n adds a new one."""

    DEFAULT_CSS = """
    SourcesField SelectionList { max-height: 8; background: $boost; }
    SourcesField .sources-filter { background: $boost; width: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "create", "New source", id="form.new_source"),
    ]

    def __init__(self, spec: FieldSpec, value: object, sources: Sequence[Source]) -> None:
        super().__init__(spec, value)
        self.choices = SourceChoices(sources)
        self.chosen: list[str] = [str(v) for v in value] if isinstance(value, list) else []
        self.preferred: list[str] = []
        """Sources listed right after the ticked ones (those the entry cited lately)."""
        self._shown_selections: tuple[object, ...] = ()

    def compose_control(self) -> ComposeResult:
        """A filter, the list of sources with the chosen ones first, and a button."""
        with Horizontal(classes="picker-row"):
            yield Input(
                placeholder="type to filter sources", compact=True, classes="sources-filter"
            )
            yield Button("New…", compact=True, classes="picker-new")
        yield SelectionList[str](*self._selections(""), compact=True, classes="field-control")

    def _selections(self, query: str) -> list[Selection[str]]:
        return self.choices.listed(query, self.chosen, self.preferred).selections

    def _refill(self) -> None:
        query = self.query_one(".sources-filter", Input).value
        selections = self._selections(query)
        shown = tuple((str(s.prompt), s.value, s.initial_state) for s in selections)
        selection_list: SelectionList[str] = self.query_one(SelectionList)
        if shown != self._shown_selections:  # a reused form showing the same: nothing to do
            self._shown_selections = shown
            selection_list.clear_options()
            selection_list.add_options(selections)
        if selection_list.option_count:
            selection_list.highlighted = 0

    def reset_control(self, value: object) -> None:
        """Tick these sources, the filter cleared (a reused form)."""
        self.chosen = [str(v) for v in value] if isinstance(value, list) else []
        box = self.query_one(".sources-filter", Input)
        with self.prevent(Input.Changed):
            box.value = ""
        with self.prevent(SelectionList.SelectionToggled):
            self._refill()

    def read(self) -> object:
        """The ids of the ticked sources, in the order they were cited."""
        return list(self.chosen)

    def hint(self) -> Content | None:
        """How to tick: nothing on screen says it otherwise."""
        return Content(PICKER_HINT)

    def add_source(self, source: Source) -> None:
        """Offer a source made in a nested form, and tick it: the filter typed before is
        cleared (it would hide the new source) and the keyboard is back in the list."""
        self.choices.add(source)
        self.chosen.append(source.id)
        box = self.query_one(".sources-filter", Input)
        with self.prevent(Input.Changed):
            box.value = ""
        self._refill()
        self.edited()
        # After the nested form has closed and its screen handed focus back.
        self.screen.call_after_refresh(self.focus_control)

    def action_create(self) -> None:
        """Ask the form for a new source."""
        self.post_message(CreateRequested(self, "sources"))

    @on(Button.Pressed, ".picker-new")
    def _new(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_create()

    @on(Input.Changed, ".sources-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._refill()

    @on(Input.Submitted, ".sources-filter")
    def _to_list(self, event: Input.Submitted) -> None:
        # Enter in the filter moves to the list rather than saving the form.
        event.stop()
        self.query_one(SelectionList).focus()

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()
        value = event.selection.value
        if value == MORE_VALUE:  # the 'N more' row (disabled: never ticked)
            return
        if value in self.chosen:
            self.chosen.remove(value)
        else:
            self.chosen.append(value)
        self._shown_selections = ()  # the list shows the tick: it is no longer what was filled
        self.edited()
