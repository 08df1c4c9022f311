"""The histories in the detail: a place's changes of control, a figure's values.

Newest first (what the user came to see, and what 'correct the last change'
edits), each dated in the label column, with who, how sure, how and on whose
word; retracted claims and withdrawn values stay, marked as such.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content

from sitrep.app.panes import PANES, TIMELINE
from sitrep.app.safe import clean
from sitrep.app.widgets.marks import party_color
from sitrep.brief import control_text, words
from sitrep.brief.figure_text import amount
from sitrep.geo.marks import GLYPHS, change_kind
from sitrep.model.entries import ControlChange, FigureEntry, FigurePoint, Place
from sitrep.model.situation import Situation

Line = Callable[[str, Content], Content]
"""Lays out 'label  value' to the detail's width (see detail._line)."""

RETRACTED = "✗"
HISTORY_SHOWN = 12
"""Changes of control the detail lists, newest first; the timeline has every one.

A place fought over for months gathers dozens of changes, and the detail is
drawn again at every cursor move and edit (each line is a strip to lay out)."""
TIMELINE_KEY = next(str(n) for n, pane in enumerate(PANES, 1) if pane.id == TIMELINE)
EVENTS = {
    "nsa_overtakes": "a non-state group takes it",
    "government_regains": "the government regains it",
    "non_violent_transfer": "handed over without fighting",
}
"""ACLED's event types in words."""


def publishers(situation: Situation, source_ids: list[str]) -> str:
    """'CNN, AFP': the sources' publishers, once each (unknown ids as written)."""
    names = []
    for source_id in source_ids:
        source = situation.source(source_id)
        names.append(source.publisher if source is not None else source_id)
    return ", ".join(dict.fromkeys(names))


def control_now(situation: Situation, place: Place) -> Content:
    """'● held by the Taliban (reported), since 12 Aug 2021', or 'not stated'."""
    change = place.current
    if change is None:
        return Content.styled("not stated", "$text-muted italic")
    phrase = control_text.with_confidence(situation, change)
    since = f", since {words.day(change.date)}" if change.date else ""
    return _marked(situation, change, clean(phrase + since, one_line=True))


def _marked(situation: Situation, change: ControlChange, text: str) -> Content:
    """The change's map glyph in its holder's colour, then the text."""
    first = change.controller or next(iter(change.parties), None)
    color = party_color(situation, first)
    return Content.assemble((GLYPHS[change_kind(change)], f"bold {color}"), " ", text)


def control_history(
    situation: Situation, place: Place, line: Line, shown: int = HISTORY_SHOWN
) -> list[Content]:
    """The newest changes of control (``shown`` of them), the retracted ones struck
    through; a last line says how many earlier ones there are, and where they are."""
    if not place.control:
        return []
    parts = [Content(""), Content.styled("Control history, newest first", "bold $text-muted")]
    newest = place.control[::-1][:shown]
    for change in newest:
        parts.append(line(change_when(change), change_content(situation, change)))
    earlier = len(place.control) - len(newest)
    if earlier:
        said = f"{earlier:,} earlier change{'s' if earlier != 1 else ''}: all in the timeline"
        parts.append(line("…", Content.styled(f"{said} (key {TIMELINE_KEY})", "$text-muted")))
    return parts


def change_when(change: ControlChange) -> str:
    """'13 Aug 2021', '13 Aug 2021 18:00', or 'before' (held before records begin)."""
    when = words.day(change.date) if change.date else "before"
    return f"{when} {change.time}" if change.time else when


def change_content(situation: Situation, change: ControlChange) -> Content:
    """The change in words after its map glyph; struck through and marked when retracted."""
    value = _marked(situation, change, clean(_change_words(situation, change), one_line=True))
    if change.retracted is None:
        return value
    note = f": {change.retracted_note}" if change.retracted_note else ""
    retracted = clean(f"{RETRACTED} retracted {words.day(change.retracted)}{note}", one_line=True)
    return Content.assemble(value.stylize("strike dim"), "\n", (retracted, "$text-error"))


def change_line(situation: Situation, change: ControlChange) -> Content:
    """One line for a list of changes: the date, the change, how many sources."""
    when = Content.styled(change_when(change).ljust(12), "$text-muted")
    said = clean(_change_words(situation, change, brief=True), one_line=True)
    text = _marked(situation, change, said)
    if change.retracted is not None:
        retracted = f" {RETRACTED} retracted {words.day(change.retracted)}"
        text = Content.assemble(text.stylize("strike dim"), (retracted, "$text-error"))
    return Content.assemble(when, text)


def _count(n: int) -> str:
    return "no source" if n == 0 else f"{n} source{'s' if n > 1 else ''}"


def _change_words(situation: Situation, change: ControlChange, *, brief: bool = False) -> str:
    """'held by the Taliban (claimed, according to ...); by fighting; sources: CNN; note'.

    Brief (one line of a list): the sources counted, no note.
    """
    text = control_text.with_confidence(situation, change)
    if change.date is None:
        text += " (before records begin)"
    extras = []
    if change.how != "unknown":
        extras.append(f"by {words.say(change.how)}")
    if change.event is not None:
        extras.append(EVENTS[change.event])
    if brief:
        extras.append(_count(len(change.sources)))
    elif change.sources:
        extras.append(f"sources: {publishers(situation, change.sources)}")
    else:
        extras.append("no source")
    if change.note and not brief:
        extras.append(change.note)
    return "; ".join([text, *extras])


def figure_series(situation: Situation, entry: FigureEntry, line: Line) -> list[Content]:
    """Every value of a figure, newest first; withdrawn values struck through."""
    parts = [Content(""), Content.styled("Values, newest first", "bold $text-muted")]
    latest = entry.latest
    for point in reversed(entry.series):
        value = point_content(situation, point, entry.unit, latest=point is latest)
        parts.append(line(point_when(point), value))
    return parts


def point_when(point: FigurePoint) -> str:
    """'8 Aug 2021', 'about Aug 2021', 'undated'."""
    return str(point.as_of) if point.as_of.first is not None else "undated"


def point_content(
    situation: Situation, point: FigurePoint, unit: str, *, latest: bool = False
) -> Content:
    """The value as written, its sources and note; struck through when withdrawn."""
    value = Content.styled(clean(amount(point.value, unit), one_line=True), "bold")
    cites = publishers(situation, point.sources)
    rest = f" · sources: {cites}" if cites else " · no source"
    if point.note:
        rest += f" · {point.note}"
    text = Content.assemble(value, clean(rest, one_line=True))
    if latest:
        text = Content.assemble(text, ("  (latest)", "$text-muted"))
    if point.retracted is not None:
        withdrawn = f"{RETRACTED} withdrawn {words.day(point.retracted)}"
        text = Content.assemble(text.stylize("strike dim"), "\n", (withdrawn, "$text-error"))
    return text


def point_line(situation: Situation, point: FigurePoint, unit: str = "people") -> Content:
    """One line for a list of values: the date, the value as written, how many sources."""
    when = Content.styled(point_when(point).ljust(16), "$text-muted")
    value = Content.styled(clean(amount(point.value, unit), one_line=True), "bold")
    text = Content.assemble(value, f" · {_count(len(point.sources))}")
    if point.retracted is not None:
        withdrawn = f" {RETRACTED} withdrawn {words.day(point.retracted)}"
        text = Content.assemble(text.stylize("strike dim"), (withdrawn, "$text-error"))
    return Content.assemble(when, text)
