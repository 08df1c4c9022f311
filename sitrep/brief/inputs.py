"""The files an export reads, which no export may write over. No Textual."""

from __future__ import annotations

from pathlib import Path

from sitrep.geo.outline import outline_path
from sitrep.model.situation import Situation


def export_inputs(
    situation: Situation, source: Path | None, previous: Path | None = None
) -> dict[Path, str]:
    """Each input of an export of situation (read from source), with what it is.

    Pass the result to storage.outputs.check_output / write_output: the situation
    file, the outline it names and the previous report are never replaced.
    """
    inputs: dict[Path, str] = {}
    if source is not None:
        inputs[source] = "the situation file"
    outline = outline_path(situation, source.parent if source is not None else None)
    if outline is not None:
        inputs[outline] = "the outline named by the situation"
    if previous is not None:
        inputs[previous] = "the previous report"
    return inputs
