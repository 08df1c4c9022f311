"""Crash recovery in the TUI when the file changed since the journal was written.

A sitrep dies with unsaved edits, then a `git pull` changes the file. The next
start still offers the edits, says the file changed since, and lets the user
apply them onto the new file (each as the journal records it), keep them for
later (Escape too) or drop them (asked again). No journal goes without a word.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from sitrep.app.dialogs.choice import ChoiceScreen
from sitrep.app.dialogs.confirm import ConfirmScreen
from sitrep.storage.crash.journal import Journal
from sitrep.yaml.io import load_situation
from tests.app.host import SIZE, copy_sample, open_app

TITLE = "title: 'Afghanistan: Taliban offensive"


async def crash_after(path: Path, *keys: str) -> None:
    """Press keys in a sitrep on path, then die as a SIGKILL does: the journal stays."""
    app, _ = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert app.guard is not None and app.guard.journal is not None
        app.guard.journal.handle.close()  # what a SIGKILL leaves: the journal, unlocked
        app.guard.journal = None


def git_pull(path: Path, old: str, new: str) -> None:
    """Someone else's change arrives in the file."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1) + "# merged\n", encoding="utf-8")


async def crashed_then_pulled(folder: Path, keys: tuple[str, ...], old: str, new: str) -> Path:
    """A copy of the sample: edited by keys, killed, then changed by a pull."""
    path = copy_sample(folder)
    await crash_after(path, *keys)
    git_pull(path, old, new)
    return path


PULLED = "title: 'Pulled: Taliban offensive"


async def answer_offer(pilot: Pilot[int], key: str) -> None:
    """Answer the recovery question, which is on screen before any key."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceScreen)
    await pilot.press(key)
    await pilot.pause()


async def test_edits_are_offered_after_the_file_changed_and_applied_onto_it(
    tmp_path: Path,
) -> None:
    # Badakhshan, the first place, deleted
    path = await crashed_then_pulled(tmp_path, ("d",), TITLE, PULLED)
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen) and dialog.title_text == "Unsaved edits found"
        assert "1 unsaved edit of" in dialog.message
        assert "changed since these edits were made" in dialog.message
        assert [c.id for c in dialog.choices] == ["apply", "drop", "cancel"]
        await pilot.press("r")
        await pilot.pause()
        document = app.document
        assert document is not None
        assert [p.id for p in document.situation.places].count("badakhshan") == 0
        assert document.situation.header.title.startswith("Pulled:"), "their change stays"
        assert "Applied 1 of 1 unsaved edit onto" in said.text()
        await pilot.press("u")  # the recovery is one undo step
        await pilot.pause()
        assert len(document.situation.places) == 37
        await pilot.press("U", "ctrl+s")
        await pilot.pause()
    saved = load_situation(path)
    assert saved.header.title.startswith("Pulled:") and len(saved.places) == 36
    assert Journal.pending(path) is None, "applied whole: nothing left to offer"


async def test_an_edit_that_no_longer_fits_is_named_and_kept_aside(tmp_path: Path) -> None:
    # Badakhshan, then the third place, deleted; Badakhshan changed in the pull
    keys = ("d", "j", "j", "d")
    path = await crashed_then_pulled(tmp_path, keys, "  capital: Fayzabad", "  capital: Faizabad")
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await answer_offer(pilot, "r")
        assert "Applied 1 of 2 unsaved edits" in said.text()
        warning = said.text("warning")
        assert "1 did not fit" in warning and "'badakhshan' deleted" in warning
        assert "changed in the file since" in warning
        document = app.document
        assert document is not None and len(document.situation.places) == 36
        assert any(p.id == "badakhshan" for p in document.situation.places)
    again = Journal.pending(path)
    assert again is not None and again.count == 2, "kept aside whole, to decide again"


async def test_escape_keeps_the_edits_for_the_next_start(tmp_path: Path) -> None:
    path = await crashed_then_pulled(tmp_path, ("d",), TITLE, PULLED)
    for _ in range(2):  # offered again, and again, until the user decides
        app, said = open_app(path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await answer_offer(pilot, "escape")
            assert "offered again at the next start" in said.text()
            assert app.document is not None and len(app.document.situation.places) == 37
            await pilot.press("d")  # editing goes on, journaled in a slot of its own
            await pilot.pause()
            assert app.guard is not None and app.guard.journal is not None
            assert app.guard.journal.file.read_text(encoding="utf-8").count("\n") == 2
            await pilot.press("u", "q")
            await pilot.pause()
        kept = Journal.pending(path)
        assert kept is not None and kept.count == 1 and kept.file_changed


async def test_dropping_asks_again_and_only_yes_deletes_the_journal(tmp_path: Path) -> None:
    path = await crashed_then_pulled(tmp_path, ("d",), TITLE, PULLED)
    for answer, gone in (("n", False), ("y", True)):
        app, said = open_app(path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await answer_offer(pilot, "d")
            assert isinstance(app.screen, ConfirmScreen) and "for good" in app.screen.question
            await pilot.press(answer)
            await pilot.pause()
            assert ("Dropped 1 unsaved edit" in said.text()) is gone
            assert app.document is not None and len(app.document.situation.places) == 37
        assert (Journal.pending(path) is None) is gone
