"""The TUI marks a fact that cites no source, in the detail beside its row (issue 13)."""

from __future__ import annotations

from sitrep.app.widgets.detail import EntryDetail
from sitrep.model.entries import Note
from tests.app.conftest import SampleApp
from tests.app.keys import burst


def detail_text(sample_app: SampleApp) -> str:
    details = [d for d in sample_app.main.query(EntryDetail) if d.is_on_screen]
    return "\n".join(d.content.plain for d in details)


async def test_a_note_without_sources_is_marked_and_one_with_sources_is_not(
    sample_app: SampleApp,
) -> None:
    notes = sample_app.document.situation.notes
    note = notes[0]
    assert isinstance(note, Note) and note.sources
    sample_app.main.go_to("notes")
    await burst(sample_app.pilot, "g")
    assert "cites no source" not in detail_text(sample_app)
    sample_app.document.replace("notes", 0, note.model_copy(update={"sources": []}))
    await burst(sample_app.pilot, "g")
    assert "⚠ cites no source" in detail_text(sample_app)


async def test_help_explains_the_mark(sample_app: SampleApp) -> None:
    await burst(sample_app.pilot, "question_mark")
    text = "\n".join(str(w.render()) for w in sample_app.app.screen.query(".help-column"))
    assert "⚠ cites no source" in text
