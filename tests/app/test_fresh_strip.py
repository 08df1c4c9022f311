"""The strip counts what is due or overdue once the header sets refresh rates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from sitrep.app.run import build_app
from sitrep.app.widgets.figures import FigureCard
from sitrep.model.derived.freshness import stale
from sitrep.model.report import Refresh
from tests.app.conftest import SampleApp
from tests.app.host import SIZE, copy_sample, main_screen


async def set_rates(pilot: Pilot[Any]) -> None:
    """Places to be confirmed every 2 days, figures every 30 (as a header edit does it)."""
    document = main_screen(pilot.app).document
    header = document.situation.header
    rates = Refresh(places=2, figures=30)
    main_screen(pilot.app).edits.apply_step(
        lambda: document.set_header(header.model_copy(update={"refresh": rates}))
    )
    await pilot.pause()


async def test_the_card_appears_with_the_count_and_goes_on_undo(sample_app: SampleApp) -> None:
    s = sample_app
    card = s.main.query_one("#figure-fresh", FigureCard)
    assert not card.display  # no rates in the sample: nothing is due
    await set_rates(s.pilot)
    states = [f.state for f in stale(s.document.situation)]
    overdue = states.count("overdue") + states.count("unknown")
    assert overdue > 0 and card.display
    assert f"⚠ {overdue} OVERDUE" in str(card.render())
    await s.pilot.press("u")
    await s.pilot.pause()
    assert not card.display


def test_strip_with_overdue_entries(snap_compare: Any, tmp_path: Path) -> None:
    app = build_app(copy_sample(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=set_rates)
