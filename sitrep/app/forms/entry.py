"""The form to add or edit one entry of any section (a place, a source, a note...).

Returns a FormResult: the validated entry plus any sources or parties made
inline with ctrl+n from the pickers, which the app adds before the entry.
"""

from __future__ import annotations

from pydantic import BaseModel
from textual import on
from textual.content import Content
from textual.widgets import Input

from sitrep.app.forms.base import FormResult, FormScreen
from sitrep.app.forms.errors import rejected_field
from sitrep.app.forms.fields.field import FormField
from sitrep.app.forms.fields.history import HistoryField
from sitrep.app.forms.fields.make import make_field
from sitrep.app.forms.fields.refs import CreateRequested
from sitrep.app.forms.inline import Inline
from sitrep.app.forms.item import ItemFormScreen
from sitrep.app.forms.spec import (
    DATE_DEFAULTS,
    ID_FROM,
    SECTION_NOUNS,
    display_name,
    form_values,
    slug,
    specs_for,
    unique_id,
)
from sitrep.app.safe import safe
from sitrep.editing.document import EditRejected
from sitrep.model.entries import Entry, Place
from sitrep.model.sections import SECTION_MODELS, Section
from sitrep.model.situation import Situation
from sitrep.model.validation.checks import check_entry

_TITLE_CHARS = 60


class EditEntryScreen(FormScreen[FormResult | None, Entry]):
    """Add (entry None) or edit an entry of section; Escape returns None."""

    def __init__(
        self,
        section: Section,
        situation: Situation,
        entry: Entry | None = None,
        *,
        defaults: dict[str, object] | None = None,
    ) -> None:
        self.section = section
        self.situation = situation
        self.inline = Inline(situation)
        """Sources and parties made in this form (ctrl+n), added with the entry."""
        entries: list[Entry] = getattr(situation, section)
        # The entry being replaced, by identity if the caller passed the live one.
        self.before = next((e for e in entries if e is entry), None) or next(
            (e for e in entries if entry is not None and e == entry), None
        )
        self.index = len(entries)
        """Where the entry is (or goes) in its section, for the document's checks."""
        if self.before is not None:
            self.index = next(i for i, e in enumerate(entries) if e is self.before)
        model = SECTION_MODELS[section]
        specs = specs_for(model, section)
        dates = DATE_DEFAULTS.get(section, ())
        values = form_values(specs, entry, dates, situation.header.as_of)
        if entry is None:
            values.update(defaults or {})
        fields = [make_field(spec, values[spec.name], situation) for spec in specs]
        noun = SECTION_NOUNS[section]
        if entry is None:
            title = Content(f"New {noun}")
        else:
            name = display_name(section, entry)
            if len(name) > _TITLE_CHARS:
                name = name[: _TITLE_CHARS - 1] + "…"
            title = Content.assemble(f"Edit {noun} — ", safe(name, one_line=True))
        super().__init__(model, title, fields, reveal_errors=entry is not None)
        self.suggest_id = entry is None and "id" not in (defaults or {}) and section in ID_FROM
        """Keep the id following the name until the user types an id of their own."""
        self._suggested: str | None = None

    # -- the situation as it will be, with what was made inline -----------------
    def view(self) -> Situation:
        """The situation plus the sources and parties made in this form."""
        return self.inline.view()

    def check(self, value: Entry) -> tuple[dict[str, str], list[str]]:
        """The document's rules: unique ids and actors, known references."""
        if isinstance(value, Place) and (value.lat is None) != (value.lon is None):
            missing = "lat" if value.lat is None else "lon"
            return {missing: "give both latitude and longitude, or neither"}, []
        try:
            check_entry(self.view(), self.section, self.index, value, self.before)
        except EditRejected as exc:
            name = rejected_field(str(exc), self.fields.keys())
            return ({name: str(exc)}, []) if name else ({}, [str(exc)])
        return {}, []

    def warnings(self) -> list[str]:
        """A name another entry of the section has already: saving adds a second one."""
        field = self.fields.get("name")
        name = field.read() if field is not None else None
        if not isinstance(name, str) or not name.strip():
            return []
        entries: list[Entry] = getattr(self.situation, self.section)
        same = [
            e
            for e in entries
            if e is not self.before and str(getattr(e, "name", "")).casefold() == name.casefold()
        ]
        if not same:
            return []
        noun = SECTION_NOUNS[self.section]
        return [f"a {noun} named {name.strip()} exists already (id {getattr(same[0], 'id', '?')})"]

    def make_result(self, value: Entry) -> FormResult | None:
        """The entry and what was made inline."""
        return FormResult(value, list(self.inline.sources), list(self.inline.parties))

    # -- id suggestion -------------------------------------------------------------
    @on(FormField.Edited)
    def _follow_name(self, event: FormField.Edited) -> None:
        name = event.field.spec.name
        if name == "id" and self.suggest_id:
            if event.field.read() != self._suggested:
                self.suggest_id = False  # the user typed an id of their own
            return
        if self.suggest_id and name in ID_FROM[self.section]:
            self._suggest_id()

    def _suggest_id(self) -> None:
        parts = [self.fields[n].read() for n in ID_FROM[self.section]]
        base = slug(" ".join(p for p in parts if isinstance(p, str)))
        taken = {str(getattr(e, "id", "")) for e in getattr(self.view(), self.section)}
        self._suggested = unique_id(base, taken) if base else None
        box = self.fields["id"].query_one(Input)
        box.value = self._suggested or ""
        box.cursor_position = len(box.value)  # Tab then typing adds to it, as a user expects

    # -- sources and parties made inline ---------------------------------------------
    @on(CreateRequested)
    def _create(self, event: CreateRequested) -> None:
        event.stop()
        self.create(event)

    def create(self, event: CreateRequested) -> None:
        """Open the form of a new source or party for a picker (here or in an item's form)."""
        self.inline.create(self, event, EditEntryScreen)

    # -- a place's changes of control, a figure's values ------------------------------
    @on(HistoryField.ItemRequested)
    def _item(self, event: HistoryField.ItemRequested) -> None:
        event.stop()
        history, index = event.field, event.index
        item = history.items[index] if index is not None else None
        noun = "change of control" if history.spec.name == "control" else "value"
        name = self.fields[ID_FROM[self.section][0]].read() if self.section in ID_FROM else None
        title = Content(f"{'Edit' if item is not None else 'New'} {noun}")
        if isinstance(name, str) and name:
            title = Content.assemble(title, " — ", safe(name[:_TITLE_CHARS], one_line=True))
        first = index == 0 or not history.items
        screen = ItemFormScreen(
            history.item_model,
            history.spec.name,
            self.view(),
            item,
            title=title,
            create=self.create,
            first=first,
        )

        def done(result: BaseModel | None) -> None:
            if result is not None:
                history.put(index, result)
            else:
                history.focus_control()

        self.app.push_screen(screen, done)
