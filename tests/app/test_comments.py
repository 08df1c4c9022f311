"""Saving from the TUI keeps the file's comments: edited entries keep theirs, deleted ones drop them."""

from __future__ import annotations

from pathlib import Path

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.model.comments import comments_of
from sitrep.model.situation import Situation
from sitrep.yaml.io import dump_situation, load_situation
from tests.app.forms.host import type_into
from tests.app.host import SIZE, open_app, row_of, table
from tests.commented import annotate


async def test_edit_delete_and_save_keep_the_other_comments(
    tmp_path: Path, sample: Situation
) -> None:
    path = tmp_path / "annotated.yaml"
    path.write_text(dump_situation(annotate(sample)), encoding="utf-8")
    before = {p.id: comments_of(p) for p in load_situation(path).territory}
    app, said = open_app(path)

    def select(place_id: str) -> None:
        table(app, "territory").move_to_index(row_of(app, "territory", lambda p: p.id == place_id))

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        select("kandahar")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditEntryScreen)
        await type_into(pilot, "lat", "31.6")
        await pilot.press("ctrl+s")  # the form
        await pilot.pause()
        assert not isinstance(app.screen, EditEntryScreen)
        select("herat")
        await pilot.press("d")
        await pilot.press("ctrl+s")  # the file
        await pilot.pause()
        assert f"Saved {path}" in said.text()
    text = path.read_text(encoding="utf-8")
    assert "  lat: 31.6\n" in text
    assert "# kandahar: checked with the provincial desk at 17:00\n  holder: taliban" in text
    assert "# herat" not in text
    saved = load_situation(path)
    del before["herat"]
    assert {p.id: comments_of(p) for p in saved.territory} == before
    assert comments_of(saved) == comments_of(sample)
    assert comments_of(saved.header) == comments_of(sample.header)
