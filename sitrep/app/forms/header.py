"""The form for the situation's header: title, region, as-of date and time, period...

How often each kind of entry should be confirmed (``refresh``) is three whole
numbers of days; the reports already issued (``past_reports``, written by
``sitrep next``) are kept as they are.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content

from sitrep.app.forms.base import FormScreen
from sitrep.app.forms.fields.field import FormField
from sitrep.app.forms.fields.make import make_field
from sitrep.app.forms.spec import FieldSpec, specs_for
from sitrep.model.derived.freshness import REFRESHED
from sitrep.model.situation import Header

KEPT = ("refresh", "past_reports")
"""Header fields without a field of their own in the form."""


def refresh_spec(section: str) -> FieldSpec:
    """'Refresh places': every how many days places should be confirmed."""
    return FieldSpec(
        name=f"refresh_{section}",
        label=f"Refresh {section}",
        kind="int",
        required=False,
        optional=True,
        default=None,
        description=f"confirm {section} every this many days (empty: no rate)",
    )


class EditHeaderScreen(FormScreen[Header | None, Header]):
    """Edit the header; returns the new Header, or None on Escape.

    produced_by_default fills 'Produced by' when the header has none (from settings).
    """

    def __init__(self, header: Header, *, produced_by_default: str | None = None) -> None:
        self.header = header
        specs = [s for s in specs_for(Header, "header") if s.name not in KEPT]
        values: dict[str, object] = {s.name: getattr(header, s.name) for s in specs}
        if not header.produced_by and produced_by_default:
            values["produced_by"] = produced_by_default
        fields: list[FormField] = [make_field(s, values[s.name], None) for s in specs]
        refresh = header.refresh
        for section in REFRESHED:
            days = getattr(refresh, section) if refresh is not None else None
            fields.append(make_field(refresh_spec(section), days, None))
        super().__init__(Header, Content("Edit header"), fields, reveal_errors=True)

    def read_fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The refresh rates as one value; the past reports as they were."""
        data, errors = super().read_fields()
        rates = {s: data.pop(f"refresh_{s}", None) for s in REFRESHED}
        data["refresh"] = rates if any(v is not None for v in rates.values()) else None
        data["past_reports"] = self.header.past_reports
        return data, errors

    def make_result(self, value: Header) -> Header | None:
        """The validated header."""
        return value
