"""Help shows each binding's id (users remap by id) and fits an 80-column terminal (issue 13)."""

from __future__ import annotations

from textual.widgets import Static

from sitrep.app.bindings import KEYS
from sitrep.app.screens.help import HelpScreen
from tests.app.conftest import SampleApp
from tests.app.keys import burst


def help_lines(sample_app: SampleApp) -> list[str]:
    screen = sample_app.app.screen
    assert isinstance(screen, HelpScreen)
    return [
        line
        for column in screen.query(".help-column").results(Static)
        for line in str(column.render()).splitlines()
    ]


async def test_help_shows_every_binding_id_next_to_its_keys(sample_app: SampleApp) -> None:
    await burst(sample_app.pilot, "question_mark")
    lines = help_lines(sample_app)
    for key in KEYS:
        assert any(key.id in line.split() and key.title in line for line in lines), key.id
    assert any("form.save" in line for line in lines), "the forms' ids too"
    assert any("matched in" in line for line in lines), "how the filter matches"


async def test_help_fits_80_columns(sample_app: SampleApp) -> None:
    await sample_app.pilot.resize_terminal(80, 24)
    await burst(sample_app.pilot, "f1")
    screen = sample_app.app.screen
    assert isinstance(screen, HelpScreen)
    for column in screen.query(".help-column").results(Static):
        assert column.region.right <= 80
        widest = max(len(line) for line in str(column.render()).splitlines())
        assert column.content_size.width >= widest
    title = screen.query_one(".dialog-title", Static)
    assert title.size.width >= len(str(title.render())), "the remap hint is not cut"
