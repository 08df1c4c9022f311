"""What each form shows: field specs generated from the pydantic models plus overrides.

The models say the type, whether a field is required and its description; this
module adds what they cannot: labels in words, the order, which text is long,
which fields pick a party or sources, and the words for each choice.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import (
    Assessment,
    Entry,
    Evacuation,
    FigureEntry,
    Note,
    Source,
)
from sitrep.model.numbers.figure import Figure
from sitrep.model.sections import REGISTRY, Section

FieldKind = Literal[
    "text", "long", "int", "float", "date", "fuzzydate", "figure", "choice", "choices", "bool",
    "list", "lines", "party", "parties", "place", "sources", "history",
]  # fmt: skip

SECTION_NOUNS: dict[str, str] = {info.name: info.form_noun for info in REGISTRY}

LABELS: dict[str, str] = {
    "id": "Id",
    "iso": "ISO 3166-2",
    "pcode": "P-code",
    "lat": "Latitude",
    "lon": "Longitude",
    "url": "URL",
    "as_of": "As of",
    "as_of_time": "As-of time",
    "made_on": "Made on",
    "report_number": "Report number",
    "in_text": "In text",
    "control": "Control",
    "series": "Values",
    "according_to": "According to",
    "retracted_note": "Why retracted",
    "status_since": "Status since",
    "merged_into": "Merged into",
    "counted_by": "Counted by",
    "actor_kind": "Actor kind",
    "embassy_since": "Embassy since",
    "embassy_confidence": "Embassy sure",
    "embassy_sources": "Embassy sources",
    "by": "By",
}

CHOICE_WORDS: dict[str, str] = {
    "un_ngo": "UN/NGO",
    "party_statement": "party statement",
    "temporarily_closed": "temporarily closed",
    "under_way": "under way",
    "nsa_overtakes": "non-state group takes it",
    "government_regains": "government regains it",
    "non_violent_transfer": "non-violent transfer",
    "unknown": "not known",
    "none": "none (embassy only)",
    "A": "A — completely reliable",
    "B": "B — usually reliable",
    "C": "C — fairly reliable",
    "D": "D — not usually reliable",
    "E": "E — unreliable",
    "F": "F — reliability cannot be judged",
}

BLANK_CHOICE: dict[str, str] = {"reliability": "not graded", "event": "not given"}
"""The words for 'none' in optional choices."""

DESCRIPTIONS: dict[str, str] = {
    "share": "who holds what, in words",
    "within": "the id of the place it is part of",
    "place": "the id of the place it counts",
    "seat": "the id of the place that is its seat of government",
    "side": "parties with the same side are allies",
}
"""Descriptions for fields whose model gives none (a checkbox's text, a tooltip)."""

# Per-section overrides: fields shown first (the rest follow in model order),
# and fields whose kind is not what the annotation alone says.
FIRST: dict[str, tuple[str, ...]] = {
    "parties": ("name", "id"),
    "sources": ("publisher", "title", "id"),
    "places": ("name", "id"),
    "figures": ("counted", "area", "id"),
    "control": ("date", "time", "state", "holder", "parties", "by", "share", "confidence"),
    "series": ("as_of", "value"),
}
KIND_OVERRIDES: dict[str, FieldKind] = {
    "note": "long",
    "text": "long",
    "statement": "long",
    "wording": "long",
    "retracted_note": "long",
    "holder": "party",
    "merged_into": "party",
    "sources": "sources",
    "embassy_sources": "sources",
    "highlights": "lines",
    "within": "place",
    "seat": "place",
    "place": "place",
}
SECTION_KINDS: dict[str, dict[str, FieldKind]] = {
    "control": {"parties": "parties", "by": "parties"},
}
"""Kinds that depend on the model as well as the name ('by' is a text elsewhere)."""

DATE_DEFAULTS: dict[str, tuple[str, ...]] = {
    "sources": ("published",),
    "evacuations": ("announced",),
    "notes": ("date",),
    "outlook": ("made_on",),
    "control": ("date",),
    "series": ("as_of",),
}
"""Date fields that start at the header's as-of date when adding an entry."""

ID_FROM: dict[Section, tuple[str, ...]] = {
    "parties": ("name",),
    "sources": ("publisher",),
    "places": ("name",),
    "figures": ("counted", "area"),
}
"""Fields the suggested id of a new entry is made from."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: its name, label, kind and what the model says about it."""

    name: str
    label: str
    kind: FieldKind
    required: bool
    optional: bool
    """None is allowed (an empty input means None)."""
    default: object
    description: str | None = None
    choices: tuple[tuple[str, str], ...] = ()
    """(value, words) pairs for choice fields."""
    blank: str | None = None
    """Words for the empty choice of an optional choice field."""


def specs_for(model: type[BaseModel], section: str) -> list[FieldSpec]:
    """The field specs of a model, in form order.

    section is a section's name, or "control" / "series" for a place's changes of
    control and a figure's values.
    """
    first = FIRST.get(section, ())
    names = [*first, *(n for n in model.model_fields if n not in first)]
    return [_spec(model, name, section) for name in names]


def _spec(model: type[BaseModel], name: str, section: str) -> FieldSpec:
    info = model.model_fields[name]
    inner, optional = _unwrap_optional(info.annotation)
    kind, choices = _kind(inner)
    kind = SECTION_KINDS.get(section, {}).get(name) or KIND_OVERRIDES.get(name, kind)
    if info.default_factory is not None:
        default: object = info.default_factory()  # type: ignore[call-arg]
    else:
        default = None if info.default is PydanticUndefined else info.default
    words = tuple((str(c), CHOICE_WORDS.get(str(c), str(c).replace("_", " "))) for c in choices)
    return FieldSpec(
        name=name,
        label=LABELS.get(name, name.replace("_", " ").capitalize()),
        kind=kind,
        required=info.is_required(),
        optional=optional,
        default=default,
        description=info.description or DESCRIPTIONS.get(name),
        choices=words,
        blank=BLANK_CHOICE.get(name, "none") if optional and kind == "choice" else None,
    )


def _unwrap_optional(annotation: object) -> tuple[object, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def _kind(annotation: object) -> tuple[FieldKind, tuple[object, ...]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _kind(typing.get_args(annotation)[0])
    if origin is Literal:
        return "choice", typing.get_args(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        if typing.get_origin(item) is Literal:
            return "choices", typing.get_args(item)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "history", ()
        return "list", ()
    simple: dict[object, FieldKind] = {
        bool: "bool",
        int: "int",
        float: "float",
        dt.date: "date",
        FuzzyDate: "fuzzydate",
        Figure: "figure",
    }
    return simple.get(annotation, "text"), ()


def display_name(section: Section, entry: Entry) -> str:
    """How an entry is named in a form's title: 'Kandahar', 'United States'..."""
    if isinstance(entry, Source):
        return entry.publisher + (f": {entry.title}" if entry.title else "")
    if isinstance(entry, FigureEntry):
        return f"{entry.counted}, {entry.area}"
    if isinstance(entry, Note):
        return f"{entry.date.isoformat()} {entry.text}"
    if isinstance(entry, Assessment):
        return f"{entry.by}: {entry.statement}"
    if isinstance(entry, Evacuation):
        return entry.actor
    name = getattr(entry, "name", None)
    return name if isinstance(name, str) else SECTION_NOUNS[section]


def slug(text: str) -> str:
    """An id made from text: 'Kandahar City' -> 'kandahar-city', 'Mazār' -> 'mazar'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")
    return words[:60].strip("-")


def unique_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3... whichever is not taken (compared without case)."""
    folded = {t.casefold() for t in taken}
    if base.casefold() not in folded:
        return base
    n = 2
    while f"{base}-{n}".casefold() in folded:
        n += 1
    return f"{base}-{n}"


def form_values(
    specs: list[FieldSpec], entry: BaseModel | None, dates: tuple[str, ...], as_of: dt.date
) -> dict[str, object]:
    """What a form's fields start with: the entry's values, or for a new one the defaults,
    its date fields at the report's as-of date."""
    values: dict[str, object] = {s.name: s.default for s in specs}
    if entry is not None:
        values.update({s.name: getattr(entry, s.name) for s in specs})
    else:
        values.update(dict.fromkeys(dates, as_of))
    return values
