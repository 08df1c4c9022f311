"""Hostile text in the data shows literally, runs nothing when clicked, never reaches the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.app.widgets.detail import EntryDetail
from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import (
    ControlChange,
    Evacuation,
    FigureEntry,
    FigurePoint,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Header, Situation
from sitrep.storage.store import save_situation
from tests.app.host import SIZE, main_screen, open_app, table

MARKUP = "[bold]bold?[/] [/] [@click=app.quit]click me[/]"
ESCAPE = "\x1b]0;pwned\x07 \x1b[2J cleared?"
RTL = "مرحبا \u202eevil\u202c"
WIDE = "漢字 🚀 emoji"
LONG = "z" * 10_000


def held(**fields: object) -> ControlChange:
    return ControlChange(holder="p1", sources=["s1"], **fields)  # type: ignore[arg-type]


def hostile_file(folder: Path) -> Path:
    situation = Situation(
        header=Header(title=f"Title {MARKUP}", region=ESCAPE, as_of=dt.date(2021, 8, 13)),
        parties=[Party(id="p1", name=MARKUP, short=f"[red]{WIDE}")],
        sources=[Source(id="s1", publisher=ESCAPE, title=MARKUP)],
        places=[
            Place(
                id="a",
                name=MARKUP,
                capital=ESCAPE,
                control=[held(according_to=MARKUP, note=ESCAPE, confidence="claimed")],
                note=LONG,
                sources=["s1"],
            ),
            Place(id="b", name=RTL, capital=WIDE, control=[held()], note=f"{MARKUP}\n{ESCAPE}"),
            Place(id="c", name=LONG, control=[held()], lat=1.0, lon=2.0),
        ],
        evacuations=[Evacuation(actor=MARKUP, status="announced", purpose=ESCAPE)],
        figures=[
            FigureEntry(
                id="f",
                counted=MARKUP,
                area=ESCAPE,
                series=[
                    FigurePoint(
                        as_of=FuzzyDate.parse("2021-08-13"),
                        value=Figure.parse("about 600"),
                        note=MARKUP,
                        sources=["s1"],
                    )
                ],
            )
        ],
        notes=[Note(date=dt.date(2021, 8, 13), text=f"{MARKUP} {ESCAPE} {RTL} {WIDE}")],
    )
    path = folder / "hostile.yaml"
    save_situation(situation, path)
    return path


def table_text(app: object, section: str) -> str:
    t = table(app, section)  # type: ignore[arg-type]
    return "\n".join(t.render_line(y).text for y in range(t.scrollable_content_region.height))


async def test_hostile_text_shows_literally_everywhere(tmp_path: Path) -> None:
    app, said = open_app(hostile_file(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        text = table_text(app, "places")
        assert "[bold]bold?[/] [/] [@…" in text  # literal, and cut to the column's width
        assert "\x1b" not in text
        assert "\u202e" not in text and "مرحبا" in text
        assert "[red]漢字 🚀" in text  # wide characters, cut on a cell boundary
        detail = main_screen(app).query_one("#detail-places", EntryDetail).content.plain
        assert MARKUP in detail and "␛]0;pwned␇" in detail and "\x1b" not in detail
        assert LONG[:500] in detail.replace("\n", "")
        header = " ".join(str(w.render()) for w in main_screen(app).query("#header Static"))
        assert f"Title {MARKUP}" in header
        figures = " ".join(str(w.render()) for w in main_screen(app).query(".figure-card"))
        assert "[red]" in figures and "\x1b" not in figures
        assert "according to [bold]bold?[/]" in " ".join(detail.split())
        await pilot.press("3")
        await pilot.pause()
        figures = table_text(app, "figures")
        assert "[bold]bold?[/] [/] [@click=" in figures and "\x1b" not in figures
        assert "␛]0;pwned␇" in " ".join(
            main_screen(app).query_one("#detail-humanitarian", EntryDetail).content.plain.split()
        )
        await pilot.press("tab")
        await pilot.pause()
        assert "[@click=app.quit]" in table_text(app, "notes")
        await pilot.press("d")  # the notification names the note: literally
        await pilot.pause()
        assert "Deleted [bold]bold?[/] [/]… (u to undo)" in said.text()


async def test_clicking_hostile_text_runs_nothing(tmp_path: Path) -> None:
    app, _ = open_app(hostile_file(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for x in range(2, 60, 3):  # across the first row, where [@click=app.quit] is
            await pilot.click("#table-places", offset=(x, 1))
        for y in range(0, 6):
            for x in range(0, 40, 4):
                await pilot.click("#detail-places", offset=(x, y))
        for x in range(0, 118, 4):
            await pilot.click("#header", offset=(x, 0))
        await pilot.pause()
        assert app.is_running, "[@click=app.quit] in the data did not quit"
        assert not app.document.dirty  # type: ignore[union-attr]


async def test_no_escape_sequence_from_the_data_reaches_the_terminal(tmp_path: Path) -> None:
    app, _ = open_app(hostile_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        for key in ("1", "2", "3", "4", "5", "6"):
            await pilot.press(key)
            await pilot.pause(0.3)
            screen = app.export_screenshot()
            assert "pwned\x07" not in screen and "\x1b]0;" not in screen
            assert "\x1b[2J" not in screen
