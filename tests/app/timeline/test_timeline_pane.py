"""The Timeline pane: the chart of control over time and the changes by date, as a user uses it."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitrep.app.widgets.timeline.data import timeline_data
from sitrep.app.widgets.timeline.pane import NO_CHANGES, ChartView, TimelinePane
from sitrep.model.situation import Situation
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, main_screen, open_app, table
from tests.app.timeline.ready import timeline_ready

ROOT = Path(__file__).resolve().parents[3]


async def shown(s: SampleApp) -> TimelinePane:
    return await timeline_ready(s.pilot)


async def test_the_sample_rises_from_0_to_18_over_the_week(sample_app: SampleApp) -> None:
    pane = await shown(sample_app)
    data = pane.data
    assert data is not None
    taliban = next(b for b in data.series if b.label == "Taliban")
    assert (data.days[0].isoformat(), data.days[-1].isoformat()) == ("2021-08-06", "2021-08-13")
    assert taliban.counts[-1] == 18 and list(taliban.counts) == sorted(taliban.counts)
    chart = pane.query_one(ChartView).render()
    assert "of 34" in str(chart) and "as of 13 Aug ▲" in str(chart)
    assert main_screen(sample_app.app).stop == "timeline"
    assert sample_app.app.focused is pane.changes  # the list of changes takes the keys


async def test_changes_are_listed_newest_first(sample_app: SampleApp) -> None:
    pane = await shown(sample_app)
    rows = pane.changes.model
    dates = [rows.rows[i].entry.date for i in rows.order]
    assert dates == sorted(dates, reverse=True) and len(dates) == len(pane.data.changes)  # type: ignore[union-attr]


async def test_enter_on_a_change_shows_its_place(sample_app: SampleApp) -> None:
    pane = await shown(sample_app)
    await sample_app.pilot.press("j", "j", "enter")
    await sample_app.pilot.pause()
    chosen = pane.data.changes[2]  # type: ignore[union-attr]
    places = table(sample_app.app, "places")
    assert main_screen(sample_app.app).stop == "places"
    index = places.cursor_index
    assert index is not None and sample_app.document.situation.places[index].id == chosen.place_id


async def test_an_edit_is_on_the_chart_when_the_pane_is_shown_again(
    sample_app: SampleApp,
) -> None:
    await shown(sample_app)
    await sample_app.pilot.press("1")
    places = sample_app.document.situation.places
    held_before = sum(1 for p in places if p.holder == "government" and p.kind == "province")
    balkh = next(
        i for i, p in enumerate(places) if p.holder == "government" and p.kind == "province"
    )
    table(sample_app.app, "places").move_to_index(balkh)
    await sample_app.pilot.press("h")
    await sample_app.pilot.pause()
    await sample_app.pilot.press("1", "enter")  # the first party, recorded on the as-of date
    await sample_app.pilot.pause()
    pane = await shown(sample_app)
    government = next(b for b in pane.data.series if b.label == "Government")  # type: ignore[union-attr]
    assert government.counts[-1] == held_before - 1


async def test_a_crisis_with_no_territory_says_so(tmp_path: Path) -> None:
    path = tmp_path / "flood.yaml"
    shutil.copyfile(ROOT / "data" / "examples" / "derna-2023-09-21.yaml", path)
    app, said = open_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        pane = await timeline_ready(pilot)
        assert str(pane.query_one(ChartView).render()) == NO_CHANGES
        assert not pane.changes.display
        assert main_screen(app).stop == "timeline"
        assert said.text("error") == ""


def test_every_example_crisis_charts_its_parties(sample: Situation) -> None:
    for path in sorted((ROOT / "data" / "examples").glob("*.yaml")):
        from sitrep.yaml.io import load_situation

        s = load_situation(path)
        data = timeline_data(s)
        stated = [p for p in s.places if p.control]
        assert bool(data.days) == bool(stated), path.name
        for band in data.series:
            assert len(band.counts) == len(data.days)
        for day in range(len(data.days)):
            assert sum(b.counts[day] for b in data.series) <= data.total


async def test_the_list_draws_before_the_thread_has_finished() -> None:
    """With many places the chart comes a while after the pane: its frames meanwhile hold."""
    from textual.app import App, ComposeResult

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield TimelinePane(id="timeline")

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.query_one(TimelinePane)
        pane.changes.display = True
        await pilot.pause()  # a frame of the empty list: titles only
        assert pane.data is None
        assert "Computing the timeline" in str(pane.query_one(ChartView).render())
        assert pane.changes.sizes.used  # measured by its titles
