"""`sitrep export --format hxl`: one HXL CSV per section, or the one --section names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitrep.errors import SitrepUsageError
from sitrep.exports.hxl import Table
from sitrep.exports.hxl_figures import figures_table
from sitrep.exports.hxl_places import places_table
from sitrep.exports.hxl_sections import (
    evacuations_table,
    notes_table,
    outlook_table,
    parties_table,
    sources_table,
)
from sitrep.model.situation import Situation

Builder = Callable[[Situation, bool], Table]
"""Makes one section's table; the flag asks for history (one row per change or value)."""

SECTIONS: dict[str, Builder] = {
    "parties": parties_table,
    "sources": sources_table,
    "places": places_table,
    "evacuations": evacuations_table,
    "figures": figures_table,
    "notes": notes_table,
    "outlook": outlook_table,
}
"""The sections that have a table, in file order."""


def hxl_table(situation: Situation, section: str, *, history: bool = False) -> Table:
    """One section's table (section is a key of SECTIONS)."""
    return SECTIONS[section](situation, history)


def hxl_csv(situation: Situation, section: str, *, history: bool = False) -> str:
    """One section as HXL-tagged CSV text."""
    return hxl_table(situation, section, history=history).to_csv()


def is_folder_target(output: str | None) -> bool:
    """Whether -o names a folder: an existing one, or a name ending with a slash."""
    return output is not None and (output.endswith(("/", "\\")) or Path(output).is_dir())


def hxl_outputs(
    situation: Situation, stem: str, output: str | None, section: str | None, history: bool
) -> list[tuple[str | None, str]]:
    """(target, CSV text) pairs to write: one file, stdout, or one file per section."""
    if section is not None:
        target = output
        if is_folder_target(output):
            assert output is not None
            target = str(Path(output) / f"{stem}-{section}.csv")
        return [(target, hxl_csv(situation, section, history=history))]
    if not is_folder_target(output):
        raise SitrepUsageError(
            "--format hxl writes one CSV per section: name one with --section "
            f"({', '.join(SECTIONS)}), or give -o a folder (an existing one, or a name "
            "ending in /) to get them all"
        )
    assert output is not None
    folder = Path(output)
    return [
        (str(folder / f"{stem}-{name}.csv"), hxl_csv(situation, name, history=history))
        for name in SECTIONS
    ]
