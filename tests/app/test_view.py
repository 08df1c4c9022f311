"""Looking around: panes, tab, filter, sort, detail, help, the palette, the live brief."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual import events
from textual.command import CommandPalette
from textual.widgets import Input, Markdown, TabbedContent

from sitrep.app.bindings import KEYS
from sitrep.app.panes import BRIEF, MAP, pane_of
from sitrep.app.screens.help import HelpScreen
from sitrep.app.widgets.brief import BriefView
from sitrep.app.widgets.detail import EntryDetail
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, copy_sample, main_screen, open_app, row_of, table


def detail_text(app: object, pane: str) -> str:
    detail = main_screen(app).query_one(f"#detail-{pane}", EntryDetail)  # type: ignore[arg-type]
    return detail.content.plain


async def test_number_keys_and_tab_walk_every_pane_and_table(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    screen = main_screen(app)
    tabs = screen.query_one(TabbedContent)
    for key, pane in [
        ("2", "evacuations"),
        ("4", "outlook"),
        ("5", "brief"),
        ("1", "territory"),
    ]:
        await pilot.press(key)
        assert tabs.active == f"pane-{pane}"
    stops = []
    for _ in range(9):
        await pilot.press("tab")
        stops.append(screen.stop)
    assert stops == [
        "evacuations",
        "displacement",
        "notes",
        "outlook",
        "sources",
        "parties",
        "brief",
        "map",
        "territory",
    ]
    await pilot.press("shift+tab", "shift+tab")
    assert tabs.active == "pane-brief"
    assert isinstance(app.focused, BriefView)


BURSTS: list[tuple[list[str], str]] = [
    (["2", "3"], "displacement"),
    (["tab", "4", "shift+tab"], "notes"),
    (["5", "6", "1"], "territory"),
    (["3", "2", "tab", "tab"], "notes"),
    (["shift+tab", "6", "shift+tab", "4"], "outlook"),
    (["tab", "tab", "5", "m"], "map"),
    (["1", "b"], "brief"),
]
"""Keys typed in one burst, and where the last of them leaves the user."""


async def test_keys_in_a_burst_leave_the_pane_focus_and_stop_together(
    sample_app: SampleApp,
) -> None:
    """Panes switched faster than the screen settles end on the last key's pane, focused.

    Each switch used to be followed later by the messages of the one before it,
    which switched back (and the next one forth again): a burst could end with one
    pane shown, another one's table focused and a third one's keys in the footer.
    """
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    for keys, stop in BURSTS:
        for key in keys:  # all queued before the first is handled, as a terminal sends them
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(4):  # the keys, then the focus and tab messages they set off
            await pilot.pause()
        screen = sample_app.main
        assert screen.stop == stop, f"{keys}: on {screen.stop}"
        assert screen.query_one(TabbedContent).active == f"pane-{pane_of(stop).id}", keys
        focused = screen.focused
        expected = stop if stop in (BRIEF, MAP) else f"table-{stop}"
        assert focused is not None and focused.id == expected, f"{keys}: {focused}"


async def test_detail_shows_the_selected_entry_with_sources_spelled_out(
    sample_app: SampleApp,
) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    index = row_of(app, "territory", lambda p: p.id == "kandahar")
    table(app, "territory").move_to_index(index)
    await pilot.pause()
    text = detail_text(app, "territory")
    for shown in ("Kandahar", "AF-KAN", "AF27", "31.613, 65.710", "Thu 12 Aug 2021"):
        assert shown in text
    assert "CNN: MP Gul Ahmad Kamin confirms Kandahar has fallen" in text
    assert "[B]" in text and "The second-largest city" in text
    await pilot.press("j")
    await pilot.pause()
    assert "Kapisa" in detail_text(app, "territory")


async def test_filter_as_you_type_and_escape_clears(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    territory = table(app, "territory")
    await pilot.press("slash")
    assert isinstance(app.focused, Input)
    await pilot.press("K", "a", "N")
    await pilot.pause()
    shown = [app.document.situation.territory[i].name for i in territory.visible_indexes()]  # type: ignore[union-attr]
    assert shown == ["Kandahar", "Uruzgan"]  # Uruzgan's note mentions Kandahar
    assert "Kandahar" in detail_text(app, "territory")
    title = str(main_screen(app).view("territory").query_one(".section-title").render())
    assert "2 of 34" in title and "filter: KaN" in title
    await pilot.press("enter", "j")
    assert territory.cursor_index == row_of(app, "territory", lambda p: p.name == "Uruzgan")
    await pilot.press("escape")
    await pilot.pause()
    assert territory.row_count == 34
    assert app.focused is territory


async def test_sort_cycles_columns_and_reverses(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    territory = table(app, "territory")
    situation = app.document.situation  # type: ignore[union-attr]
    await pilot.press("s", "s", "s")  # Place, Capital, then Holder
    await pilot.pause()
    holders = [situation.territory[i].holder for i in territory.visible_indexes()]
    assert holders == ["government"] * 16 + ["taliban"] * 18  # by name: Government first
    await pilot.press("s", "s")  # Confidence, then Since
    await pilot.press("S")
    await pilot.pause()
    dates = [situation.territory[i].since for i in territory.visible_indexes()]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=True)
    title = str(main_screen(app).view("territory").query_one(".section-title").render())
    assert "sorted by Since ▼" in title


async def test_help_lists_every_binding_grouped(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    text = "\n".join(str(w.render()) for w in app.screen.query(".help-column"))
    for key in KEYS:
        assert key.title in text, key.id
    for group in ("FILE", "EDIT", "PANES", "TABLE", "ROWS", "HELP"):
        assert group in text
    assert "^s f2" in text and "u ^z" in text
    await pilot.press("escape")
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("q")
    await pilot.pause()
    assert not isinstance(app.screen, HelpScreen)
    assert app.is_running, "q closes help, it does not quit"


async def test_palette_lists_the_actions_and_runs_them(
    sample_app: SampleApp,
    tmp_path: Path,
) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*"export the brief")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause(0.5)
    assert (tmp_path / "afghanistan.md").exists()
    assert "Brief written to" in said.text()


async def test_palette_commands_come_from_the_bindings(sample_app: SampleApp) -> None:
    from sitrep.app.commands import BindingCommands

    app, pilot = sample_app.app, sample_app.pilot
    await pilot.pause()
    provider = BindingCommands(main_screen(app))
    names = [name for name, _, _ in provider.commands()]
    assert names == [k.title for k in KEYS if k.palette]  # territory has focus: all apply
    await pilot.press("2")
    names = [name for name, _, _ in provider.commands()]
    assert "Change the holder" not in names


async def test_brief_pane_follows_edits(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("b")
    await pilot.pause(0.5)
    brief = main_screen(app).query_one(BriefView)
    assert "# Afghanistan: Taliban offensive" in brief.text
    assert "Taliban: 18 of 34 capitals" in brief.text
    await pilot.press("1")
    index = row_of(app, "territory", lambda p: p.id == "kandahar")
    table(app, "territory").move_to_index(index)
    await pilot.press("d", "b")
    await pilot.pause(0.8)
    assert "Taliban: 17 of 33 capitals" in brief.text
    assert main_screen(app).query_one(Markdown).source == brief.text


async def test_brief_links_are_not_followed(tmp_path: Path, monkeypatch: object) -> None:
    opened: list[str] = []
    app, _ = open_app(copy_sample(tmp_path))
    app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause(0.5)
        markdown = main_screen(app).query_one(Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "https://www.unocha.org/"))
        await pilot.pause()
    assert opened == []


async def test_copy_brief_puts_it_on_the_clipboard(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("Y")
    await pilot.pause()
    assert app.clipboard.startswith("# Afghanistan: Taliban offensive")
    assert "copied" in said.text()


async def test_map_pane_follows_the_territory_table_and_edits(tmp_path: Path) -> None:
    from sitrep.app.widgets.map.pane import MapPane
    from sitrep.storage.sample import data_path

    shutil.copyfile(
        data_path("afghanistan-outline.geojson"), tmp_path / "afghanistan-outline.geojson"
    )
    app, said = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        index = row_of(app, "territory", lambda p: p.id == "kandahar")
        table(app, "territory").move_to_index(index)
        await pilot.press("m")
        await pilot.pause()
        pane = main_screen(app).query_one(MapPane)
        assert app.focused is pane
        assert pane.selected_place_id == "kandahar", "the map opens on the table's place"
        await pilot.press("up")  # the nearest place to the north
        await pilot.pause()
        moved = pane.selected_place_id
        assert moved not in (None, "kandahar")
        assert table(app, "territory").cursor_index == row_of(
            app, "territory", lambda p: p.id == moved
        )
        await pilot.press("h", "2", "enter")  # the holder quick action works on the map's place
        await pilot.pause()
        place = next(p for p in app.document.situation.territory if p.id == moved)  # type: ignore[union-attr]
        assert place.holder == "government"
        assert isinstance(app.focused, MapPane), "the map keeps focus after the edit"
        assert said.text("error") == ""


async def test_a_long_detail_scrolls_by_keyboard(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    index = row_of(app, "territory", lambda p: p.id == "kandahar")  # six sources, long note
    table(app, "territory").move_to_index(index)
    await pilot.pause()
    detail = main_screen(app).query_one("#detail-territory", EntryDetail)
    assert detail.virtual_size.height > detail.scrollable_content_region.height
    await pilot.press("J", "J")
    await pilot.pause()
    assert detail.scroll_y == 8
    await pilot.press("K")
    await pilot.pause()
    assert detail.scroll_y == 4
    await pilot.press("j")  # another entry: the detail starts at its top
    await pilot.pause()
    assert detail.scroll_y == 0


async def test_palette_ranks_the_action_named_first(sample_app: SampleApp) -> None:
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("d")  # something to undo
    await pilot.pause()
    await pilot.press("ctrl+p", *"und")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause(0.5)
    assert len(app.document.situation.territory) == 34  # type: ignore[union-attr]
    assert "Undid: delete Badakhshan" in said.text()
