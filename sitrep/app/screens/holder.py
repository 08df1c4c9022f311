"""The territory quick action: who holds a place now, how sure we are, since when.

Arrows or a number key pick the holder, left/right change a choice, Enter
confirms, Escape cancels. When the holder changes, 'since' becomes the header's
as-of date unless the user has typed a date of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from sitrep.app.safe import safe
from sitrep.app.screens.forms_base import FormScreen
from sitrep.app.screens.forms_fields import FormField
from sitrep.app.screens.forms_inputs import DateField, TextField
from sitrep.app.screens.forms_spec import FieldSpec, specs_for
from sitrep.app.widgets.field_choice import ChoiceBar
from sitrep.model.checks import check_entry
from sitrep.model.document import EditRejected
from sitrep.model.entries import Party, Place
from sitrep.model.situation import Situation


class PartyListField(FormField):
    """The parties as a short numbered list; the highlighted one is the holder."""

    DEFAULT_CSS = """
    PartyListField OptionList { height: auto; max-height: 9; background: transparent; }
    PartyListField OptionList:focus { background: $boost; }
    """

    def __init__(self, spec: FieldSpec, value: object, parties: Sequence[Party]) -> None:
        super().__init__(spec, value)
        self.parties = list(parties)

    def compose_control(self) -> ComposeResult:
        """An OptionList numbered 1-9; the current holder is marked."""
        options = []
        for n, party in enumerate(self.parties, start=1):
            number = f"{n}  " if n <= 9 else "   "
            prompt = Content.assemble(number, safe(party.name, one_line=True))
            if party.id == self.initial:
                prompt = Content.assemble(prompt, ("  (holds it now)", "$text-muted"))
            options.append(Option(prompt, id=party.id))
        highlighted = next((i for i, p in enumerate(self.parties) if p.id == self.initial), None)
        option_list = OptionList(*options, compact=True, classes="field-control")
        option_list.highlighted = highlighted
        yield option_list

    def read(self) -> object:
        """The highlighted party's id."""
        index = self.query_one(OptionList).highlighted
        return self.parties[index].id if index is not None else self.initial

    def pick(self, number: int) -> None:
        """Highlight party number (1-based), if there is one."""
        if 1 <= number <= len(self.parties):
            self.query_one(OptionList).highlighted = number - 1

    @on(OptionList.OptionHighlighted)
    def _changed(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.edited()


class ChoiceBarField(FormField):
    """A few choices on one line (control, confidence, how)."""

    def compose_control(self) -> ComposeResult:
        """A ChoiceBar."""
        yield ChoiceBar(self.spec.choices, str(self.initial), classes="field-control")

    def read(self) -> object:
        """The chosen value."""
        return self.query_one(ChoiceBar).value

    @on(ChoiceBar.Changed)
    def _changed(self, event: ChoiceBar.Changed) -> None:
        event.stop()
        self.edited()


class HolderScreen(FormScreen[Place | None, Place]):
    """Change who holds a place; returns the updated Place, or None on Escape."""

    DEFAULT_CSS = """
    HolderScreen > #form-dialog { width: 84; }
    """

    HELP = "1-9 pick · enter confirm · esc cancel"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Confirm", id="holder.confirm"),
        *(
            Binding(str(n), f"pick({n})", f"Party {n}", show=False, id=f"holder.pick_{n}")
            for n in range(1, 10)
        ),
    ]

    def __init__(
        self,
        situation: Situation,
        place: Place,
        *,
        focus: Literal["holder", "confidence"] = "holder",
    ) -> None:
        self.situation = situation
        self.place = place
        self.initial_focus = focus
        specs = {s.name: s for s in specs_for(Place, "territory")}
        fields: list[FormField] = [
            PartyListField(specs["holder"], place.holder, situation.parties),
            ChoiceBarField(specs["control"], place.control),
            ChoiceBarField(specs["confidence"], place.confidence),
            TextField(specs["according_to"], place.according_to),
            ChoiceBarField(specs["how"], place.how),
            DateField(specs["since"], place.since),
        ]
        title = Content.assemble("Who holds ", safe(place.name, one_line=True), "?")
        super().__init__(Place, title, fields, reveal_errors=True)
        self._auto_since = self._since_text(place.since)
        """The since text this screen last put there; any other text is the user's."""
        self.since_touched = False
        self._auto_how: str = place.how
        self.how_touched = False

    def first_field(self) -> FormField:
        """The holder list or the confidence, as asked."""
        return self.fields[self.initial_focus]

    @staticmethod
    def _since_text(value: object) -> str:
        return value.isoformat() if hasattr(value, "isoformat") else ""

    def read_fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The place's other fields stay as they are."""
        data, errors = super().read_fields()
        return {**dict(self.place), **data}, errors

    def check(self, value: Place) -> tuple[dict[str, str], list[str]]:
        """The document's rules (the holder must be a known party)."""
        territory = self.situation.territory
        before = next((p for p in territory if p is self.place), None) or next(
            (p for p in territory if p == self.place), None
        )
        try:
            check_entry(self.situation, "territory", 0, value, before)
        except EditRejected as exc:
            return {}, [str(exc)]
        return {}, []

    def make_result(self, value: Place) -> Place | None:
        """The updated place."""
        return value

    def action_pick(self, number: int) -> None:
        """Pick party number (1-9) as the holder."""
        field = self.fields["holder"]
        if isinstance(field, PartyListField):
            field.pick(number)

    @on(FormField.Edited)
    def _follow_holder(self, event: FormField.Edited) -> None:
        # A new holder changed hands on the report's date, in a way not yet known;
        # what the user set by hand is kept.
        name = event.field.spec.name
        since = self.fields["since"].query_one(Input)
        how = self.fields["how"].query_one(ChoiceBar)
        if name == "since" and since.value.strip() != self._auto_since:
            self.since_touched = True
        elif name == "how" and how.value != self._auto_how:
            self.how_touched = True
        elif name == "holder":
            changed = event.field.read() != self.place.holder
            if not self.since_touched:
                as_of = self.situation.header.as_of
                self._auto_since = self._since_text(as_of if changed else self.place.since)
                since.value = self._auto_since
            if not self.how_touched:
                self._auto_how = "unknown" if changed else self.place.how
                how.value = self._auto_how

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()
