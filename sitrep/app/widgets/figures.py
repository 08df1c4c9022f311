"""The key-figures strip: control, the front nearest the capital, displacement, evacuations.

Everything here is derived from the model (sitrep.model.derive) each time the
situation changes; nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from sitrep.app.describe import shorten
from sitrep.app.safe import clean
from sitrep.app.widgets.marks import CONFIDENCE_MARK, party_color
from sitrep.editing.document import Change
from sitrep.model.derive import (
    PartyCount,
    control_summary,
    displacement_headlines,
    evacuation_summary,
    nearest_to_seat,
)
from sitrep.model.entries import Place
from sitrep.model.sections import SECTIONS
from sitrep.model.situation import Situation


def _text(value: str, width: int = 60) -> str:
    return clean(shorten(value, width), one_line=True)


def control_card(s: Situation) -> Content:
    """Places held by each party out of the total, split by confidence."""
    summary = control_summary(s)
    lines = [Content.styled(f"CONTROL · {summary.total} places", "bold $text-muted")]
    held = [count for count in summary.parties if count.held]
    for count in held[:3]:
        party = s.party(count.party_id)
        name = (party.short or party.name) if party else count.party_id
        # Confirmed shows as its mark alone ("●17"); the less sure kinds are spelled out.
        split = [
            f"{mark}{number}" + ("" if word == "confirmed" else f" {word}")
            for mark, word, number in _split(count)
            if number
        ]
        lines.append(
            Content.assemble(
                (_text(name, 16), f"bold {party_color(s, count.party_id)}"),
                (f" {count.held}", "bold"),
                f"/{summary.total} ",
                (" ".join(split), "$text-muted"),
            )
        )
    if not held:
        lines.append(Content.styled("no places yet", "$text-muted italic"))
    return Content("\n").join(lines)


def _split(count: PartyCount) -> list[tuple[str, str, int]]:
    """How sure we are of a party's places: mark, word, count."""
    return [
        (CONFIDENCE_MARK["confirmed"], "confirmed", count.confirmed),
        (CONFIDENCE_MARK["reported"], "reported", count.reported),
        (CONFIDENCE_MARK["claimed"], "claimed", count.claimed),
    ]


def nearest_card(s: Situation) -> Content:
    """The nearest place held by another party than the one holding the seat of government."""
    seat = s.seat_of_government()
    title = f"NEAREST TO {_text(seat.label, 20).upper()}" if seat else "NEAREST TO THE CAPITAL"
    lines = [Content.styled(title, "bold $text-muted")]
    nearest = nearest_to_seat(s)
    if nearest is None:
        hint = (
            "no seat of government with coordinates"
            if seat is None or seat.lat is None
            else ("no other party holds a place with coordinates")
        )
        lines.append(Content.styled(hint, "$text-muted italic"))
    else:
        place = nearest.place
        where = place.label if place.label == place.name else f"{place.label} ({place.name})"
        holder = s.party(place.holder)
        lines.append(Content(_text(where, 40)))
        lines.append(
            Content.assemble(
                (f"{nearest.km:,.0f} km", "bold"),
                " · ",
                (
                    _text(holder.short or holder.name if holder else place.holder, 24),
                    f"bold {party_color(s, place.holder)}",
                ),
                (f" {CONFIDENCE_MARK[place.confidence]} {place.confidence}", "$text-muted"),
            )
        )
    return Content("\n").join(lines)


def displacement_card(s: Situation) -> Content:
    """The largest latest figure, and how many other scopes there are (never summed)."""
    headlines = displacement_headlines(s)
    lines = [Content.styled("DISPLACEMENT", "bold $text-muted")]
    if not headlines:
        lines.append(Content.styled("no figures yet", "$text-muted italic"))
    for figure in headlines[:2]:
        lines.append(
            Content.assemble(
                (str(figure.figure), "bold"),
                f" {_text(figure.counted, 30)}",
                (f" · {_text(figure.area, 16)} · {figure.as_of:%d %b}", "$text-muted"),
            )
        )
    return Content("\n").join(lines)


def evacuation_card(s: Situation) -> Content:
    """Countries evacuating and the troops they committed, summed honestly."""
    summary = evacuation_summary(s)
    lines = [Content.styled("EVACUATIONS", "bold $text-muted")]
    count = len(summary.countries)
    lines.append(Content.assemble((str(count), "bold"), f" countr{'y' if count == 1 else 'ies'}"))
    if summary.with_troops:
        lines.append(
            Content.assemble(
                (str(summary.troops), "bold"),
                " troops",
            )
        )
    return Content("\n").join(lines)


CARDS: dict[str, Callable[[Situation], Content]] = {
    "control": control_card,
    "nearest": nearest_card,
    "displacement": displacement_card,
    "evacuations": evacuation_card,
}
"""Each card and the function that draws it from the situation."""

PLACE_FIELDS = {
    "holder",
    "confidence",
    "control",
    "lat",
    "lon",
    "seat_of_government",
    "name",
    "capital",
}
"""The fields of a place the cards show; editing any other leaves them as they are."""

BACKGROUND_LIMIT = 20_000
"""With more places than this, the figures are computed in a thread after an edit."""


def cards_touched(change: Change) -> set[str]:
    """The cards a change can alter (none for a note, a source or a place's note)."""
    if change.section in ("territory", "parties"):
        before, after = change.before, change.after
        same = isinstance(before, Place) and isinstance(after, Place)
        if same and all(getattr(before, f) == getattr(after, f) for f in PLACE_FIELDS):
            return set()
        return {"control", "nearest"}
    if change.section == "displacement":
        return {"displacement"}
    if change.section == "evacuations":
        return {"evacuations"}
    return set()


def figure_cards(situation: Situation, names: Iterable[str] = CARDS) -> dict[str, Content]:
    """The named cards; pure, so it can run in a thread on a snapshot."""
    return {name: CARDS[name](situation) for name in names}


def snapshot(situation: Situation) -> Situation:
    """A copy whose lists a thread can read while the user goes on editing.

    Entries are never changed in place (the Document replaces them), so copying
    the lists is enough.
    """
    return situation.model_copy(update={name: list(getattr(situation, name)) for name in SECTIONS})


class KeyFigures(Horizontal):
    """Four cards of headline figures, always visible, recomputed after every edit.

    With many places the computation runs in a thread, so keys stay fast; the
    cards follow a moment after the edit.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._generation = 0

    def compose(self) -> ComposeResult:
        for name in CARDS:
            yield Static(Content(""), id=f"figure-{name}", classes="figure-card")

    def update_figures(self, situation: Situation, names: Iterable[str] = CARDS) -> None:
        """Recompute some cards (all by default), in a thread when the situation is large."""
        names = set(names)
        if not names:
            return
        self._generation += 1
        if len(situation.territory) <= BACKGROUND_LIMIT:
            self.show(figure_cards(situation, names), self._generation)
            return
        copy, generation = snapshot(situation), self._generation

        def compute() -> None:
            cards = figure_cards(copy, names)
            self.app.call_from_thread(self.show, cards, generation)

        self.run_worker(compute, thread=True, group="figures", name="key figures")

    def show(self, cards: dict[str, Content], generation: int) -> None:
        """Put computed cards on screen, unless a later edit has asked for newer ones."""
        if generation != self._generation:
            return
        for name, card in cards.items():
            self.query_one(f"#figure-{name}", Static).update(card, layout=False)
