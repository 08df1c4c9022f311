"""Starting the next report from the TUI, as `sitrep next` does (the same Header.next)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sitrep.app.dialogs.date import DateScreen
from sitrep.model.dates import days_after

if TYPE_CHECKING:
    from sitrep.app.flows.edit import EditFlow


def next_report(edits: EditFlow) -> None:
    """Ask for the new as-of date (the next day by default), then move the header on as one
    undo step and say what changed."""
    header = edits.document.situation.header

    def check(day: dt.date) -> str | None:
        current = edits.document.situation.header.as_of
        if day <= current:
            return f"The next report must stand after this one ({current.isoformat()})."
        return None

    def start(day: dt.date | None) -> None:
        if day is None:
            return
        before = edits.document.situation.header
        try:
            after = before.next(day)
        except ValueError as exc:
            edits.say(f"Not started: {exc}", severity="error")
            return
        if edits.apply_step(lambda: edits.document.set_header(after)) is None:
            return
        number = f"report {before.report_number}" if before.report_number else "this report"
        kept = f"; {number}'s highlights are kept in its history" if before.highlights else ""
        edits.say(
            f"Started report {after.report_number} as of {after.as_of.isoformat()}, "
            f"covering {after.period_from.isoformat()} to {after.period_to.isoformat()}"
            f" (was {number} as of {before.as_of.isoformat()}){kept}. u undoes it."
        )

    number = (header.report_number or len(header.past_reports) + 1) + 1
    screen = DateScreen(
        f"Start report {number}",
        f"The as-of date of report {number} (this one stands on {header.as_of.isoformat()}). "
        "The period moves on and the highlights are kept in the history.",
        days_after(header.as_of, 1),
        action="Start",
        check=check,
    )
    edits.screen.app.push_screen(screen, start)
