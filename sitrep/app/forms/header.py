"""The form for the situation's header: title, region, as-of date and time, period..."""

from __future__ import annotations

from textual.content import Content

from sitrep.app.forms.base import FormScreen, make_field
from sitrep.app.forms.spec import specs_for
from sitrep.model.situation import Header


class EditHeaderScreen(FormScreen[Header | None, Header]):
    """Edit the header; returns the new Header, or None on Escape.

    produced_by_default fills 'Produced by' when the header has none (from settings).
    """

    def __init__(self, header: Header, *, produced_by_default: str | None = None) -> None:
        specs = specs_for(Header, "header")
        values: dict[str, object] = {s.name: getattr(header, s.name) for s in specs}
        if not header.produced_by and produced_by_default:
            values["produced_by"] = produced_by_default
        fields = [make_field(s, values[s.name], [], []) for s in specs]
        super().__init__(Header, Content("Edit header"), fields, reveal_errors=True)

    def make_result(self, value: Header) -> Header | None:
        """The validated header."""
        return value
