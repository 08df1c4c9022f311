"""ControlTally: counts kept change by change say what counting every place again says."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model.derived.control import ControlSummary, control_summary, headline_places
from sitrep.model.derived.tally import ControlTally
from sitrep.model.entries import ControlChange, Place
from sitrep.model.situation import Situation
from sitrep.yaml.io import load_situation

DATA = Path(__file__).resolve().parents[2] / "data"
FILES = [DATA / "afghanistan-2021-08-13.yaml", *sorted((DATA / "examples").glob("*.yaml"))]


def counted_again(s: Situation) -> tuple[str, ControlSummary | None]:
    kind, chosen = headline_places(s)
    return kind, control_summary(s, places=chosen) if chosen else None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_tally_built_from_the_places_counts_as_they_do(path: Path) -> None:
    s = load_situation(path)
    assert ControlTally(s.places).summary(s) == counted_again(s)


SITUATIONS = {path.stem: load_situation(path) for path in FILES}
POOLS = {name: [c for p in s.places for c in p.control] for name, s in SITUATIONS.items()}
"""Each situation's own changes (their holders are its parties, as in any valid file)."""
KINDS = sorted({p.kind for s in SITUATIONS.values() for p in s.places})

Step = tuple[str, int, list[int], int]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(SITUATIONS)),
    steps=st.lists(
        st.tuples(
            st.sampled_from(["history", "kind", "delete", "add", "clear"]),
            st.integers(0, 10_000),
            st.lists(st.integers(0, 10_000), max_size=4),
            st.integers(0, len(KINDS) - 1),
        ),
        max_size=25,
    ),
)
def test_any_sequence_of_place_edits_counts_as_counting_again(name: str, steps: list[Step]) -> None:
    s = SITUATIONS[name].model_copy(update={"places": list(SITUATIONS[name].places)})
    pool = POOLS[name]

    def drawn(picks: list[int]) -> list[ControlChange]:
        return [pool[i % len(pool)] for i in picks] if pool else []  # a flood: no control

    tally = ControlTally(s.places)
    for n, (op, at, changes, kind) in enumerate(steps):
        places = s.places
        if op == "add" or not places:
            new = Place(id=f"added-{n}", name=f"Added {n}", kind=KINDS[kind])
            new = new.model_copy(update={"control": drawn(changes)})
            places.append(new)
            tally.add(new)
        else:
            i = at % len(places)
            old = places[i]
            if op == "delete":
                del places[i]
                tally.remove(old)
                continue
            update: dict[str, object] = {
                "history": {"control": [*old.control, *drawn(changes)]},
                "kind": {"kind": KINDS[kind]},
                "clear": {"control": []},
            }[op]
            places[i] = old.model_copy(update=update)
            tally.remove(old)
            tally.add(places[i])
        assert tally.summary(s) == counted_again(s), f"after step {n}: {op}"
