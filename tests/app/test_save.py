"""Saving, failing to save, quitting with and without unsaved changes, exporting, recovering."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from sitrep.app.dialogs.choice import ChoiceScreen
from sitrep.app.dialogs.quit import QuitScreen
from sitrep.storage.crash.journal import Journal
from sitrep.yaml.io import dump_situation, load_situation
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, copy_sample, main_screen, open_app


async def test_save_writes_a_file_sitrep_check_accepts(sample_app: SampleApp) -> None:
    app, pilot, said, path = sample_app.app, sample_app.pilot, sample_app.said, sample_app.path
    await pilot.press("d", "ctrl+s")
    await pilot.pause()
    assert not app.document.dirty  # type: ignore[union-attr]
    assert f"Saved {path}" in said.text()
    header = str(main_screen(app).query_one("#header-file").render())
    assert "saved" in header and "unsaved" not in header
    await sample_app.close()
    saved = load_situation(path)  # what `sitrep check` runs
    assert len(saved.places) == 36
    assert path.read_text(encoding="utf-8") == dump_situation(saved), "canonical YAML"


async def test_f2_saves_too(sample_app: SampleApp) -> None:
    pilot, path = sample_app.pilot, sample_app.path
    await pilot.press("d", "f2")
    await pilot.pause()
    await sample_app.close()
    assert len(load_situation(path).places) == 36


async def test_a_failed_save_keeps_the_file_and_the_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = copy_sample(folder)
    before = path.read_bytes()
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: fail as the kernel would for a user

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    app, said = open_app(path)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("d", "ctrl+s")
            await pilot.pause()
            assert app.document.dirty  # type: ignore[union-attr]
            assert len(app.document.situation.places) == 36  # type: ignore[union-attr]
            dialog = app.screen
            assert isinstance(dialog, ChoiceScreen) and dialog.title_text == "Not saved"
            assert "cannot save: permission denied" in dialog.message.lower()
            assert "edits are kept" in dialog.message
            await pilot.press("escape")
            await pilot.pause()
            assert "Not saved: your edits are still here" in said.text("warning")
            assert app.document.dirty  # type: ignore[union-attr]
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [path.name], "no temporary file left"


async def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    path.chmod(0o444)
    app, _ = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("d", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and "read-only" in app.screen.message
        assert app.document.dirty  # type: ignore[union-attr]


async def test_quit_without_changes_just_quits(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("q")
    await pilot.pause()
    assert not app.is_running
    await sample_app.close()
    assert app.return_code == 0


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_with_changes_then_cancel(sample_app: SampleApp, key: str) -> None:
    app, pilot, path = sample_app.app, sample_app.pilot, sample_app.path
    before = path.read_bytes()
    await pilot.press("d", key)
    await pilot.pause()
    assert isinstance(app.screen, QuitScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert app.is_running and not isinstance(app.screen, QuitScreen)
    assert app.document.dirty  # type: ignore[union-attr]
    await sample_app.close()
    assert path.read_bytes() == before


async def test_quit_with_changes_then_discard(sample_app: SampleApp) -> None:
    app, pilot, path = sample_app.app, sample_app.pilot, sample_app.path
    before = path.read_bytes()
    await pilot.press("d", "q", "d")
    await pilot.pause()
    assert not app.is_running
    await sample_app.close()
    assert path.read_bytes() == before
    assert Journal.pending(path) is None, "a clean quit leaves no edits to recover"


async def test_quit_with_changes_then_save(sample_app: SampleApp) -> None:
    app, pilot, path = sample_app.app, sample_app.pilot, sample_app.path
    await pilot.press("d", "q")
    await pilot.pause()
    await pilot.click("#save")
    await pilot.pause()
    assert not app.is_running
    await sample_app.close()
    assert len(load_situation(path).places) == 36


async def test_quit_save_that_fails_stays_open(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    path.chmod(0o444)
    app, _ = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("d", "q", "s")
        await pilot.pause()
        assert app.is_running, "the edits are not lost to a failed save"
        assert isinstance(app.screen, ChoiceScreen) and "read-only" in app.screen.message
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.document.dirty  # type: ignore[union-attr]


async def test_the_sample_is_first_saved_to_local_sitrep_yaml(tmp_path: Path) -> None:
    app, _ = open_app(None, cwd=tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        header = str(main_screen(app).query_one("#header-file").render())
        assert "new: sitrep.yaml" in header and "unsaved" not in header, "not edited yet"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.document.path == tmp_path / "sitrep.yaml"  # type: ignore[union-attr]
        assert not app.document.dirty  # type: ignore[union-attr]
    assert len(load_situation(tmp_path / "sitrep.yaml").places) == 37


async def test_a_file_that_appeared_meanwhile_is_not_clobbered(tmp_path: Path) -> None:
    app, said = open_app(None, cwd=tmp_path)
    target = tmp_path / "sitrep.yaml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        target.write_text("someone else's work\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.title_text == "File already exists"
        assert "reload" not in [c.id for c in app.screen.choices], "it is not our file"
        await pilot.press("escape")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "someone else's work\n"
        assert "Not saved" in said.text()
        await pilot.press("ctrl+s", "o")
        await pilot.pause()
    assert len(load_situation(target).places) == 37


async def test_a_file_changed_on_disk_is_reported_and_not_overwritten_silently(
    sample_app: SampleApp,
) -> None:
    app, pilot, said, path = sample_app.app, sample_app.pilot, sample_app.said, sample_app.path
    await pilot.press("d")
    path.write_text(path.read_text(encoding="utf-8") + "# edited elsewhere\n")
    app.files.safety.check_disk()  # what the 2-second poll does
    await pilot.pause()
    assert "changed on disk" in said.text("warning")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert path.read_text(encoding="utf-8").endswith("# edited elsewhere\n")
    await pilot.press("ctrl+s", "o")
    await pilot.pause()
    assert not app.document.dirty  # type: ignore[union-attr]
    await sample_app.close()
    assert len(load_situation(path).places) == 36


async def test_edits_survive_a_crash_and_are_offered_back(sample_app: SampleApp) -> None:
    app, pilot, path = sample_app.app, sample_app.pilot, sample_app.path
    await pilot.press("d", "j", "d")
    await pilot.pause()
    assert app.guard is not None and app.guard.journal is not None
    app.guard.journal.handle.close()  # what a SIGKILL leaves: the journal, unlocked
    app.guard.journal = None
    await sample_app.close()
    again, said = open_app(path)
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ChoiceScreen)
        assert "2 unsaved edits" in again.screen.message
        assert "changed since" not in again.screen.message
        await pilot.press("enter")  # Recover has focus
        await pilot.pause()
        assert len(again.document.situation.places) == 35  # type: ignore[union-attr]
        assert "Recovered 2 unsaved edits" in said.text()
        await pilot.press("u")
        await pilot.pause()
        assert len(again.document.situation.places) == 37  # type: ignore[union-attr]


async def test_export_writes_the_brief_next_to_the_file(
    sample_app: SampleApp,
    tmp_path: Path,
) -> None:
    pilot, said = sample_app.pilot, sample_app.said
    await pilot.press("x")
    await pilot.pause()
    await sample_app.close()
    brief = tmp_path / "afghanistan.md"
    text = brief.read_text(encoding="utf-8")
    assert text.startswith("# Afghanistan: Taliban offensive")
    assert "from afghanistan.yaml" in text
    assert f"Brief written to {brief}" in said.text()
