"""The key-figures strip says what the brief's key figures say, at 120 and at 80 columns.

Every party that holds headline places is shown, most first; names are
shortened before anything is left out, and '+N more' says when even that is
not enough. Numbers are never cut.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.model.derived.control import control_summary, headline_places
from sitrep.model.entries import ControlChange, Party
from sitrep.model.situation import Situation
from sitrep.storage.store import save_situation
from sitrep.yaml.io import load_situation
from tests.app.conftest import Opening, SampleApp
from tests.app.host import copy_sample, figures_text, main_screen, open_app

NAMED_SIZES = {"120x40": (120, 40), "80x24": (80, 24)}
SIZES = [pytest.param(size, id=name) for name, size in NAMED_SIZES.items()]
OPENINGS = [pytest.param(Opening(size=size), id=name) for name, size in NAMED_SIZES.items()]


def card(app: object, name: str) -> str:
    """One card's text, its lines joined by spaces."""
    shown = main_screen(app).query_one(f"#figure-{name}").render()  # type: ignore[arg-type]
    return " ".join(str(shown).split())


def with_more_parties(folder: Path, parties: int) -> Path:
    """The sample with `parties` more parties, each taking provinces from the government."""
    s = load_situation(copy_sample(folder))
    provinces = [p for p in s.places if p.kind == "province" and p.holder == "government"]
    for n in range(parties):
        party = Party(id=f"front-{n}", name=f"Liberation Front Number {n}", short=f"Front {n}")
        s.parties.append(party)
        for place in provinces[n : n + 1]:
            taken = ControlChange(date=s.header.as_of, holder=party.id, sources=["latin-times"])
            i = s.places.index(place)
            s.places[i] = place.model_copy(update={"control": [*place.control, taken]})
    path = folder / "many.yaml"
    save_situation(s, path)
    return path


def holding(s: Situation) -> list[tuple[str, int]]:
    """(short name, count) of every party holding headline places, most first."""
    _, chosen = headline_places(s)
    counts = control_summary(s, places=chosen).holding
    return [(s.party(c.party_id).label, c.held) for c in counts]  # type: ignore[union-attr]


@pytest.mark.parametrize("sample_app", OPENINGS, indirect=True)
async def test_the_sample_reads_as_the_brief(sample_app: SampleApp) -> None:
    app, pilot = sample_app.app, sample_app.pilot
    size = app.size
    await pilot.pause()
    control = card(app, "control")
    assert "34 PROVINCES" in control
    assert "Taliban 18" in control and "Government 16" in control
    assert control.index("Taliban 18") < control.index("Government 16"), "most first"
    assert "contested" not in control, "none is contested on 13 Aug"
    seat = card(app, "seat")
    assert "KABUL" in seat and "Government" in seat and "61 km" in seat
    evacuations = card(app, "evacuations")
    assert "5 STATES" in evacuations
    assert "about 3,600" in evacuations and "undisclosed" in evacuations
    figures = main_screen(app).query_one("#figure-figures")
    if size[0] >= 100:
        assert figures.display and "389,645" in card(app, "figures")
    else:  # its room goes to the others; the figures are in their own table
        assert not figures.display
    assert "…" not in " ".join(t for t in figures_text(app).split() if t[:1].isdigit())


@pytest.mark.parametrize("size", SIZES)
async def test_every_holding_party_is_shown(tmp_path: Path, size: tuple[int, int]) -> None:
    path = with_more_parties(tmp_path, 4)
    app, _ = open_app(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        control = card(app, "control")
        assert "more" not in control
        parties = holding(app.document.situation)  # type: ignore[union-attr]
        assert len(parties) == 6
        positions = []
        for label, held in parties:
            shown = next(  # the name, or its start (shortened), then its count
                f"{label[:k]}{'…' if k < len(label) else ''} {held}"
                for k in range(len(label), 1, -1)
                if f"{label[:k]}{'…' if k < len(label) else ''} {held}" in control
            )
            positions.append(control.index(shown))
        assert positions == sorted(positions), "most places first"


async def test_more_parties_than_room_end_with_more(tmp_path: Path) -> None:
    path = with_more_parties(tmp_path, 12)
    app, _ = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        control = card(app, "control")
        parties = holding(app.document.situation)  # type: ignore[union-attr]
        assert len(parties) == 14
        assert "Tali" in control and "Gove" in control, "the largest first"
        more = control.rsplit("+", 1)[1]
        hidden = int(more.split()[0])
        assert more.split()[1] == "more" and 0 < hidden < 14
