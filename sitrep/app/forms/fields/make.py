"""The field widget for each kind of field spec (see spec.py)."""

from __future__ import annotations

from sitrep.app.forms.fields.field import FormField
from sitrep.app.forms.fields.history import HistoryField
from sitrep.app.forms.fields.inputs import (
    BoolField,
    ChoiceField,
    DateField,
    FloatField,
    IntField,
    LinesField,
    ListField,
    LongTextField,
    TextField,
)
from sitrep.app.forms.fields.multi import MultiChoiceField, PartiesField
from sitrep.app.forms.fields.refs import FigureField, PartyField, SourcesField
from sitrep.app.forms.fields.typed import FuzzyDateField, PlaceRefField
from sitrep.app.forms.spec import FieldSpec
from sitrep.app.widgets.detail_history import change_line, point_line
from sitrep.model.entries import ControlChange, FigurePoint
from sitrep.model.situation import Situation

_SIMPLE_FIELDS: dict[str, type[FormField]] = {
    "text": TextField,
    "long": LongTextField,
    "int": IntField,
    "float": FloatField,
    "date": DateField,
    "fuzzydate": FuzzyDateField,
    "figure": FigureField,
    "choice": ChoiceField,
    "choices": MultiChoiceField,
    "bool": BoolField,
    "list": ListField,
    "lines": LinesField,
}


def make_field(spec: FieldSpec, value: object, situation: Situation | None) -> FormField:
    """The field widget for a spec, holding value; pickers offer the situation's entries."""
    parties = situation.parties if situation is not None else []
    if spec.kind == "party":
        return PartyField(spec, value, parties)
    if spec.kind == "parties":
        return PartiesField(spec, value, parties)
    if spec.kind == "sources":
        return SourcesField(spec, value, situation.sources if situation is not None else [])
    if spec.kind == "place":
        return PlaceRefField(spec, value, situation.places if situation is not None else [])
    if spec.kind == "history":
        return _history_field(spec, value, situation)
    return _SIMPLE_FIELDS[spec.kind](spec, value)


def _history_field(spec: FieldSpec, value: object, situation: Situation | None) -> HistoryField:
    """A place's changes of control or a figure's values, described in words."""
    assert situation is not None, "a history belongs to an entry of a situation"
    s = situation
    if spec.name == "control":
        return HistoryField(spec, value, ControlChange, lambda c: change_line(s, c))
    return HistoryField(spec, value, FigurePoint, lambda p: point_line(s, p))
