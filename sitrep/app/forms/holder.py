"""The territory quick action: who holds a place now, how sure we are, since when.

Arrows or a number key pick the holder, left/right change a choice, Enter
confirms, Escape cancels. When the holder changes, 'since' becomes the header's
as-of date unless the user has typed a date of their own.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input, OptionList

from sitrep.app.forms.base import FormScreen
from sitrep.app.forms.choice import ChoiceBar
from sitrep.app.forms.fields import FormField
from sitrep.app.forms.holder_fields import (
    ChoiceBarField,
    PartyListField,
    ReusedDateField,
    ReusedTextField,
)
from sitrep.app.forms.spec import specs_for
from sitrep.app.safe import safe
from sitrep.editing.document import EditRejected
from sitrep.model.checks import check_entry
from sitrep.model.entries import Place
from sitrep.model.situation import Situation


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
            ReusedTextField(specs["according_to"], place.according_to),
            ChoiceBarField(specs["how"], place.how),
            ReusedDateField(specs["since"], place.since),
        ]
        super().__init__(Place, self._title(place), fields, reveal_errors=True)
        self._start_following(place)
        self._focus_on_resume = False

    @staticmethod
    def _title(place: Place) -> Content:
        return Content.assemble("Who holds ", safe(place.name, one_line=True), "?")

    def _start_following(self, place: Place) -> None:
        """Since and how follow a new holder until the user sets them."""
        self._auto_since = self._since_text(place.since)
        """The since text this screen last put there; any other text is the user's."""
        self.since_touched = False
        self._auto_how: str = place.how
        self.how_touched = False

    def load(
        self,
        situation: Situation,
        place: Place,
        *,
        focus: Literal["holder", "confidence"] = "holder",
    ) -> None:
        """Show another place, as a new screen would (opening a composed screen is fast).

        Call it while the screen is not shown, then push the screen again.
        """
        self.situation, self.place, self.initial_focus = situation, place, focus
        self.form_title = self._title(place)
        self.query_one("#form-dialog").border_title = self.form_title
        holder = self.fields["holder"]
        if isinstance(holder, PartyListField):
            holder.parties = list(situation.parties)
        for name, form_field in self.fields.items():
            form_field.reset(getattr(place, name))
        self._start_following(place)
        self.revealed = True
        self.validate()
        self._focus_on_resume = True

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
        index = next((i for i, p in enumerate(territory) if p is self.place), None)
        if index is None:  # not the very object (the list was replaced): an equal one
            index = next((i for i, p in enumerate(territory) if p == self.place), len(territory))
        before = territory[index] if index < len(territory) else None
        try:
            check_entry(self.situation, "territory", index, value, before)
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
        if event.field.spec.name in ("since", "how", "holder"):
            self._follow()

    def _follow(self) -> None:
        """Since and how as the holder now picked asks, unless the user set them.

        Runs on every edit and again on save, so a pick and Enter typed faster than
        the pick's messages are handled (or pasted) still save what the screen shows.
        """
        since = self.fields["since"].query_one(Input)
        how = self.fields["how"].query_one(ChoiceBar)
        self.since_touched = self.since_touched or since.value.strip() != self._auto_since
        self.how_touched = self.how_touched or how.value != self._auto_how
        changed = self.fields["holder"].read() != self.place.holder
        if not self.since_touched:
            as_of = self.situation.header.as_of
            self._auto_since = self._since_text(as_of if changed else self.place.since)
            since.value = self._auto_since
        if not self.how_touched:
            self._auto_how = "unknown" if changed else self.place.how
            how.value = self._auto_how

    def action_save(self) -> None:
        """Save what the screen shows (see _follow)."""
        self._follow()
        super().action_save()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()
