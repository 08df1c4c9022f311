"""Settings mistakes the app explains: an unknown theme, a remap that takes another's key."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import write_settings
from tests.app.host import SIZE, copy_sample, open_app


async def warnings_for(tmp_path: Path, settings: str) -> tuple[str, str]:
    """What the app warned about at start with these settings, and the theme it shows."""
    write_settings(settings)
    app, said = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        return said.text("warning"), app.theme


async def test_an_unknown_theme_lists_the_themes(tmp_path: Path) -> None:
    warning, theme = await warnings_for(tmp_path, 'theme = "solarised-nope"\n')
    assert "no theme 'solarised-nope'" in warning and "sitrep" in warning
    assert "nord" in warning and "register_theme" not in warning
    assert theme == "sitrep"


async def test_a_remap_that_takes_another_actions_key_says_so(tmp_path: Path) -> None:
    warning, _ = await warnings_for(tmp_path, '[keys]\nadd = "d"\n')
    assert "[keys] add = 'd': d is also delete" in warning


async def test_a_remap_to_a_free_key_says_nothing(tmp_path: Path) -> None:
    warning, _ = await warnings_for(tmp_path, '[keys]\nadd = "n,insert"\n')
    assert warning == ""
