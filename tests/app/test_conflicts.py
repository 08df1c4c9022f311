"""Resolving merge conflicts in the app, on files real git merged: ours, theirs, edit, undo.

A desk's repository is set up with `sitrep git setup`; two branches change the
same fields; `git merge` leaves a valid file with a conflicts section. The app
offers the walkthrough on open, each answer is one undo step, and the saved
file passes `sitrep check` (run as a subprocess, as a user runs it).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from sitrep.app.app import SitrepApp
from sitrep.app.dialogs.choice import ChoiceScreen
from sitrep.app.dialogs.conflict import ConflictScreen
from sitrep.app.forms.entry import EditEntryScreen
from sitrep.app.run import build_app
from sitrep.yaml.io import dump_situation, load_situation
from tests.app.forms.host import form, type_into
from tests.app.host import SIZE, Recorder, main_screen, open_app
from tests.app.test_import import until
from tests.cli.test_team_git import FILE, commit_edit, git, new_desk, sitrep
from tests.model.desk import base

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def merged_desk(folder: Path) -> Path:
    """A repository where main and night changed North's name and South's latitude."""
    repo = new_desk(folder)
    commit_edit(
        repo, "night", ("name: North City", "name: North (night)"), ("lat: 10.0", "lat: 10.2")
    )
    commit_edit(repo, "day", ("name: North City", "name: North (day)"), ("lat: 10.0", "lat: 10.1"))
    git(repo, "merge", "-q", "day", "-m", "day")
    merged = git(repo, "merge", "night", "-m", "night", ok=False)
    assert merged.returncode == 1 and "CONFLICT" in merged.stdout
    assert len(load_situation(repo / FILE).conflicts) == 2
    return repo


@contextlib.asynccontextmanager
async def opened(path: Path) -> AsyncIterator[tuple[SitrepApp, Pilot[int], Recorder]]:
    """The app on a file as `sitrep FILE` opens it, past its first frame."""
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        yield app, pilot, said


async def keys(pilot: Pilot[Any], *pressed: str) -> None:
    """Press keys, then let the app handle what they started."""
    await pilot.press(*pressed)
    await pilot.pause()


def dialog_text(app: Any) -> str:
    """Everything the conflict dialog on top says."""
    screen = app.screen
    assert isinstance(screen, ConflictScreen), f"expected the conflict dialog, got {screen!r}"
    return "\n".join(str(s.render()) for s in screen.query(Static))


def showing_conflict(app: Any) -> bool:
    """Whether the conflict dialog is on top and says which conflict it shows."""
    return isinstance(app.screen, ConflictScreen) and "Merge conflict" in dialog_text(app)


def north(app: Any) -> str:
    place = app.document.situation.place("north")
    assert place is not None
    return str(place.name)


async def test_walkthrough_on_open_then_save_a_file_sitrep_check_accepts(tmp_path: Path) -> None:
    repo = merged_desk(tmp_path)
    async with opened(repo / FILE) as (app, pilot, said):
        text = dialog_text(app)
        assert "Merge conflict 1 of 2" in text
        assert "place North (day), id north: name" in text
        assert "Ours: North (day)" in text and "Theirs: North (night)" in text
        assert "Base: North City" in text
        assert "Ana Analyst (main, " in text and "Ana Analyst (night, " in text
        await keys(pilot, "t")  # their name
        assert north(app) == "North (night)"
        assert "Merge conflict 1 of 1" in dialog_text(app)
        assert "lat" in dialog_text(app)
        await keys(pilot, "o")  # our latitude
        assert not isinstance(app.screen, ConflictScreen)
        assert app.document.situation.conflicts == []
        assert "Every merge conflict is resolved" in said.text()
        await keys(pilot, "u")  # one step: the latitude's conflict comes back
        assert len(app.document.situation.conflicts) == 1
        assert north(app) == "North (night)"
        await keys(pilot, "U")
        assert app.document.situation.conflicts == []
        await keys(pilot, "ctrl+s")
        assert not app.document.dirty
    sitrep(repo, "check", FILE)  # fails (exit 1) while a conflict is left
    saved = load_situation(repo / FILE)
    south = saved.place("south")
    assert saved.place("north").name == "North (night)"  # type: ignore[union-attr]
    assert south is not None and south.lat == 10.1
    git(repo, "commit", "-q", "-am", "Resolved in the app")


async def test_keys_typed_in_a_burst_all_reach_the_walk(tmp_path: Path) -> None:
    repo = merged_desk(tmp_path)
    async with opened(repo / FILE) as (app, pilot, _):
        await keys(pilot, "t", "o", "ctrl+s")  # the dialog closes after o: ctrl+s saves
        assert not app.document.dirty and app.document.situation.conflicts == []
    sitrep(repo, "check", FILE)


async def test_edit_from_theirs_opens_the_form_and_is_one_undo_step(tmp_path: Path) -> None:
    repo = merged_desk(tmp_path)
    async with opened(repo / FILE) as (app, pilot, _):
        await keys(pilot, "E")
        assert isinstance(app.screen, EditEntryScreen)
        name = form(app).fields["name"]
        name.focus_control()
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == "North (night)"
        await type_into(pilot, "name", "North (agreed)")
        await keys(pilot, "ctrl+s")
        assert north(app) == "North (agreed)"
        assert "Merge conflict 1 of 1" in dialog_text(app), "the walk goes on"
        await keys(pilot, "escape")
        await keys(pilot, "u")
        assert north(app) == "North (day)" and len(app.document.situation.conflicts) == 2


async def test_later_moving_about_and_the_key_that_comes_back(tmp_path: Path) -> None:
    repo = merged_desk(tmp_path)
    async with opened(repo / FILE) as (app, pilot, said):
        await keys(pilot, "n")
        assert "Merge conflict 2 of 2" in dialog_text(app)
        await keys(pilot, "n")
        assert "Merge conflict 1 of 2" in dialog_text(app), "after the last: the first"
        await keys(pilot, "p")
        assert "Merge conflict 2 of 2" in dialog_text(app)
        await keys(pilot, "escape")
        assert app.screen is main_screen(app)
        assert "2 merge conflicts left" in said.text("warning")
        assert len(app.document.situation.conflicts) == 2 and not app.document.dirty
        await keys(pilot, "C")
        assert "Merge conflict 1 of 2" in dialog_text(app)
        await keys(pilot, "b")  # the base's name, as neither side has it
        assert north(app) == "North City"


async def test_a_file_without_conflicts_says_so(tmp_path: Path) -> None:
    path = tmp_path / FILE
    path.write_text(dump_situation(base()))
    async with opened(path) as (app, pilot, said):
        assert app.screen is main_screen(app)
        await keys(pilot, "ctrl+g")
        assert app.screen is main_screen(app)
        assert "No merge conflicts in this file" in said.text()


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x40", "80x24"])
def test_conflict_dialog(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    # A fixed merge (no git: commit ids and times would change the picture).
    from sitrep.model.merging.merge import Stamp, merge
    from tests.model.desk import edit, setting

    ours = edit(base(), setting("places", "north", name="North (day)"))
    theirs = edit(base(), setting("places", "north", name="North (night)"))
    stamp = Stamp("Ana Analyst (main, 7783bbe)", "Bo Night (night, e0d7946)", "2021-08-14T06:10")
    path = tmp_path / FILE
    path.write_text(dump_situation(merge(base(), ours, theirs, stamp).situation))
    assert snap_compare(build_app(path), terminal_size=size, press=["wait:300"])


async def test_an_entry_deleted_on_one_side_and_edited_on_the_other(tmp_path: Path) -> None:
    repo = new_desk(tmp_path)
    east = "- id: east\n  name: East Port\n  kind: city\n  sources:\n  - s1\n\n"
    commit_edit(repo, "day", (east, ""))
    commit_edit(repo, "night", ("name: East Port", "name: East"))
    git(repo, "merge", "-q", "day", "-m", "day")
    assert git(repo, "merge", "night", "-m", "night", ok=False).returncode == 1
    async with opened(repo / FILE) as (app, pilot, said):
        text = dialog_text(app)
        assert "place east, not in the file now: the whole entry" in text
        assert "Ours: absent" in text and "Theirs: {id: east, name: East" in text
        await keys(pilot, "e")  # ours deleted it: nothing to edit, the walk stays
        assert "Ours deleted it: nothing to edit" in said.text("warning")
        assert isinstance(app.screen, ConflictScreen)
        await keys(pilot, "t")
        assert app.document.situation.place("east").name == "East"  # type: ignore[union-attr]
        await keys(pilot, "ctrl+s")
    sitrep(repo, "check", FILE)


async def test_a_header_conflict_is_edited_in_the_header_form(tmp_path: Path) -> None:
    from sitrep.app.forms.header import EditHeaderScreen

    repo = new_desk(tmp_path)
    commit_edit(repo, "day", ("title: Test desk", "title: Day desk"))
    commit_edit(repo, "night", ("title: Test desk", "title: Night desk"))
    git(repo, "merge", "-q", "day", "-m", "day")
    assert git(repo, "merge", "night", "-m", "night", ok=False).returncode == 1
    async with opened(repo / FILE) as (app, pilot, _):
        assert "header: title" in dialog_text(app)
        await keys(pilot, "E")
        assert isinstance(app.screen, EditHeaderScreen)
        await type_into(pilot, "title", "Joint desk")
        await keys(pilot, "ctrl+s")
        assert app.document.situation.header.title == "Joint desk"
        assert app.document.situation.conflicts == [] and app.screen is main_screen(app)
        await keys(pilot, "u")
        assert app.document.situation.header.title == "Day desk"
        assert len(app.document.situation.conflicts) == 1


async def test_resolutions_survive_a_crash_and_the_walk_follows_the_recovery(
    tmp_path: Path,
) -> None:
    repo = merged_desk(tmp_path)
    async with opened(repo / FILE) as (app, pilot, _):
        await keys(pilot, "t")
        assert app.guard is not None and app.guard.journal is not None
        app.guard.journal.handle.close()  # what a SIGKILL leaves: the journal, unlocked
        app.guard.journal = None
    async with opened(repo / FILE) as (again, pilot, _):
        assert isinstance(again.screen, ChoiceScreen), "the recovery is asked first"
        await keys(pilot, "enter")  # Recover (it has focus)
        assert north(again) == "North (night)"
        # The dialog is shown, then filled: wait for its words, not only for the screen.
        await until(pilot, lambda: showing_conflict(again))
        assert "Merge conflict 1 of 1" in dialog_text(again)
