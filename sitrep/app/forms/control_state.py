"""Which fields of a change of control the chosen state asks for, and what they mean then.

A contested place has parties and no holder; a besieged one a holder inside and
parties outside. The forms show only the fields the state needs, named for it,
and send nothing from the hidden ones (the model would refuse a contested place
with a holder).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitrep.app.forms.fields.field import FormField

STATE_FIELDS = ("holder", "parties", "by", "share")
"""The fields whose use depends on the state."""

NEEDED: dict[str, frozenset[str]] = {
    "controlled": frozenset({"holder"}),
    "partial": frozenset({"holder", "parties", "share"}),
    "besieged": frozenset({"holder", "by"}),
    "encircled": frozenset({"holder", "by"}),
    "contested": frozenset({"parties"}),
    "unclear": frozenset(),
}
REQUIRED: dict[str, frozenset[str]] = {
    "controlled": frozenset({"holder"}),
    "partial": frozenset({"holder"}),
    "besieged": frozenset({"holder", "by"}),
    "encircled": frozenset({"holder", "by"}),
    "contested": frozenset({"parties"}),
    "unclear": frozenset(),
}
LABELS: dict[str, dict[str, str]] = {
    "contested": {"parties": "Between"},
    "partial": {"holder": "Main holder", "parties": "Also holding"},
    "besieged": {"holder": "Inside", "by": "Besieged by"},
    "encircled": {"holder": "Inside", "by": "Encircled by"},
}
DEFAULT_LABELS = {"holder": "Holder", "parties": "Parties", "by": "By", "share": "Share"}


def show_for_state(fields: Mapping[str, FormField], state: object) -> None:
    """Show the fields a state needs, named for it; hide the others."""
    needed = NEEDED.get(str(state), frozenset())
    for name in STATE_FIELDS:
        field = fields.get(name)
        if field is None:
            continue
        field.display = name in needed
        if name in needed:
            label = LABELS.get(str(state), {}).get(name, DEFAULT_LABELS[name])
            field.relabel(label, required=name in REQUIRED.get(str(state), frozenset()))


def drop_unused(data: dict[str, Any], errors: dict[str, str]) -> None:
    """Forget what the hidden fields hold (in place), so the model sees only the state's."""
    needed = NEEDED.get(str(data.get("state", "controlled")), frozenset())
    for name in STATE_FIELDS:
        if name not in needed:
            data.pop(name, None)
            errors.pop(name, None)
