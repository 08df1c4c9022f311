"""Saving from the TUI keeps the file's comments: edited entries keep theirs, deleted ones
drop them, and recording a change of control leaves the place's comments where they were."""

from __future__ import annotations

from pathlib import Path

from sitrep.app.forms.entry import EditEntryScreen
from sitrep.storage.sample import sample_path
from tests.app.forms.host import type_into
from tests.app.host import SIZE, open_app, row_of, table

COMMENTS = {
    "- id: kandahar\n": "# kandahar: checked with the provincial desk at 17:00\n",
    "  name: Kandahar\n": None,  # a comment after the value
    "- id: herat\n": "# herat: the desk's own count\n",
    "- id: balkh\n": "# balkh: watch Mazar\n",
    "places:\n": "# One entry per province.\n",
}


def commented_sample(folder: Path) -> Path:
    """The sample with comments above some places, after a value, above a section."""
    text = sample_path().read_text(encoding="utf-8")
    for line, above in COMMENTS.items():
        assert line in text, line
        if above is None:
            text = text.replace(line, line.rstrip("\n") + " # as spelled locally\n", 1)
        else:
            text = text.replace(line, above + line, 1)
    path = folder / "annotated.yaml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_edit_delete_record_and_save_keep_the_other_comments(tmp_path: Path) -> None:
    path = commented_sample(tmp_path)
    app, said = open_app(path)

    def select(place_id: str) -> None:
        table(app, "places").move_to_index(row_of(app, "places", lambda p: p.id == place_id))

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        select("kandahar")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditEntryScreen)
        await type_into(pilot, "lat", "31.6")
        await pilot.press("ctrl+s")  # the form
        await pilot.pause()
        assert not isinstance(app.screen, EditEntryScreen)
        select("balkh")
        await pilot.press("h", "1", "enter")  # a change of control recorded
        await pilot.pause()
        select("herat")
        await pilot.press("d")
        await pilot.press("ctrl+s")  # the file
        await pilot.pause()
        assert f"Saved {path}" in said.text()
    text = path.read_text(encoding="utf-8")
    assert "  lat: 31.6\n" in text
    assert "# kandahar: checked with the provincial desk at 17:00\n- id: kandahar\n" in text
    assert "  name: Kandahar # as spelled locally\n" in text
    assert "# balkh: watch Mazar\n- id: balkh\n" in text
    assert "# One entry per province.\nplaces:\n" in text
    assert "# herat" not in text and "- id: herat\n" not in text
