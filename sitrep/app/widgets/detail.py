"""The detail beside a table: every field of the selected entry, its history, its sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from sitrep.app.describe import entry_label
from sitrep.app.safe import clean
from sitrep.app.widgets.detail_history import control_history, control_now, figure_series
from sitrep.app.widgets.marks import party_color, party_name
from sitrep.brief.words import say
from sitrep.model.dates import FuzzyDate
from sitrep.model.entries import Evacuation, FigureEntry, Place
from sitrep.model.numbers.figure import Figure
from sitrep.model.situation import Situation
from sitrep.model.validation.warn import cites_no_source

LABEL_WIDTH = 15
"""Cells of the label column (a longer label is cut: the value never touches it)."""
NARROW_LABEL_WIDTH = 12
LABELS: dict[str, str] = {
    "iso": "ISO 3166-2",
    "pcode": "P-code",
    "as_of": "As of",
    "made_on": "Made on",
    "according_to": "According to",
    "in_text": "In text",
    "merged_into": "Merged into",
    "status_since": "Status since",
    "embassy_since": "Embassy since",
    "embassy_confidence": "Embassy sure",
    "counted_by": "Counted by",
    "actor_kind": "Actor kind",
    "url": "URL",
    "id": "Id",
}
PARAGRAPHS = ("statement", "text", "wording", "title", "note")
"""Long text fields, shown as paragraphs under the short fields."""
SKIPPED = {"lat", "lon", "sources", "embassy_sources", "control", "series"}
"""Shown in another form (coordinates, the source lists, the histories)."""
PLACE_REFS = {"within", "seat", "place"}
"""Fields that name a place by id (shown by its name)."""
PARTY_REFS = {"merged_into"}
SILENT_DEFAULTS = {
    "kind",
    "topic",
    "unit",
    "measure",
    "actor_kind",
    "embassy",
    "embassy_confidence",
}
"""Choices left out of the detail when they say nothing ('other', 'unknown', 'people')."""
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
_ENUMS = {
    "kind",
    "embassy",
    "status",
    "topic",
    "measure",
    "unit",
    "actor_kind",
    "embassy_confidence",
}


def _label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


def _value(name: str, value: Any, entry: BaseModel, situation: Situation) -> Content:
    if isinstance(value, bool):
        return Content("yes" if value else "no")
    if isinstance(value, dt.date):
        return Content(value.strftime("%a %d %b %Y"))
    if isinstance(value, Figure | FuzzyDate):
        return Content(str(value))
    if isinstance(value, list):
        return Content(clean(", ".join(str(v) for v in value), one_line=True))
    if name in PLACE_REFS:
        place = situation.place(str(value))
        return Content(clean(place.label if place else f"{value} (unknown place)", one_line=True))
    if name in PARTY_REFS:
        color = party_color(situation, str(value))
        name_text = clean(party_name(situation, str(value), short=False), one_line=True)
        return Content.styled(name_text, f"bold {color}")
    if name == "reliability":
        return Content(f"{value} — {RELIABILITY.get(str(value), '')}")
    return Content(clean(say(str(value)) if name in _ENUMS else str(value)))


def detail_content(entry: BaseModel, situation: Situation, width: int = 40) -> Content:
    """Every set field of an entry as labelled lines, its history, sources and long texts.

    Values wrap under themselves (a hanging indent), to fit width cells.
    """

    def line(label: str, value: Content) -> Content:
        return _line(label, value, width)

    parts: list[Content] = [
        Content.styled(clean(entry_label(entry), one_line=True), "bold $accent")
    ]
    if isinstance(entry, Place):
        parts.append(line("Control", control_now(situation, entry)))
        seat_of = [p.label for p in situation.parties if p.seat == entry.id]
        if seat_of:
            parts.append(line("Seat of", Content(clean(", ".join(seat_of), one_line=True))))
    fields = type(entry).model_fields
    for name in fields:
        value = getattr(entry, name)
        if name in SKIPPED or name in PARAGRAPHS or value is None or value == []:
            continue
        if name in SILENT_DEFAULTS and value == fields[name].default:
            continue  # 'other', 'unknown', 'confirmed': nothing said
        parts.append(line(_label(name), _value(name, value, entry, situation)))
    if isinstance(entry, Place) and entry.lat is not None and entry.lon is not None:
        parts.append(line("Coordinates", Content(f"{entry.lat:.3f}, {entry.lon:.3f}")))
    if isinstance(entry, Place):
        parts += control_history(situation, entry, line)
    elif isinstance(entry, FigureEntry):
        parts += figure_series(situation, entry, line)
    parts += _sources(entry, situation)
    for name in PARAGRAPHS:
        value = getattr(entry, name, None)
        if value:
            parts.append(Content(""))
            parts.append(Content.styled(_label(name), "bold $text-muted"))
            parts.append(Content(clean(str(value))))
    return Content("\n").join(parts)


UNSOURCED = "⚠ cites no source: e to add one"
"""The mark of a fact with no source (help explains it)."""


def _sources(entry: BaseModel, situation: Situation) -> list[Content]:
    """The entry's own sources spelled out (a place's: about the place itself)."""
    groups = [("Sources", getattr(entry, "sources", None))]
    if isinstance(entry, Place):
        groups = [("Sources about the place", entry.sources)]
    elif isinstance(entry, FigureEntry):
        groups = [("Sources", entry.sources)]
    elif isinstance(entry, Evacuation):
        groups = [("Sources", entry.sources), ("Embassy sources", entry.embassy_sources)]
    parts: list[Content] = []
    for title, source_ids in groups:
        if source_ids:
            parts += [Content(""), Content.styled(title, "bold $text-muted")]
            parts += [_source_line(source_id, situation) for source_id in source_ids]
    if cites_no_source(entry):
        parts += [Content(""), Content.styled(UNSOURCED, "bold $warning")]
    return parts


def _line(label: str, value: Content, width: int) -> Content:
    """'Label        value', the value's extra lines indented under its first.

    A narrow detail (an 80-column terminal) gives the labels less room, the values more.
    """
    room = LABEL_WIDTH if width >= 2 * LABEL_WIDTH + 14 else NARROW_LABEL_WIDTH
    lines = value.wrap(max(10, width - room))
    indent = Content(" " * room)
    if len(label) >= room:
        label = label[: room - 2] + "…"
    first = Content.assemble((label.ljust(room), "$text-muted"), lines[0] if lines else "")
    return Content("\n").join([first, *(indent + line for line in lines[1:])])


def _source_line(source_id: str, situation: Situation) -> Content:
    source = situation.source(source_id)
    if source is None:
        return Content.assemble("• ", (clean(source_id, one_line=True), "bold"), " (unknown)")
    grade = f" [{source.reliability}]" if source.reliability else ""
    title = f": {source.title}" if source.title else ""
    return Content.assemble(
        "• ",
        (clean(source.publisher, one_line=True), "bold"),
        clean(title, one_line=True),
        (grade, "$text-muted"),
    )


class EntryDetail(ScrollView):
    """Shows one entry in full; a hint when nothing is selected.

    Drawn with the Line API, so moving the cursor through a table redraws the
    detail without a layout of the whole screen (a Static in a scroll container
    would change height, and so the layout, on almost every row).
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[BaseModel | None, Situation | None, str] = (None, None, "")
        self.content = Content("")
        """What the detail shows (its plain text is content.plain)."""
        self._strips: list[Strip] = []
        self._blank = Strip.blank(0)

    def show(self, entry: BaseModel | None, situation: Situation, empty: str = "") -> None:
        """Show an entry (or a hint when there is none)."""
        if self._shown[0] is not entry:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._shown = (entry, situation, empty)
        self._render_shown()

    def _render_shown(self) -> None:
        entry, situation, empty = self._shown
        width = self.scrollable_content_region.width
        if entry is None or situation is None:
            self.content = Content.styled(empty, "$text-muted italic")
        else:
            self.content = detail_content(entry, situation, width or 40)
        if not width:
            return
        self._strips = Visual.to_strips(
            self, self.content, width, None, self.visual_style, pad=True
        )
        # At least the pane's height: a short entry then leaves the scrollbar as it
        # was (nothing to scroll), and it is not redrawn line by line at every move.
        height = max(len(self._strips), self.scrollable_content_region.height)
        size = Size(width, height)
        if size != self.virtual_size:
            # Set without the layout a virtual_size change asks for: only this
            # widget's scrollbar depends on it.
            self.set_reactive(EntryDetail.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The blank line below the text, made once per frame."""
        self._blank = Strip.blank(self.scrollable_content_region.width, self.rich_style)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """One line of the detail, at the scroll position."""
        index = y + round(self.scroll_y)
        if 0 <= index < len(self._strips):
            return self._strips[index]
        return self._blank

    def on_resize(self) -> None:
        """Re-wrap for the new width."""
        self._render_shown()

    def on_mount(self) -> None:
        """Redraw in the new colors when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._render_shown())
