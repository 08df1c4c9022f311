"""What changed between two versions of a situation, entry by entry and field by field.

compare.py says what a reader of the brief needs (who holds what now, which
figures moved); this says everything that differs, for ``sitrep diff`` and for
git. Entries are matched by key (keys.py), fields compared one by one, and a
history is compared part by part: a control change appended is one part
added (path ``("control", 3)``), not the whole history changed; a part edited
(same date) shows its fields. Lists of text (sources, aliases...) are compared
whole. Values are YAML values (values.py); absent is None.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, JsonValue

from sitrep.model.sections import REGISTRY, SECTION
from sitrep.model.situation import Situation
from sitrep.model.versions.keys import DELETED, EDITED, by_key, entry_key, history, match_parts
from sitrep.model.versions.values import field_value, whole

RelPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Difference:
    """One thing that differs: in a section (or the header), an entry, a path inside it.

    path () is the entry itself (added or removed); ("control", 2) a part of a
    history, at its index in the new version (the old one when removed).
    """

    section: str
    key: str | None
    """The entry's identity as written: its id or actor; a note's text, an outlook
    item's statement, a conflict's path; None for the header."""
    path: RelPath
    old: JsonValue
    new: JsonValue
    before: BaseModel | None = field(default=None, compare=False, repr=False)
    """The entry (or header) in the old version, for wording (None if added)."""
    after: BaseModel | None = field(default=None, compare=False, repr=False)

    @property
    def change(self) -> Literal["added", "removed", "changed"]:
        """Whether the value was added, removed or changed."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"

    def to_json(self) -> dict[str, JsonValue]:
        """The stable JSON form: section, key, path, change, old, new."""
        return {
            "section": self.section,
            "key": self.key,
            "path": list(self.path),
            "change": self.change,
            "old": self.old,
            "new": self.new,
        }


def differences(old: Situation, new: Situation) -> list[Difference]:
    """Everything that differs from old to new: the header, then each section in file order."""
    found = [
        Difference("header", None, path, a, b, old.header, new.header)
        for path, a, b in _fields(old.header, new.header)
    ]
    for info in REGISTRY:
        found += _section(info.name, getattr(old, info.name), getattr(new, info.name))
    return found


def entry_name(section: str, entry: BaseModel) -> str:
    """An entry's identity as written (see Difference.key)."""
    keyed = SECTION[section].key
    if keyed is not None:
        return str(getattr(entry, keyed))
    for name in ("text", "statement"):
        if name in type(entry).model_fields:
            return str(getattr(entry, name))
    from sitrep.model.conflicts import dotted

    return dotted(getattr(entry, "path", ()))


def _section(section: str, old: Sequence[BaseModel], new: Sequence[BaseModel]) -> list[Difference]:
    key_of = entry_key(section)
    before, after = by_key(old, key_of), by_key(new, key_of)
    found: list[Difference] = []
    for key, entry in after.items():
        name = entry_name(section, entry)
        was = before.get(key)
        if was is None:
            found.append(Difference(section, name, (), None, whole(entry), None, entry))
        elif was != entry:
            found += [
                Difference(section, name, path, a, b, was, entry)
                for path, a, b in _fields(was, entry)
            ]
    for key, entry in before.items():
        if key not in after:
            found.append(
                Difference(section, entry_name(section, entry), (), whole(entry), None, entry)
            )
    return found


def _fields(old: BaseModel, new: BaseModel) -> Iterator[tuple[RelPath, JsonValue, JsonValue]]:
    """(path, old, new) of each field that differs, going into objects and histories."""
    model = type(new)
    for name in model.model_fields:
        a, b = getattr(old, name), getattr(new, name)
        if a == b:
            continue
        parts = history(model, name)
        if parts is not None:
            matched = match_parts(parts, a, b)
            for i, (how, j) in enumerate(matched.status):
                if how == DELETED:
                    yield (name, i), whole(a[i]), None
                elif how == EDITED:
                    yield from (((name, j, *p), x, y) for p, x, y in _fields(a[i], b[j]))
            for j in matched.added:
                yield (name, j), None, whole(b[j])
        elif isinstance(a, BaseModel) and isinstance(b, BaseModel):
            yield from (((name, *p), x, y) for p, x, y in _fields(a, b))
        else:
            yield (name,), field_value(old, name), field_value(new, name)
