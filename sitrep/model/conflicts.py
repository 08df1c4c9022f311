"""Merge conflicts kept in the file: a merge that cannot decide never leaves an invalid file.

When two analysts change the same field differently, ``sitrep merge`` keeps
their side's value ("ours") in the field and records the conflict in the
``conflicts:`` section, last in the file. The file stays a valid situation the
TUI opens and ``sitrep fmt`` formats, but ``sitrep check`` fails on it until
every conflict is resolved (resolve.py applies a choice).

A conflict's ``path`` names what it is about, as keys and list indexes:
``[places, kandahar, control, 2, holder]``. An entry of a section with ids is
named by its id (an evacuation by its actor), so the path survives edits to
other entries; notes, outlook items and the parts of a history (a control
change, a figure's value, a past report) by their index. The values are the
YAML values as each version of the file had them (a field left out, an entry
deleted: absent).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, JsonValue, StrictInt, StrictStr, field_validator

from sitrep.model.base import Entry

PathPart = Annotated[StrictStr | StrictInt, Field(union_mode="left_to_right")]

_TOP = ("header", "parties", "sources", "places", "evacuations", "figures", "notes", "outlook")
"""What a conflict may be about: the header or an entry of a section (not another conflict)."""


class Conflict(Entry):
    """Two versions of a file disagree about one value; the file holds ours until resolved."""

    path: list[PathPart] = Field(
        min_length=2,
        description="What the conflict is about, e.g. [places, kandahar, control, 2, holder]",
    )
    reason: str | None = Field(
        default=None, description="Why it is a conflict, when not both sides changing it"
    )
    base: JsonValue = Field(default=None, description="The value both sides started from")
    ours: JsonValue = Field(default=None, description="Our side's value (the one in the file)")
    theirs: JsonValue = Field(default=None, description="Their side's value")
    ours_by: str | None = Field(default=None, description="Who or what our side is, if known")
    theirs_by: str | None = Field(default=None, description="Who or what their side is")
    when: str | None = Field(default=None, description="When the merge was made (ISO 8601)")

    @field_validator("path")
    @classmethod
    def _names_the_file(cls, path: list[str | int]) -> list[str | int]:
        if path[0] not in _TOP:
            raise ValueError(
                f"a conflict's path starts with header or a section ({', '.join(_TOP[1:])})"
            )
        return path

    def mirrored(self) -> Conflict:
        """The same conflict seen from the other side (ours and theirs swapped)."""
        return self.model_copy(
            update={
                "ours": self.theirs,
                "theirs": self.ours,
                "ours_by": self.theirs_by,
                "theirs_by": self.ours_by,
            }
        )


def dotted(path: list[str | int] | tuple[str | int, ...]) -> str:
    """A path as people read it: places[3].control[1].holder (keys shown as [kandahar])."""
    text = ""
    for part in path:
        if isinstance(part, int) or text in _TOP[1:]:
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text
