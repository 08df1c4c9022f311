"""The place quick action (h, c): record a change of control, or correct the last one.

A new change says who holds the place from a date on (the report's as-of date
unless the user types another), in what state, how sure we are and on whose
word, how it happened and which sources say so; it is added to the place's
history in date order, nothing is overwritten. "Correct the last change"
(ctrl+r, or the first choice) edits the latest change instead, for a typo or a
wrong source.

Keys: a number picks the holder, left/right change a choice, space ticks a party
or a source, ctrl+n makes a source (or party) on the spot, Enter saves, Escape
cancels. The screen is built once and kept (``load`` shows another place).
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList

from sitrep.app.forms.base import FormResult, FormScreen
from sitrep.app.forms.control_state import drop_unused, show_for_state
from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.forms.fields.field import FormField
from sitrep.app.forms.fields.history import date_key
from sitrep.app.forms.fields.holder_fields import (
    PartyListField,
    cited_lately,
    holder_fields,
    values_for,
)
from sitrep.app.forms.fields.multi import PartiesField
from sitrep.app.forms.fields.refs import CreateRequested, SourcesField
from sitrep.app.forms.inline import Inline
from sitrep.app.safe import safe
from sitrep.editing.document import EditRejected
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation
from sitrep.model.validation.checks import check_entry

Focus = Literal["holder", "confidence"]
_PICK = Binding.Group("Pick the holder (party 1 to 9)", compact=True)
Mode = Literal["new", "correct"]


class HolderScreen(FormScreen[FormResult | None, ControlChange]):
    """Record a change of control of a place; returns the place with it, or None on Escape."""

    DEFAULT_CSS = """
    HolderScreen > #form-dialog { width: 100; }
    """

    HELP = "1-9 holder · ←→ choose · ctrl+r correct last · enter save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Record the change", id="holder.confirm"),
        Binding("ctrl+r", "toggle_mode", "Correct the last change instead", id="holder.correct"),
        *(
            Binding(
                str(n), f"pick({n})", f"Party {n}", show=False, id=f"holder.pick_{n}", group=_PICK
            )
            for n in range(1, 10)
        ),
    ]

    def __init__(self, situation: Situation, place: Place, *, focus: Focus = "holder") -> None:
        self.situation, self.place, self.initial_focus = situation, place, focus
        self.mode: Mode = "new"
        self._saving = False
        self.inline = Inline(situation)
        """Sources and parties made in this dialog (ctrl+n), added with the place."""
        fields = holder_fields(situation, values_for(situation, place, focus, "new"))
        super().__init__(ControlChange, self._title(place), fields, reveal_errors=True)
        self._offer_cited()
        self._focus_on_resume = False

    def _title(self, place: Place) -> Content:
        what = "correct the last change" if self.mode == "correct" else "record a change"
        return Content.assemble("Control of ", safe(place.name, one_line=True), f" — {what}")

    def on_mount(self) -> None:
        """Only the fields the state needs (FormScreen's on_mount then focuses the first)."""
        if self.built:
            self.fields["mode"].display = bool(self.place.control)
            show_for_state(self.fields, self.fields["state"].read())

    def load(self, situation: Situation, place: Place, *, focus: Focus = "holder") -> None:
        """Show another place, as a new screen would (opening a composed screen is fast).

        Call it while the screen is not shown, then push the screen again.
        """
        self.situation, self.place, self.initial_focus = situation, place, focus
        self.inline = Inline(situation)
        for form_field in self.fields.values():  # the parties and sources may have changed
            if isinstance(form_field, PartyListField | PartiesField):
                form_field.parties = list(situation.parties)
            elif isinstance(form_field, SourcesField):
                form_field.choices.sources = list(situation.sources)
        self._reset("new")
        self._focus_on_resume = True

    def _reset(self, mode: Mode) -> None:
        """Every field back to what a new change (or the last change) says."""
        self.mode = mode
        self._offer_cited()
        values = values_for(self.situation, self.place, self.initial_focus, mode)
        for name, form_field in self.fields.items():
            form_field.reset(values[name])
        self.form_title = self._title(self.place)
        self.query_one("#form-dialog").border_title = self.form_title
        self.fields["mode"].display = bool(self.place.control)
        show_for_state(self.fields, values["state"])
        self.revealed = True
        self.validate()

    def _offer_cited(self) -> None:
        """The sources this place's history cites come first in the list."""
        sources = self.fields["sources"]
        if isinstance(sources, SourcesField):
            sources.preferred = cited_lately(self.place)

    def on_screen_resume(self) -> None:
        """After load(): the first field has the focus, as when the screen was new."""
        if self._focus_on_resume:
            self._focus_on_resume = False
            first = self.first_field()
            if self.focused is not first.control:  # else focusing would only scroll
                first.focus_control()

    def first_field(self) -> FormField:
        """The holder list or the confidence, as asked."""
        return self.fields[self.initial_focus]

    # -- reading and checking --------------------------------------------------------------
    def read_fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The change; a correction keeps what the dialog does not show (a note...)."""
        data, errors = super().read_fields()
        data.pop("mode", None)
        drop_unused(data, errors)
        last = self.place.control[-1] if self.place.control else None
        if self.mode == "correct" and last is not None:
            kept = last.model_dump(include={"time", "event", "retracted", "retracted_note", "note"})
            data = {**{k: v for k, v in kept.items() if v is not None}, **data}
        return data, errors

    def updated(self, change: ControlChange) -> Place:
        """The place with the change added in date order (or the last one replaced)."""
        history = list(self.place.control)
        if self.mode == "correct" and history:
            history[-1] = change
        else:
            history.append(change)
        history.sort(key=date_key)  # stable: a change of the same day goes after the others
        return self.place.model_copy(update={"control": history})

    def check(self, value: ControlChange) -> tuple[dict[str, str], list[str]]:
        """A date (but for a first change), something new to say, and known references."""
        history = self.place.control
        if value.date is None and (history and not (self.mode == "correct" and len(history) == 1)):
            return {"date": "give the date this began (YYYY-MM-DD)"}, []
        current = self.place.current
        nothing_new = current is not None and _says_nothing_new(current, value)
        if self._saving and self.mode == "new" and nothing_new:  # said on Enter, not on opening
            return {}, [
                "the place's control already says this: pick another holder, state or "
                "confidence, or tick the source that confirms it"
            ]
        view = self.inline.view()
        index = next((i for i, p in enumerate(view.places) if p is self.place), None)
        if index is None:  # not the very object (the list was replaced): an equal one
            index = next(
                (i for i, p in enumerate(view.places) if p == self.place), len(view.places)
            )
        try:
            check_entry(view, "places", index, self.updated(value), self.place)
        except EditRejected as exc:
            return {}, [str(exc)]
        return {}, []

    def action_save(self) -> None:
        """Save; only now does repeating the control in force count as a mistake."""
        self._saving = True
        try:
            super().action_save()
        finally:
            self._saving = False

    def make_result(self, value: ControlChange) -> FormResult | None:
        """The place with its new (or corrected) change, and what was made inline."""
        return FormResult(self.updated(value), list(self.inline.sources), list(self.inline.parties))

    # -- keys and choices --------------------------------------------------------------------
    def action_pick(self, number: int) -> None:
        """Pick party number (1-9) as the holder."""
        pick = getattr(self.fields["holder"], "pick", None)
        if callable(pick) and self.fields["holder"].display:
            pick(number)

    def action_toggle_mode(self) -> None:
        """Switch between recording a new change and correcting the last one."""
        if self.place.control:
            self._reset("correct" if self.mode == "new" else "new")
            self.first_field().focus_control()

    @on(FormField.Edited)
    def _edited_choice(self, event: FormField.Edited) -> None:
        name = event.field.spec.name
        if name == "state":
            show_for_state(self.fields, event.field.read())
        elif name == "mode" and event.field.read() != self.mode:
            self._reset("correct" if event.field.read() == "correct" else "new")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()

    @on(CreateRequested)
    def _create(self, event: CreateRequested) -> None:
        event.stop()
        self.inline.create(self, event, EditEntryScreen)


def _says_nothing_new(current: ControlChange, change: ControlChange) -> bool:
    """Whether a new change repeats the control in force without a new source for it."""
    fields = ("state", "holder", "parties", "by", "confidence")
    same = all(getattr(current, f) == getattr(change, f) for f in fields)
    return same and not set(change.sources) - set(current.sources)
