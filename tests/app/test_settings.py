"""Settings in the app: key remaps, a broken file, the theme written back."""

from __future__ import annotations

import pytest

from sitrep.app.screens.help import HelpScreen
from sitrep.settings import load_settings, settings_path
from sitrep.yaml.io import load_situation
from tests.app.conftest import Opening, SampleApp


def with_settings(text: str) -> pytest.MarkDecorator:
    """Open the sample with this settings file in place."""
    return pytest.mark.parametrize(
        "sample_app", [Opening(settings=text)], ids=["settings"], indirect=True
    )


@with_settings('[keys]\nsave = "ctrl+w"\ndelete = "X"\n')
async def test_keymap_from_settings_remaps_a_key(sample_app: SampleApp) -> None:
    app, pilot, said, path = sample_app.app, sample_app.pilot, sample_app.said, sample_app.path
    await pilot.press("d")  # no longer delete
    await pilot.pause()
    assert not app.document.dirty  # type: ignore[union-attr]
    await pilot.press("X", "ctrl+s")  # delete by its new key; ctrl+s no longer saves
    await pilot.pause()
    assert app.document.dirty  # type: ignore[union-attr]
    await pilot.press("ctrl+w")
    await pilot.pause()
    assert not app.document.dirty  # type: ignore[union-attr]
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    text = "\n".join(str(w.render()) for w in app.screen.query(".help-column"))
    file_keys = text.split("EDIT")[0]  # forms keep their own save key (form.save)
    assert "^w" in file_keys and "^s f2" not in file_keys
    assert said.text("warning") == ""
    await sample_app.close()
    assert len(load_situation(path).places) == 36


@with_settings('[keys]\nsaev = "ctrl+w"\n')
async def test_unknown_binding_ids_are_reported(sample_app: SampleApp) -> None:
    pilot, said = sample_app.pilot, sample_app.said
    await pilot.pause()
    assert "unknown binding ids saev" in said.text("warning")


@with_settings("theme = [\n")
async def test_a_broken_settings_file_is_reported_and_ignored(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("d")
    await pilot.pause()
    assert app.is_running and app.document.dirty  # type: ignore[union-attr]
    warning = said.text("warning")
    assert str(settings_path()) in warning and "using defaults" in warning


@with_settings('theme = "no-such-theme"\n')
async def test_an_unknown_theme_is_reported(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.pause()
    assert "no-such-theme" in said.text("warning")
    assert app.theme != "no-such-theme"


@with_settings('theme = "nord"\nproduced_by = "OCHA desk"\n')
async def test_the_theme_from_settings_is_used_and_a_change_is_written_back(
    sample_app: SampleApp,
) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    assert app.theme == "nord"
    app.theme = "gruvbox"  # what picking it in the theme palette does
    await pilot.pause()
    await sample_app.close()
    settings, problem = load_settings()
    assert problem is None
    assert settings.theme == "gruvbox"
    assert settings.produced_by == "OCHA desk", "other settings are kept"


@with_settings('# my settings\ntheme = "nord"  # calm\nproduced_by = "OCHA desk"\n')
async def test_a_theme_change_writes_back_only_the_theme_key(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.pause()
    # Edited by hand while sitrep runs: a key remap added.
    path = settings_path()
    path.write_text(path.read_text(encoding="utf-8") + '[keys]\nsave = "ctrl+w"\n')
    app.theme = "gruvbox"  # what picking it in the theme palette does
    await pilot.pause()
    assert said.text("error") == ""
    await sample_app.close()
    assert settings_path().read_text(encoding="utf-8") == (
        '# my settings\ntheme = "gruvbox"  # calm\nproduced_by = "OCHA desk"\n'
        '[keys]\nsave = "ctrl+w"\n'
    )


BROKEN = '# desk settings\ntheme = "nord"\nthme = "typo"\n[keys]\nsave = "ctrl+w"\n'


@with_settings(BROKEN)
async def test_a_settings_file_that_did_not_load_cleanly_is_never_written(
    sample_app: SampleApp,
) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.pause()
    assert "thme" in said.text("warning")
    app.theme = "gruvbox"
    await pilot.pause()
    assert app.theme == "gruvbox", "used for this session"
    error = said.text("error")
    assert "Theme not saved" in error and "fix the file first" in error
    await sample_app.close()
    assert settings_path().read_text(encoding="utf-8") == BROKEN
