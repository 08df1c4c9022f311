"""Looking around: panes, tab, filter, sort, detail, help, the palette, the live brief."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, TabbedContent

from sitrep.app.bindings import KEYS
from sitrep.app.screens.help import HelpScreen
from sitrep.app.widgets.brief import BriefView
from sitrep.app.widgets.detail import EntryDetail
from tests.app.conftest import Opening, SampleApp
from tests.app.host import main_screen, row_of, table


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
        ("1", "places"),
    ]:
        await pilot.press(key)
        assert tabs.active == f"pane-{pane}"
    stops = []
    for _ in range(10):
        await pilot.press("tab")
        stops.append(screen.stop)
    assert stops == [
        "evacuations",
        "figures",
        "notes",
        "outlook",
        "sources",
        "parties",
        "brief",
        "map",
        "timeline",
        "places",
    ]
    await pilot.press("shift+tab", "shift+tab", "shift+tab")
    assert tabs.active == "pane-brief"
    assert isinstance(app.focused, BriefView)


async def test_detail_shows_the_selected_entry_with_its_history(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    index = row_of(app, "places", lambda p: p.id == "kandahar")
    table(app, "places").move_to_index(index)
    await pilot.pause()
    text = " ".join(detail_text(app, "places").split())
    for shown in ("Kandahar", "AF-KAN", "AF27", "31.613, 65.710", "province"):
        assert shown in text
    assert "Control ● held by the Taliban, since 12 Aug 2021" in text
    newest, oldest = text.index("12 Aug 2021 ● held by"), text.index("before ● held by")
    assert text.index("Control history, newest first") < newest < oldest
    assert "by fighting; sources: RFE/RL" in text and "CNN" in text
    assert "(before records begin)" in text
    assert "Sources about the place" in text and "[B]" in text
    assert "The second-largest city" in text
    await pilot.press("j")
    await pilot.pause()
    assert "Kapisa" in detail_text(app, "places")


async def test_detail_shows_a_figure_with_its_values_and_a_party_with_its_seat(
    sample_app: SampleApp,
) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("3")
    await pilot.pause()
    text = " ".join(detail_text(app, "humanitarian").split())
    assert "IDPs (conflict-induced, verified)" in text and "Counted by OCHA" in text
    assert "Values, newest first 8 Aug 2021 389,645 · sources: UN OCHA" in text
    await pilot.press("4", "tab", "tab", "j")  # the parties: the government
    await pilot.pause()
    text = " ".join(detail_text(app, "outlook").split())
    assert "Seat Kabul" in text and "Side republic" in text


async def test_filter_as_you_type_and_escape_clears(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    places = table(app, "places")
    await pilot.press("slash")
    assert isinstance(app.focused, Input)
    await pilot.press("K", "a", "N")
    await pilot.pause()
    shown = [app.document.situation.places[i].name for i in places.visible_indexes()]  # type: ignore[union-attr]
    # Uruzgan's note mentions Kandahar; the airport and the town are within it
    assert shown == ["Kandahar", "Uruzgan", "Kandahar airport", "Spin Boldak"]
    assert "Kandahar" in detail_text(app, "places")
    title = str(main_screen(app).view("places").query_one(".section-title").render())
    assert "4 of 37" in title and "filter: KaN" in title
    await pilot.press("enter", "j")
    assert places.cursor_index == row_of(app, "places", lambda p: p.name == "Uruzgan")
    await pilot.press("escape")
    await pilot.pause()
    assert places.row_count == 37
    assert app.focused is places


async def test_sort_cycles_columns_and_reverses(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    places = table(app, "places")
    situation = app.document.situation  # type: ignore[union-attr]
    await pilot.press("s", "s", "s", "s")  # Place, Kind, Capital, then Control
    await pilot.pause()
    holders = [situation.places[i].holder for i in places.visible_indexes()]
    assert holders == ["government"] * 17 + ["taliban"] * 20  # by name: Government first
    await pilot.press("s", "s")  # Confidence, then Since
    await pilot.press("S")
    await pilot.pause()
    dates = [situation.places[i].since for i in places.visible_indexes()]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=True)
    title = str(main_screen(app).view("places").query_one(".section-title").render())
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
    sample_app: SampleApp, tmp_path: Path
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
    # places have focus: all apply but the day steps (on the map, or once viewing a date)
    steps = ("day_back", "day_forward")
    assert names == [k.title for k in KEYS if k.palette and k.id not in steps]
    await pilot.press("2")
    names = [name for name, _, _ in provider.commands()]
    assert not any(name.startswith("Record a change of control") for name in names)


async def drawn(pilot: object, brief: BriefView, words: str) -> str:
    """The brief pane's text once it shows words (it is drawn in a thread)."""
    for _ in range(250):
        shown = "\n".join(brief.plain_lines())
        if words in shown:
            return shown
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    raise AssertionError(f"the brief never showed {words!r}")


async def test_brief_pane_follows_edits(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("b")
    await pilot.pause(0.5)
    brief = main_screen(app).query_one(BriefView)
    assert "# Afghanistan: Taliban offensive" in brief.text
    assert "The Taliban: 18 of 34 provinces (16 confirmed, 2 reported)" in brief.text
    await drawn(pilot, brief, "The Taliban: 18 of 34 provinces")
    await pilot.press("1")
    index = row_of(app, "places", lambda p: p.id == "herat")
    table(app, "places").move_to_index(index)
    await pilot.press("d", "b")
    await pilot.pause(0.8)
    assert "The Taliban: 17 of 33 provinces (15 confirmed, 2 reported)" in brief.text
    shown = await drawn(pilot, brief, "The Taliban: 17 of 33 provinces")
    assert "18 of 34 provinces" not in shown


async def test_brief_links_are_shown_but_cannot_be_followed(sample_app: SampleApp) -> None:
    opened: list[str] = []
    app, pilot = sample_app.app, sample_app.pilot
    app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
    await pilot.press("b")
    brief = main_screen(app).query_one(BriefView)
    shown = await drawn(pilot, brief, "https://reliefweb.int/")
    assert "](https://" not in shown, "the link is drawn as text, not as Markdown"
    styled = [seg.style for strip in brief.lines for seg in strip if seg.style is not None]
    assert styled and not any(style.link or style.meta for style in styled)
    await pilot.click(BriefView, offset=(10, 10))
    await sample_app.close()
    assert opened == []


async def test_a_long_brief_is_drawn_while_the_keys_go_on(
    sample_app: SampleApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The brief is drawn off the UI thread: here the drawing waits until a key has been
    handled, which could never happen if it ran on the UI thread."""
    import threading

    from sitrep.app.widgets import brief as brief_module

    key_handled = threading.Event()
    real = brief_module.render_lines

    def slow(text: str, width: int, styles: dict[str, str] | None = None) -> list[object]:
        assert key_handled.wait(30), "no key was handled while the brief was drawn"
        return real(text, width, styles)  # type: ignore[return-value]

    monkeypatch.setattr(brief_module, "render_lines", slow)
    app, pilot = sample_app.app, sample_app.pilot
    await pilot.press("b")
    brief = main_screen(app).query_one(BriefView)
    await pilot.press("1")  # back to the places while the brief is being drawn
    assert main_screen(app).stop == "places"
    key_handled.set()
    await pilot.press("b")
    await drawn(pilot, brief, "Key figures")


async def test_copy_brief_puts_it_on_the_clipboard(
    sample_app: SampleApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through a real clipboard tool (here a stand-in xclip that keeps what it is given)."""
    tools = tmp_path / "bin"
    tools.mkdir()
    kept = tmp_path / "clipboard.txt"
    fake = tools / "xclip"
    fake.write_text(f"#!/bin/sh\n{shutil.which('cat')} > {kept}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("Y")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert kept.read_text(encoding="utf-8").startswith("# Afghanistan: Taliban offensive")
    assert "Brief copied to the clipboard (xclip)" in said.text()


async def test_copy_brief_without_a_clipboard_tool_says_where_the_file_is(
    sample_app: SampleApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    await pilot.press("Y")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert "copied" not in said.text()
    from sitrep.storage.statedir import state_dir

    written = state_dir() / "clipboard" / "brief.md"
    assert written.read_text(encoding="utf-8").startswith("# Afghanistan: Taliban offensive")
    assert f"the brief is in {written}" in said.text("warning")


@pytest.mark.parametrize(
    "sample_app", [Opening(beside=("afghanistan-outline.geojson",))], ids=["outline"], indirect=True
)
async def test_map_pane_follows_the_places_table_and_edits(sample_app: SampleApp) -> None:
    from sitrep.app.widgets.map.pane import MapPane

    app, pilot, said = sample_app.app, sample_app.pilot, sample_app.said
    index = row_of(app, "places", lambda p: p.id == "kandahar")
    table(app, "places").move_to_index(index)
    await pilot.press("m")
    await pilot.pause()
    pane = main_screen(app).query_one(MapPane)
    assert app.focused is pane
    assert pane.selected_place_id == "kandahar", "the map opens on the table's place"
    await pilot.press("up")  # the nearest place to the north
    await pilot.pause()
    moved = pane.selected_place_id
    assert moved not in (None, "kandahar")
    assert table(app, "places").cursor_index == row_of(app, "places", lambda p: p.id == moved)
    await pilot.press("h", "2", "enter")  # the holder quick action works on the map's place
    await pilot.pause()
    place = next(p for p in app.document.situation.places if p.id == moved)  # type: ignore[union-attr]
    assert place.holder == "government"
    assert isinstance(app.focused, MapPane), "the map keeps focus after the edit"
    assert said.text("error") == ""


async def test_a_long_detail_scrolls_by_keyboard(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    index = row_of(app, "places", lambda p: p.id == "kandahar")  # six sources, long note
    table(app, "places").move_to_index(index)
    await pilot.pause()
    detail = main_screen(app).query_one("#detail-places", EntryDetail)
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
    assert len(app.document.situation.places) == 37  # type: ignore[union-attr]
    assert "Undid: delete Badakhshan" in said.text()
