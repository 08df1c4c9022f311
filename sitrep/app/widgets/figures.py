"""The key-figures strip: control, the seat of government, figures, evacuations.

Everything here is derived from the model each time the situation changes
(figure_cards.py); nothing is stored. Each card draws its figures at its own
width, so a narrow terminal gets shorter wordings, not cut numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from sitrep.app.panes import PANES
from sitrep.app.widgets.control_counts import ControlCounts
from sitrep.app.widgets.figure_cards import CARDS, ControlData
from sitrep.app.widgets.symbols import symbols_in, tooltip
from sitrep.editing.document import Change, snapshot
from sitrep.model.derived.tally import ControlTally
from sitrep.model.entries import Place
from sitrep.model.situation import Situation

__all__ = ["BACKGROUND_LIMIT", "CARDS", "KeyFigures", "cards_touched", "figure_cards", "snapshot"]

PLACE_FIELDS = {"control", "kind", "lat", "lon", "name", "capital"}
"""The fields of a place the cards show; editing any other leaves them as they are."""

FIGURES_KEY = next(str(n) for n, pane in enumerate(PANES, 1) if "figures" in pane.sections)
"""The key of the pane with the Figures table, named by '+1 more'."""
MUTED = "$text-muted"
NARROW = 100
"""Columns below which the strip shows three cards, not four."""

BACKGROUND_LIMIT = 20_000
"""With more places than this, the figures are computed in a thread after an edit."""


def cards_touched(change: Change) -> set[str]:
    """The cards a change can alter (none for a note, a source or a place's note)."""
    fresh = {"fresh"} if change.section in FRESH_SECTIONS else set()
    return _cards_touched(change) | fresh


FRESH_SECTIONS = {"places", "evacuations", "figures", "header"}
"""What the freshness card counts from (the header has the rates and the as-of date)."""


def _cards_touched(change: Change) -> set[str]:
    if change.section in ("places", "parties"):
        before, after = change.before, change.after
        same = isinstance(before, Place) and isinstance(after, Place)
        if same and all(getattr(before, f) == getattr(after, f) for f in PLACE_FIELDS):
            return set()
        return {"control", "seat"}
    if change.section == "figures":
        return {"figures"}
    if change.section == "evacuations":
        return {"evacuations"}
    if change.section == "header":  # the period decides which figures lead
        return {"figures"}
    return set()


def figure_cards(situation: Situation, names: Iterable[str] = CARDS) -> dict[str, Any]:
    """What the named cards show; pure, so it can run in a thread on a snapshot."""
    return {name: CARDS[name][0](situation) for name in names}


class FigureCard(Widget):
    """One card, drawn at its width from figures derived beforehand."""

    def __init__(self, card: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.card = card
        self._shown: tuple[Situation, Any] | None = None
        self._explained: str | None = None

    def show(self, situation: Situation, data: Any) -> None:
        """New figures: draw them (at the current width) on the next frame."""
        self._shown = (situation, data)
        self.refresh()

    def render(self) -> Content:
        """The card at the width it has now."""
        if self._shown is None:
            return Content("")
        situation, data = self._shown
        shown = CARDS[self.card][1](situation, data, max(1, self.content_size.width))
        explained = tooltip(symbols_in([shown.plain]))
        if explained != self._explained:  # the marks on the card, named in full
            self._explained = explained
            self.tooltip = explained
        return shown


class KeyFigures(Horizontal):
    """Four cards of headline figures, always visible, recomputed after every edit.

    With many places the computation runs in a thread, so keys stay fast; the
    cards follow a moment after the edit.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._generation = 0
        self.counts = ControlCounts()
        """The control card's counts, kept up to date place by place (place_changed)."""

    def place_changed(
        self, situation: Situation, before: Place | None, after: Place | None
    ) -> None:
        """A place of situation was replaced, added or removed."""
        self.counts.place_changed(situation, before, after)

    def compose(self) -> ComposeResult:
        for name in CARDS:
            yield FigureCard(name, id=f"figure-{name}", classes="figure-card")
        yield Static(id="figure-more", markup=False)

    def on_resize(self) -> None:
        """Below NARROW columns the figures card gives its room to control, the seat and the
        evacuations (the figures are one key away, in the Figures table); '+1 more' says so."""
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        self.query_one("#figure-figures").display = not narrow
        more = self.query_one("#figure-more", Static)
        more.display = narrow
        if narrow:
            more.update(Content.assemble(("+1\nmore\n", "bold"), (f"key {FIGURES_KEY}", MUTED)))
            more.tooltip = f"The key figures card: press {FIGURES_KEY} for the Figures table"

    def update_figures(self, situation: Situation, names: Iterable[str] = CARDS) -> None:
        """Recompute some cards (all by default), in a thread when the situation is large."""
        names = set(names)
        if not names:
            return
        self._generation += 1
        # The control counts are kept up to date, not counted again over every place.
        control = "control" in names
        if len(situation.places) <= BACKGROUND_LIMIT:
            counted = {"control": self.counts.now(situation)} if control else {}
            cards = {**figure_cards(situation, names - {"control"}), **counted}
            self.show(situation, cards, self._generation)
            return
        copy, generation = snapshot(situation), self._generation
        ready = self.counts.ready(situation) if control else None
        build = control and ready is None and self.counts.start_building(situation)
        rest = names - {"control"} if ready is not None or build else names

        def compute() -> None:
            try:
                cards = figure_cards(copy, rest)
                tally = ControlTally(copy.places) if build else None
            except BaseException:
                if build:
                    self.app.call_from_thread(self.counts.abandon, situation)
                raise
            if tally is not None:
                cards["control"] = ControlData(*tally.summary(copy))
            elif ready is not None:
                cards["control"] = ready
            self.app.call_from_thread(self._computed, situation, tally, copy, cards, generation)

        self.run_worker(compute, thread=True, group="figures", name="key figures")

    def _computed(
        self,
        situation: Situation,
        tally: ControlTally | None,
        copy: Situation,
        cards: dict[str, Any],
        generation: int,
    ) -> None:
        if tally is not None:
            self.counts.built(situation, tally)
        self.show(copy, cards, generation)

    def show(self, situation: Situation, cards: dict[str, Any], generation: int) -> None:
        """Put computed cards on screen, unless a later edit has asked for newer ones."""
        if generation != self._generation:
            return
        for name, data in cards.items():
            card = self.query_one(f"#figure-{name}", FigureCard)
            card.show(situation, data)
            if name == "fresh":  # only when something is due
                card.display = bool(data)
