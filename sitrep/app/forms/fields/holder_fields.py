"""The holder dialog's fields: the parties as a numbered list, one-line choices, and
text fields that a reused dialog can reset (HolderScreen is built once and kept);
which fields it has, and what they hold for a new change or a correction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from sitrep.app.forms.fields.choice import ChoiceBar
from sitrep.app.forms.fields.field import FormField, visible
from sitrep.app.forms.fields.inputs import DateField, TextField
from sitrep.app.forms.fields.multi import PartiesField
from sitrep.app.forms.fields.refs import SourcesField
from sitrep.app.forms.spec import FieldSpec, specs_for
from sitrep.app.safe import safe
from sitrep.model.entries import ControlChange, Party, Place
from sitrep.model.situation import Situation

PROMPT_WIDTH = 63
"""Cells a party's line may take in the holder list before it is laid out (its width
in the 84-cell dialog)."""
HOLDS_MARK = "  (holds it now)"


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
        option_list = OptionList(*self._options(), compact=True, classes="field-control")
        option_list.highlighted = self._holder_index()
        yield option_list

    def _options(self) -> list[Option]:
        """One line per party (a long name is cut), so the list keeps its height
        whichever party holds the place (a new height is a new layout)."""
        options = []
        for n, party in enumerate(self.parties, start=1):
            number = f"{n}  " if n <= 9 else "   "
            holds = party.id == self.initial
            room = self._prompt_width() - len(number) - (len(HOLDS_MARK) if holds else 0)
            name = safe(party.name, one_line=True)
            if name.cell_length > room:
                name = name.truncate(room - 1) + "…"
            prompt = Content.assemble(number, name)
            if holds:
                prompt = Content.assemble(prompt, (HOLDS_MARK, "$text-muted"))
            options.append(Option(prompt, id=party.id))
        return options

    def _prompt_width(self) -> int:
        """The list's width once laid out (else what it is in a wide enough terminal)."""
        lists = self.query(OptionList)
        width = lists.first().scrollable_content_region.width if lists else 0
        return width or PROMPT_WIDTH

    def _holder_index(self) -> int | None:
        return next((i for i, p in enumerate(self.parties) if p.id == self.initial), None)

    def reset_control(self, value: object) -> None:
        """The parties again (they may have changed), the new holder highlighted."""
        option_list = self.query_one(OptionList)
        options = self._options()
        same_parties = [o.id for o in options] == [
            option_list.get_option_at_index(i).id for i in range(option_list.option_count)
        ]
        with self.prevent(OptionList.OptionHighlighted):
            if same_parties:  # new prompts only (the marker moved)
                for index, option in enumerate(options):
                    if option_list.get_option_at_index(index).prompt != option.prompt:
                        option_list.replace_option_prompt_at_index(index, option.prompt)
            else:
                option_list.clear_options()
                option_list.add_options(options)
            option_list.highlighted = self._holder_index()
        # A prompt with the marker may take two lines: measure the lines now, so the
        # screen is laid out once when it is shown again, not again after its first
        # frame (OptionList measures them when drawn).
        update_lines = getattr(option_list, "_update_lines", None)
        if callable(update_lines):
            update_lines()

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

    def reset_control(self, value: object) -> None:
        """Choose value without a Changed message."""
        bar = self.query_one(ChoiceBar)
        bar.set_reactive(ChoiceBar.value, str(value))
        bar.refresh()


def reset_text(text_field: TextField, value: object) -> None:
    """Put a value's text in a text field's Input, as if the form had opened with it."""
    text = visible(text_field.to_text(value))
    text_field.initial_text = text
    control = text_field.query_one(Input)
    with text_field.prevent(Input.Changed):
        control.value = text
        control.cursor_position = len(text)


class ReusedTextField(TextField):
    """A TextField that a reused form can reset."""

    def reset_control(self, value: object) -> None:
        """See reset_text."""
        reset_text(self, value)


class ReusedDateField(DateField):
    """A DateField that a reused form can reset."""

    def reset_control(self, value: object) -> None:
        """See reset_text."""
        reset_text(self, value)


MODE_CHOICES = (("new", "a new change"), ("correct", "a correction of the last change"))
STATE_WORDS = {"partial": "partly held"}
FIELDS = (
    "mode",
    "state",
    "holder",
    "parties",
    "by",
    "share",
    "confidence",
    "according_to",
    "date",
    "how",
    "sources",
)
"""The dialog's fields, in order; all but the mode are a change's (a note, a time, an event
or a retraction are edited in the place's form: e, then the change)."""


def mode_spec() -> FieldSpec:
    """Record a new change, or correct the last one."""
    return FieldSpec("mode", "Record", "choice", False, False, "new", choices=MODE_CHOICES)


def cited_lately(place: Place) -> list[str]:
    """The sources the place's history cites, the latest change's first (offered first)."""
    refs = [ref for change in reversed(place.control) for ref in change.sources]
    return list(dict.fromkeys([*refs, *place.sources]))


def holder_fields(situation: Situation, values: dict[str, object]) -> list[FormField]:
    """The dialog's fields, holding values (see values_for)."""
    specs = {s.name: s for s in specs_for(ControlChange, "control")}
    states = tuple((v, STATE_WORDS.get(v, w)) for v, w in specs["state"].choices)
    specs["state"] = replace(specs["state"], choices=states)
    made: dict[str, FormField] = {
        "mode": ChoiceBarField(mode_spec(), values["mode"]),
        "holder": PartyListField(specs["holder"], values["holder"], situation.parties),
        "parties": PartiesField(specs["parties"], values["parties"], situation.parties),
        "by": PartiesField(specs["by"], values["by"], situation.parties),
        "sources": SourcesField(specs["sources"], values["sources"], situation.sources),
        "date": ReusedDateField(specs["date"], values["date"]),
    }
    for name in ("state", "confidence", "how"):
        made[name] = ChoiceBarField(specs[name], values[name])
    for name in ("share", "according_to"):
        made[name] = ReusedTextField(specs[name], values[name])
    return [made[name] for name in FIELDS]


def values_for(
    situation: Situation,
    place: Place,
    focus: Literal["holder", "confidence"],
    mode: Literal["new", "correct"],
) -> dict[str, object]:
    """What the fields hold: the last change (to correct it), or a new change.

    A new change is dated the report's as-of date; opened for the holder it starts
    with the current holder highlighted (pick another), opened for the confidence
    it repeats the current control, so only how sure it is needs changing.
    """
    current = place.current
    last = place.control[-1] if place.control else None
    if mode == "correct" and last is not None:
        values = {name: getattr(last, name) for name in FIELDS[1:]}
        return {**values, "mode": "correct"}
    values = {name: ControlChange.model_fields[name].get_default() for name in FIELDS[1:]}
    values.update(
        mode="new", parties=[], by=[], sources=[], date=situation.header.as_of, state="controlled"
    )
    if current is not None:
        values["holder"] = current.controller
        if focus == "confidence":
            for name in ("state", "holder", "parties", "by", "share", "how", "confidence"):
                values[name] = getattr(current, name)
            values["according_to"] = current.according_to
    return values
