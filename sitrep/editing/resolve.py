"""Resolving merge conflicts in a document being edited: one undoable step per resolution.

The choices (ours, theirs, the base's value or an edited one, per conflict)
become the steps model/merging/resolve.py works out, applied through the document so
the TUI redraws what they touch, the journal records them, and undo brings the
conflicts back.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.editing.document import Change, Document, Section
from sitrep.model.merging.resolve import Choice, resolution
from sitrep.model.situation import Header


def resolve_in(doc: Document, choices: Sequence[tuple[int, Choice]]) -> list[Change]:
    """Apply choices (conflict index, choice) as one undo step; EditRejected changes nothing."""
    steps = resolution(doc.situation, choices)
    made: list[Change] = []
    with doc.group():
        for step in steps:
            if step.section == "header":
                assert isinstance(step.after, Header)
                made.append(doc.set_header(step.after))
                continue
            section: Section = step.section  # type: ignore[assignment]
            if step.before is None:
                made.append(doc.add(section, step.after, step.index))  # type: ignore[arg-type]
            elif step.after is None:
                made.append(doc.delete(section, step.index))
            else:
                made.append(doc.replace(section, step.index, step.after))  # type: ignore[arg-type]
    return made
