"""Comments a person wrote in a situation file, kept on the model objects they annotate.

Analysts annotate the file they keep in git ("# checked with the provincial desk
at 17:00"). A comment belongs to what it stands before (a full-line comment) or
beside (an end-of-line comment): a key of the situation, of the header, of an
entry or of a part of one (a control change, a series point, a past report, the
refresh), an item of a list of text (a source id, an alias, a highlight), an
entry or a part in a list itself, or the top or end of the file. Each annotated
object holds the comments on its own keys, so they move with the object, survive
edits that replace it (sitrep.model.carry carries them over, part by part) and go
when it is deleted. Anchors name fields, never line numbers: a format migration
moves a comment by renaming its anchor or moving its path (sitrep.model.v1.migrate).

Comments are not data. They ride in the instance's ``__dict__`` the way a
``functools.cached_property`` value does, under a key pydantic ignores: no
field, no schema change, never in ``model_dump``, not part of ``==``, kept by
``model_copy`` and by assignment. (A pydantic ``PrivateAttr`` would do the same
but costs every model a Python call when it is built: +25% validation time at
100,000 places; an object without comments costs nothing here.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel

Anchor = str | tuple[str, str]
"""What a comment stands before or beside: a field name, (field, text) for an item of
a list of text, or SELF / END."""

SELF: Final = ""
"""The object itself: the "- " line of an entry or of a part in a list (a control
change, a series point); for the situation, the top of the file."""
END: Final = "$end"
"""After the object's last line: the end of the file (for the situation)."""

KEY: Final = "_sitrep_comments"
"""Where an object keeps its comments in its ``__dict__``."""
_BREAKS = frozenset("\n\r\x85\u2028\u2029")


@dataclass(frozen=True)
class Comments:
    """The comments on one object: full-line ones before an anchor, one beside it.

    Every comment is one line of text starting with "#", as written in the file
    (without the indentation before it or the spaces after it).
    """

    before: Mapping[Anchor, tuple[str, ...]] = field(default_factory=dict)
    beside: Mapping[Anchor, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for text in self.texts():
            if not is_comment(text):
                raise ValueError(f"not a one-line comment starting with '#': {text!r}")

    def __bool__(self) -> bool:
        return bool(self.before or self.beside)

    def texts(self) -> Iterator[str]:
        """Every comment, the full-line ones first."""
        for lines in self.before.values():
            yield from lines
        yield from self.beside.values()

    def anchors(self) -> list[Anchor]:
        """Every anchor that has a comment, each once, those with full-line ones first."""
        return list(dict.fromkeys([*self.before, *self.beside]))

    def renamed(self, names: Mapping[str, str]) -> Comments:
        """The same comments with fields renamed (old name -> new), for a format migration."""

        def rename(anchor: Anchor) -> Anchor:
            if isinstance(anchor, tuple):
                return (names.get(anchor[0], anchor[0]), anchor[1])
            return names.get(anchor, anchor)

        return Comments(
            {rename(a): lines for a, lines in self.before.items()},
            {rename(a): text for a, text in self.beside.items()},
        )

    # -- the journal ------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (anchors as a string or a [field, text] pair)."""
        return {
            "before": [[_anchor_json(a), list(lines)] for a, lines in self.before.items()],
            "beside": [[_anchor_json(a), text] for a, text in self.beside.items()],
        }

    @classmethod
    def from_json(cls, data: object) -> Comments | None:
        """Comments from to_json's data; None when it is not that (a damaged journal)."""
        if not isinstance(data, dict):
            return None
        try:
            before = {
                _anchor(anchor): tuple(_text(t) for t in lines)
                for anchor, lines in data.get("before", [])
            }
            beside = {_anchor(anchor): _text(text) for anchor, text in data.get("beside", [])}
            return cls(before, beside) or None
        except (TypeError, ValueError):
            return None


def is_comment(text: object) -> bool:
    """Whether text can be written as a comment: one line starting with '#'."""
    return isinstance(text, str) and text.startswith("#") and _BREAKS.isdisjoint(text)


def _anchor_json(anchor: Anchor) -> str | list[str]:
    return list(anchor) if isinstance(anchor, tuple) else anchor


def _anchor(data: object) -> Anchor:
    if isinstance(data, str):
        return data
    if isinstance(data, list) and len(data) == 2 and all(isinstance(p, str) for p in data):
        return (data[0], data[1])
    raise ValueError("not an anchor")


def _text(data: object) -> str:
    if not is_comment(data):
        raise ValueError("not a comment")
    assert isinstance(data, str)
    return data


# -- on model objects -------------------------------------------------------------------


def comments_of(obj: BaseModel) -> Comments | None:
    """The comments on obj (the situation, the header, an entry or a part of one), if any."""
    found: Comments | None = obj.__dict__.get(KEY)
    return found


def set_comments(obj: BaseModel, comments: Comments | None) -> None:
    """Put comments on obj in place (None or empty: remove them). For freshly read objects."""
    if comments:
        obj.__dict__[KEY] = comments
        _GIVEN.add(type(obj))
    else:
        obj.__dict__.pop(KEY, None)


_GIVEN: set[type[BaseModel]] = set()
"""The models an object of which was ever given comments (a copy is of the same model)."""


def ever_given(model: type[BaseModel]) -> bool:
    """Whether an object of this model may carry comments: false when none was ever given
    any in this process (only set_comments gives them; copies keep them), so a scan for
    comments can skip every object of the model."""
    return model in _GIVEN


def has_comments(obj: BaseModel) -> bool:
    """Whether obj carries comments (a dict lookup: cheap on 100,000 entries)."""
    return KEY in obj.__dict__
