"""The Timeline pane's chart: places held by each party, day by day, as stacked blocks.

Each column of the plot is a day (or, when there are more days than columns,
the last day of a run of them); each party's held places are a band in its map
colour, stacked from the bottom, contested places in grey on top. Where two
bands meet inside a cell, a lower-eighths block is drawn in the lower band's
colour on the upper band's, so a count is drawn to an eighth of a row.
"""

from __future__ import annotations

import datetime as dt

from rich.style import Style
from rich.text import Text

from sitrep.app.safe import clean
from sitrep.app.widgets.timeline.data import Series, TimelineData

EIGHTHS = " ▁▂▃▄▅▆▇█"
MUTED = Style(dim=True)


def chart_text(data: TimelineData, width: int, height: int) -> Text:
    """The chart at this size: a title, the legend, the plot, its axis and dates."""
    lines: list[Text] = []
    first, last = data.days[0], data.days[-1]
    title = (
        f"{data.noun.capitalize()} held by each party, {_date(first)} to {_date(last)} "
        f"(of {data.total})"
    )
    lines.append(Text(clean(title), style="bold", no_wrap=True, overflow="ellipsis"))
    lines.append(_legend(data.series))
    label_width = len(str(data.total)) + 1
    plot_width = max(1, width - label_width - 1)
    rows = max(3, height - 5)
    columns = _columns(len(data.days), plot_width)
    for row in range(rows - 1, -1, -1):
        line = Text(no_wrap=True)
        label = str(data.total) if row == rows - 1 else "0" if row == 0 else ""
        line.append(label.rjust(label_width - 1) + " ", MUTED)
        line.append("┤" if label else "│", MUTED)
        for day in columns:
            line.append(*_cell(data.series, day, row, data.total / rows))
        lines.append(line)
    lines.append(Text(" " * label_width + "└" + "─" * len(columns), style=MUTED, no_wrap=True))
    lines.append(_dates(first, last, label_width + 1, len(columns)))
    return Text("\n").join(lines)


def _date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


def _legend(series: tuple[Series, ...]) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    for band in series:
        line.append("██", Style(color=band.color))
        line.append(f" {clean(band.label)} {band.counts[-1]}   ")
    return line


def _columns(days: int, width: int) -> list[int]:
    """The day each plot column shows (the last of its run when days outnumber columns)."""
    if days <= width:
        per = max(1, width // days)
        return [min(days - 1, c // per) for c in range(per * days)]
    return [min(days - 1, (c + 1) * days // width - 1) for c in range(width)]


def _cell(series: tuple[Series, ...], day: int, row: int, unit: float) -> tuple[str, Style]:
    """One cell of the plot: a block, or an eighths block where two bands meet in it."""
    low, high = row * unit, (row + 1) * unit
    top = 0.0
    for i, band in enumerate(series):
        bottom, top = top, top + band.counts[day]
        if top <= low or top == bottom:
            continue
        if top >= high:
            return "█", Style(color=band.color)
        eighths = round((top - max(low, bottom)) / unit * 8)
        above = next((b for b in series[i + 1 :] if b.counts[day]), None)
        background = above.color if above is not None else None
        if eighths == 0:
            return ("█", Style(color=background)) if background else (" ", Style())
        return EIGHTHS[eighths], Style(color=band.color, bgcolor=background)
    return " ", Style()


def _dates(first: dt.date, last: dt.date, indent: int, width: int) -> Text:
    """The first day under the plot's left edge, the as-of date marked at its right."""
    start = f"{first.day} {first.strftime('%b')}"
    mark = f"as of {last.day} {last.strftime('%b')} ▲"
    gap = width - len(start) - len(mark)
    line = Text(" " * indent, no_wrap=True)
    if gap >= 1:
        line.append(start, MUTED)
        line.append(" " * gap)
    else:
        line.append(" " * max(0, width - len(mark)))
    line.append(mark, "bold")
    return line
