"""Sources and parties made on the spot from a form's pickers (ctrl+n).

The form that owns them returns them with its entry, and the app adds them
first, in the same undo step. Until then they exist only here: ``view()`` is the
situation as it will be, for the form's checks and for nested forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from sitrep.app.forms.fields.multi import PartiesField
from sitrep.app.forms.fields.refs import CreateRequested, PartyField, SourcesField
from sitrep.model.entries import Party, Source
from sitrep.model.sections import Section
from sitrep.model.situation import Situation

NewEntryForm = Callable[[Section, Situation], Screen[Any]]
"""Makes the form for a new source or party (the entry form: passed in, not imported)."""


class Inline:
    """What one form made inline, over the situation it edits."""

    def __init__(self, situation: Situation) -> None:
        self.situation = situation
        self.sources: list[Source] = []
        self.parties: list[Party] = []

    def view(self) -> Situation:
        """The situation plus the sources and parties made so far."""
        if not (self.sources or self.parties):
            return self.situation
        return self.situation.model_copy(
            update={
                "sources": [*self.situation.sources, *self.sources],
                "parties": [*self.situation.parties, *self.parties],
            }
        )

    def create(self, screen: Screen[Any], event: CreateRequested, form: NewEntryForm) -> None:
        """Open the form of a new source or party; the picker that asked gets it ticked."""
        picker = event.field

        def added(result: Any) -> None:
            entry = getattr(result, "entry", None)
            if isinstance(entry, Source) and isinstance(picker, SourcesField):
                self.sources.append(entry)
                picker.add_source(entry)
            elif isinstance(entry, Party) and isinstance(picker, PartyField | PartiesField):
                self.parties.append(entry)
                picker.add_party(entry)
            else:
                picker.focus_control()

        screen.app.push_screen(form(event.section, self.view()), added)
