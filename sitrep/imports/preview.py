"""An import worked out before it is applied: for the TUI, which shows it and asks first.

prepare() does what `sitrep import --dry-run` does (read the table, bounded and
never blocking; map its columns; add or update entries; check that the result
loads) and returns the new situation with what changes; steps() lists the
entries to replace and add, for the TUI's undoable document.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from sitrep.errors import SitrepDataError, SitrepUsageError
from sitrep.imports.apply import Outcome
from sitrep.imports.command import same_file
from sitrep.imports.csvread import CsvTable
from sitrep.model.sections import SECTIONS
from sitrep.model.situation import Situation

What = Literal["places", "figures"]


@dataclass(frozen=True)
class Prepared:
    """An import ready to apply: what the table held, its outcome, the file's name."""

    what: What
    outcome: Outcome
    source: str

    @property
    def summary(self) -> str:
        """'34 places would be added, 0 updated, 0 left as they were (from FILE)'."""
        o = self.outcome
        noun = self.what if o.added != 1 else self.what.removesuffix("s")
        return (
            f"{o.added} {noun} would be added, {o.updated} updated, "
            f"{o.unchanged} left as they were (from {self.source})"
        )


def detect(table: CsvTable) -> What:
    """What a table holds: figures when a column holds values, else places."""
    from sitrep.imports.figure_columns import FIGURE_FIELDS, value_columns
    from sitrep.imports.mapping import map_columns

    return "figures" if value_columns(table, map_columns(table, FIGURE_FIELDS, [])) else "places"


def prepare(situation: Situation, path: Path, what: What | None, into: Path | None) -> Prepared:
    """The import of the table at path into situation (what None: found out from its columns).

    Raises SitrepError for a file that cannot be read; bad rows are the outcome's problems.
    """
    from sitrep.imports.csvread import read_csv
    from sitrep.yaml.io import dump_situation, parse_situation

    if into is not None and same_file(path, into):
        raise SitrepUsageError(f"{path}: is the situation file itself; give the CSV to import")
    table = read_csv(path)
    if what is None:
        what = detect(table)
    if what == "places":
        from sitrep.imports.places import import_places

        outcome = import_places(situation, table, [])
    else:
        from sitrep.imports.figures import import_figures

        outcome = import_figures(situation, table, [], {})
    if not outcome.problems:
        try:  # the result must load, as the file it will be saved as
            parse_situation(dump_situation(outcome.situation), str(into or "situation"))
        except SitrepDataError as exc:
            outcome.problems.extend(exc.problems)
    return Prepared(what, outcome, path.name)


def steps(before: Situation, after: Situation) -> list[tuple[str, int, BaseModel]]:
    """(section, index, entry) to apply in order: an entry replaced at index, or added at
    the end (index past the list). An import only updates and appends."""
    found: list[tuple[str, int, BaseModel]] = []
    for section in SECTIONS:
        old, new = getattr(before, section), getattr(after, section)
        if len(new) < len(old):
            raise ValueError(f"an import removed {section}")
        for index, entry in enumerate(new):
            if index >= len(old) or entry is not old[index]:
                found.append((section, index, entry))
    return found
