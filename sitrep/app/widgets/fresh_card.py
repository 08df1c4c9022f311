"""The strip's freshness card: how many entries are overdue or due for confirming again.

Shown only when some are (and only when the header sets refresh rates), counted by
model/derived/freshness.py as `sitrep check --stale` counts them.
"""

from __future__ import annotations

from collections import Counter

from textual.content import Content

from sitrep.app.widgets.marks import FRESHNESS_STYLE
from sitrep.model.derived.freshness import Freshness, stale
from sitrep.model.situation import Situation

FreshData = dict[Freshness, int]


def fresh_data(s: Situation) -> FreshData:
    """How many entries are overdue, due, or never confirmed (empty when none)."""
    return dict(Counter(f.state for f in stale(s)))


def fresh_card(s: Situation, data: FreshData, width: int) -> Content:
    """'⚠ 3 OVERDUE', then '2 due · 1 never' (nothing when everything is up to date)."""
    if not data:
        return Content("")
    overdue = data.get("overdue", 0) + data.get("unknown", 0)
    title_style = FRESHNESS_STYLE["overdue"] if overdue else FRESHNESS_STYLE["due"]
    title = f"⚠ {overdue} OVERDUE" if overdue else f"⚠ {data.get('due', 0)} DUE"
    lines = [Content.styled(title, title_style)]
    rest = []
    if overdue and data.get("due"):
        rest.append(f"{data['due']} due")
    if data.get("unknown"):
        rest.append(f"{data['unknown']} never")
    if rest:
        lines.append(Content(" · ".join(rest)))
    lines.append(Content.styled("see check --stale", "dim"))
    return Content("\n").join(line.truncate(width, ellipsis=True) for line in lines)
