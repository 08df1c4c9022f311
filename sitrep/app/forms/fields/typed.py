"""Text fields that read into a typed value, with their reading as a hint: a date that may
be approximate ('about 2021-08', 'unknown'), and a reference to a place by its id."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from sitrep.app.forms.fields.field import Invalid
from sitrep.app.forms.fields.inputs import TextField
from sitrep.app.forms.spec import FieldSpec
from sitrep.app.safe import safe
from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import Place
from sitrep.model.kinds.places import place_noun


class FuzzyDateField(TextField):
    """A day, a month, a year, 'about' one of them, or 'unknown' (a figure's as-of date)."""

    placeholder = "YYYY-MM-DD, YYYY-MM, YYYY, about ..., unknown"

    def to_text(self, value: object) -> str:
        """As the file writes it."""
        if isinstance(value, FuzzyDate):
            return value.iso
        return value.isoformat() if hasattr(value, "isoformat") else ""

    def parse(self, text: str) -> object:
        """The date as read, or why it cannot be."""
        try:
            return FuzzyDate.parse(text)
        except ValueError as exc:
            return Invalid(str(exc))

    def hint(self) -> Content | None:
        """'8 Aug 2021', 'about Aug 2021', 'date unknown'."""
        value = self.read()
        return Content(f"→ {value}") if isinstance(value, FuzzyDate) else None


class PlaceRefField(TextField):
    """The id of another place; its name shows under it (an unknown id is an error)."""

    placeholder = "a place id"

    def __init__(self, spec: FieldSpec, value: object, places: Sequence[Place]) -> None:
        super().__init__(spec, value)
        self.places = {p.id: p for p in places}

    def parse(self, text: str) -> object:
        """The id, when a place has it."""
        if text not in self.places:
            return Invalid(f"no place has the id {text!r}")
        return text

    def hint(self) -> Content | None:
        """'→ Kunduz (province)'."""
        place = self.places.get(str(self.read()))
        if place is None:
            return None
        kind = f" ({place_noun(place.kind, 1)})"
        return Content.assemble("→ ", safe(place.name, one_line=True), kind)
