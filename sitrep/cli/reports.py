"""A situation over weeks on the command line: `sitrep next` and `sitrep check --stale`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.cli.output import say
from sitrep.errors import SitrepUsageError

if TYPE_CHECKING:
    from sitrep.model.situation import Situation


def next_report(args: argparse.Namespace) -> int:
    """Start the next report in FILE (written only if the file is unchanged since read)."""
    from sitrep.storage.diskstate import read_with_state
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, parse_situation

    path = Path(args.file)
    text, disk = read_with_state(path)
    situation = parse_situation(text, str(path))
    try:
        header = situation.header.next(args.date)
    except ValueError as exc:
        raise SitrepUsageError(f"{path}: {exc}") from None
    situation.header = header
    write_atomic(path, dump_situation(situation), backup=True, expected=disk)
    say(f"{path}: report {header.report_number} as of {header.as_of.isoformat()}")
    return 0


def print_stale(s: Situation, path: Path) -> None:
    """One line per entry that is due, overdue or never confirmed."""
    from sitrep.model.derived.freshness import stale

    if s.header.refresh is None:
        say(f"{path}: no refresh rates (header.refresh), so nothing is due", err=True)
        return
    for fresh in stale(s):
        name = getattr(fresh.entry, "name", None) or getattr(fresh.entry, "actor", None)
        label = name or getattr(fresh.entry, "id", "?")
        when = (
            f"last confirmed {fresh.confirmed.isoformat()} ({fresh.age} days)"
            if fresh.confirmed
            else "never confirmed"
        )
        state = fresh.state.replace("_", " ")
        say(f"{path}: {state}: {fresh.section} {label}: {when}, refresh every {fresh.every} day(s)")
