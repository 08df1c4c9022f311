"""The holder dialog's fields: the parties as a numbered list, one-line choices, and
text fields that a reused dialog can reset (HolderScreen is built once and kept)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from sitrep.app.forms.choice import ChoiceBar
from sitrep.app.forms.fields import FormField, visible
from sitrep.app.forms.inputs import DateField, TextField
from sitrep.app.forms.spec import FieldSpec
from sitrep.app.safe import safe
from sitrep.model.entries import Party

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
