"""The map pane driven like a user: arrows, enter, selection from a table, live updates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static

from sitrep.app.widgets.map.canvas import MapCanvas
from sitrep.app.widgets.map.pane import MapPane
from sitrep.model.entries import ControlChange
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from tests.app.host import Recorder
from tests.app.map.host import MapHost


def pane(app: MapHost) -> MapPane:
    return app.query_one(MapPane)


def canvas_text(app: MapHost) -> str:
    canvas = app.query_one(MapCanvas)
    return "\n".join(canvas.render_line(y).text for y in range(canvas.size.height))


def legend_text(app: MapHost) -> str:
    return str(app.query_one("#map-legend", Static).render())


def detail_text(app: MapHost) -> str:
    return str(app.query_one("#map-detail", Static).render())


def replace_place(situation: Situation, place_id: str, **changes: object) -> None:
    i = next(i for i, p in enumerate(situation.places) if p.id == place_id)
    situation.places[i] = situation.places[i].model_copy(update=changes)


def take(situation: Situation, place_id: str, holder: str) -> None:
    """A change of control to holder, dated the report's day."""
    place = situation.place(place_id)
    assert place is not None
    change = ControlChange(date=situation.header.as_of, holder=holder)
    replace_place(situation, place_id, control=[*place.control, change])


async def test_starts_on_the_seat_of_government_and_draws_every_place() -> None:
    app = MapHost()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert pane(app).selected_place_id == "kabul"
        assert "Kabul" in detail_text(app) and "seat of Government" in detail_text(app)
        text = canvas_text(app)
        assert "★" in text and "Kabul" in text
        assert sum(text.count(g) for g in "●○◐★◆") >= 35  # a couple may share a cell
        assert any("\u2800" < ch <= "\u28ff" for ch in text)  # the braille outline
        assert "Taliban" in legend_text(app) and "18" in legend_text(app)
        assert "Natural Earth" in legend_text(app) and " km" in legend_text(app)
        assert app.selected == []  # the initial selection is not announced


async def test_arrow_keys_move_to_the_nearest_place_in_that_direction() -> None:
    app = MapHost()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("up")
        assert pane(app).selected_place_id == "parwan"
        await pilot.press("down")
        assert pane(app).selected_place_id == "kabul"
        await pilot.press("right")
        assert pane(app).selected_place_id == "laghman"
        # Back west, Mahmud-i-Raqi (Kapisa) is nearer than Kabul and within the cone.
        await pilot.press("left")
        assert pane(app).selected_place_id == "kapisa"
        await pilot.press("down", "left")
        assert pane(app).selected_place_id == "wardak"
        assert app.selected == ["parwan", "kabul", "laghman", "kapisa", "kabul", "wardak"]
        assert "Wardak (capital Maidan Shar)" in detail_text(app)


async def test_arrow_with_nothing_that_way_stays_put() -> None:
    app = MapHost()
    async with app.run_test(size=(120, 40)) as pilot:
        pane(app).select("nimroz")  # Zaranj, the south-west corner
        await pilot.press("left")
        assert pane(app).selected_place_id == "nimroz"
        assert app.selected == []


async def test_enter_posts_edit_place() -> None:
    app = MapHost()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.edits == ["logar"]
        await pilot.press("up", "e")  # e edits too, as in the tables
        await pilot.pause()
        assert app.edits == ["logar", "wardak"]  # Maidan Shar is nearer north than Kabul


async def test_select_from_a_table_row_highlights_without_echo() -> None:
    app = MapHost()
    async with app.run_test(size=(120, 40)) as pilot:
        assert pane(app).select("kandahar") is True
        await pilot.pause()
        assert pane(app).selected_place_id == "kandahar"
        assert "Kandahar" in detail_text(app) and "Taliban" in detail_text(app)
        canvas = app.query_one(MapCanvas)
        layout = canvas.mark_layout
        assert layout is not None and canvas.data is not None
        mark = next(i for i, m in enumerate(canvas.data.marks) if m.place_id == "kandahar")
        col, row = layout.positions[mark]
        cell = canvas.render_line(row).crop(col, col + 1)
        style = next(iter(cell)).style
        assert style is not None and style.bgcolor is not None  # highlighted
        assert app.selected == []  # select() does not post PlaceSelected back
        assert pane(app).select("no-such-place") is False
        assert pane(app).selected_place_id is None


async def test_changed_holder_recolours_and_recounts() -> None:
    app = MapHost()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        canvas = app.query_one(MapCanvas)
        before = canvas.data
        assert before is not None
        balkh = next(m for m in before.marks if m.place_id == "balkh")
        assert balkh.color == "#56B4E9"
        take(app.situation, "balkh", "taliban")
        pane(app).refresh_places()
        await pilot.pause()
        after = canvas.data
        assert after is not None
        assert next(m for m in after.marks if m.place_id == "balkh").color == "#E69F00"
        legend = legend_text(app)
        assert "Taliban" in legend and "19" in legend and "15" in legend


async def test_click_selects_and_announces() -> None:
    app = MapHost()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        canvas = app.query_one(MapCanvas)
        assert canvas.mark_layout is not None and canvas.data is not None
        mark = next(i for i, m in enumerate(canvas.data.marks) if m.place_id == "herat")
        col, row = canvas.mark_layout.positions[mark]
        await pilot.click(MapCanvas, offset=(col, row))
        await pilot.pause()
        assert pane(app).selected_place_id == "herat"
        assert app.selected == ["herat"]


async def test_bad_outline_is_notified_and_places_still_drawn(tmp_path: Path) -> None:
    (tmp_path / "afghanistan-outline.geojson").write_text(
        json.dumps({"type": "Point", "coordinates": [1, 2]}), encoding="utf-8"
    )
    app = MapHost(base=tmp_path)
    said = Recorder(app)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert any(
            "Point" in message and severity == "error" for message, severity in said.messages
        )
        text = canvas_text(app)
        assert "★" in text and not any("\u2800" < ch <= "\u28ff" for ch in text)


async def test_update_situation_and_resize() -> None:
    from sitrep.yaml.io import load_situation

    app = MapHost()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        other = load_situation(sample_path())
        other.places = [p for p in other.places if p.id in ("herat", "kabul", "kandahar")]
        pane(app).update_situation(other)
        await pilot.pause()
        assert "Control of 3 provinces" in legend_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = canvas_text(app)
        assert all(name in text for name in ("Herat", "Kabul", "Kandahar"))


async def test_every_binding_has_an_id_and_a_description() -> None:
    for binding in MapPane.BINDINGS:
        assert not isinstance(binding, tuple | str)
        assert binding.id and binding.id.startswith("map_")
        assert binding.description


async def test_hostile_names_show_literally() -> None:
    from sitrep.yaml.io import load_situation

    situation = load_situation(sample_path())
    replace_place(situation, "nimroz", capital="[/]Za\x1b[2Jr[@click=app.quit]")
    situation.parties[0] = situation.parties[0].model_copy(update={"short": "[b]T[/b]"})
    app = MapHost(situation)
    async with app.run_test(size=(120, 40)) as pilot:
        pane(app).select("nimroz")
        await pilot.pause()
        assert "[/]Za␛[2Jr[@click=app.quit]" in detail_text(app)
        assert "[/]Za␛[2Jr[@" in canvas_text(app)  # the label, cut to fit
        assert "[b]T[/b]" in legend_text(app)
        assert app.is_running


async def test_narrow_pane_hides_the_legend() -> None:
    app = MapHost()
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        assert not app.query_one("#map-legend", Static).display
        assert "★" in canvas_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.query_one("#map-legend", Static).display


async def test_outline_is_rasterised_once_per_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.app.widgets.map import canvas as map_canvas

    calls: list[tuple[int, int]] = []
    real = map_canvas.outline_rows

    def counting(data, projection, cols, rows):  # type: ignore[no-untyped-def]
        calls.append((cols, rows))
        return real(data, projection, cols, rows)

    monkeypatch.setattr(map_canvas, "outline_rows", counting)
    app = MapHost()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = len(calls)
        assert first >= 1
        await pilot.press("up", "right", "down", "left", "left")
        pane(app).select("herat")
        await pilot.pause()
        assert len(calls) == first  # moving the selection never rasterises again
        take(app.situation, "balkh", "taliban")
        pane(app).refresh_places()
        await pilot.pause()
        assert len(calls) == first  # same bounds and size: the cached outline is reused
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert len(calls) > first


async def test_every_state_of_control_has_its_mark_and_the_legend_counts_as_the_strip() -> None:
    from sitrep.model.derived.control import control_summary, headline_places
    from sitrep.yaml.io import load_situation

    situation = load_situation(sample_path())
    day = situation.header.as_of

    def record(place_id: str, **fields: object) -> None:
        place = situation.place(place_id)
        assert place is not None
        change = ControlChange(date=day, **fields)  # type: ignore[arg-type]
        replace_place(situation, place_id, control=[*place.control, change])

    record("balkh", state="contested", parties=["taliban", "government"])
    record("kunar", state="besieged", holder="government", by=["taliban"])
    record("herat", state="partial", holder="taliban", parties=["government"])
    record("bamyan", state="unclear")
    app = MapHost(situation)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text, legend = canvas_text(app), legend_text(app)
        for glyph in "●◆◐◉◩◌★":
            assert glyph in text, glyph
        canvas = app.query_one(MapCanvas)
        assert canvas.mark_layout is not None and canvas.data is not None

        def style(place_id: str) -> object:
            mark = next(i for i, m in enumerate(canvas.data.marks) if m.place_id == place_id)  # type: ignore[union-attr]
            col, row = canvas.mark_layout.positions[mark]  # type: ignore[union-attr]
            return next(iter(canvas.render_line(row).crop(col, col + 1))).style

        contested = style("balkh")
        assert contested.color.name.lower() == "#e69f00"  # type: ignore[attr-defined]
        assert contested.bgcolor is not None  # type: ignore[attr-defined]  # the other side
        assert style("kandahar").underline  # type: ignore[attr-defined]  # fell on 12 Aug
        assert not style("bamyan").underline  # type: ignore[attr-defined]
        _, headline = headline_places(situation)
        summary = control_summary(situation, places=headline)
        for count in summary.holding:
            party = situation.party(count.party_id)
            assert party is not None
            line = next(line for line in legend.splitlines() if party.label in line)
            assert line.split()[-1] == str(count.held)
        assert "Contested" in legend and "Control unclear" in legend
        changed = sum(1 for m in canvas.data.marks if m.changed)
        line = next(line for line in legend.splitlines() if "changed hands" in line)
        assert changed and line.split()[-1] == str(changed)
