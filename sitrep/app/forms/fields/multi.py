"""Fields that tick several things: a few fixed choices (the means of an evacuation), or
parties (who fights for a contested place, who besieges it), in the order ticked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from sitrep.app.forms.fields.field import FormField
from sitrep.app.forms.fields.refs import CreateRequested, party_options
from sitrep.app.forms.spec import FieldSpec
from sitrep.app.safe import safe
from sitrep.model.entries import Party


class TickField(FormField):
    """Tick values in a list (space toggles); reads them in the order they were ticked."""

    DEFAULT_CSS = """
    TickField SelectionList { height: auto; max-height: 6; }
    """

    def __init__(self, spec: FieldSpec, value: object) -> None:
        super().__init__(spec, value)
        self.chosen: list[str] = [str(v) for v in value] if isinstance(value, list) else []
        self._shown_selections: tuple[object, ...] = ()

    def options(self) -> list[tuple[Content, str]]:
        """(prompt, value) of every choice."""
        raise NotImplementedError

    def compose_control(self) -> ComposeResult:
        """A compact SelectionList."""
        selections = self._selections()
        self._shown_selections = tuple(
            (str(s.prompt), s.value, s.initial_state) for s in selections
        )
        yield SelectionList[str](*selections, compact=True, classes="field-control")

    def _selections(self) -> list[Selection[str]]:
        return [Selection(prompt, v, v in self.chosen) for prompt, v in self.options()]

    def reset_control(self, value: object) -> None:
        """Tick these values (a reused form)."""
        self.chosen = [str(v) for v in value] if isinstance(value, list) else []
        self.refill()

    def refill(self) -> None:
        """Show the options again (one was added, or a reused form shows other values)."""
        selection_list: SelectionList[str] = self.query_one(SelectionList)
        selections = self._selections()
        shown = tuple((str(s.prompt), s.value, s.initial_state) for s in selections)
        if shown == self._shown_selections:
            return  # the same list: no new lines to measure
        self._shown_selections = shown
        highlighted = selection_list.highlighted
        with self.prevent(SelectionList.SelectionToggled):
            selection_list.clear_options()
            selection_list.add_options(selections)
        if highlighted is not None and selection_list.option_count:
            selection_list.highlighted = min(highlighted, selection_list.option_count - 1)

    def read(self) -> object:
        """The ticked values, in the order they were ticked."""
        return list(self.chosen)

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()
        value = event.selection.value
        if value in self.chosen:
            self.chosen.remove(value)
        else:
            self.chosen.append(value)
        self._shown_selections = ()  # the list shows the tick: it is no longer what was filled
        self.edited()


class MultiChoiceField(TickField):
    """Some of a few fixed values (air, sea, land)."""

    def options(self) -> list[tuple[Content, str]]:
        """The model's choices, in words."""
        return [(Content(words), value) for value, words in self.spec.choices]


class PartiesField(TickField):
    """Parties, ticked in order (the first named is drawn first); ctrl+n makes a new one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "create", "New party", id="form.new_parties"),
    ]

    def __init__(self, spec: FieldSpec, value: object, parties: Sequence[Party]) -> None:
        super().__init__(spec, value)
        self.parties = list(parties)

    def options(self) -> list[tuple[Content, str]]:
        """Every party, with unknown ids already ticked kept visible."""
        known = {p.id for p in self.parties}
        options = party_options(self.parties)
        unknown = [v for v in self.chosen if v not in known]
        options += [(safe(f"unknown party {v}", one_line=True), v) for v in unknown]
        return options

    def add_party(self, party: Party) -> None:
        """Offer a party made in a nested form, and tick it."""
        self.parties.append(party)
        self.chosen.append(party.id)
        self.refill()
        self.edited()
        self.focus_control()

    def action_create(self) -> None:
        """Ask the form for a new party."""
        self.post_message(CreateRequested(self, "parties"))
