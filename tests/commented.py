"""Situations with comments: the annotated sample, comments at random anchors, and checks."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from sitrep.model.comments import END, SELF, Anchor, Comments, comments_of, set_comments
from sitrep.model.parts import parts_of
from sitrep.model.situation import Path, Situation
from sitrep.yaml.io import to_data


def objects(situation: Situation) -> list[tuple[str, Path, BaseModel]]:
    """Every object that can carry comments, with a name for messages and its path:
    the situation, the header, each entry and each part of one at any depth
    ("places[3].control[1]", "header.refresh")."""
    found: list[tuple[str, Path, BaseModel]] = []

    def walk(obj: BaseModel, name: str, path: Path) -> None:
        found.append((name or "situation", path, obj))
        for part in parts_of(type(obj)).values():
            value = getattr(obj, part.name)
            key = f"{name}.{part.name}" if name else part.name
            if part.many:
                for i, item in enumerate(value):
                    walk(item, f"{key}[{i}]", (*path, part.name, i))
            elif value is not None:
                walk(value, key, (*path, part.name))

    walk(situation, "", ())
    return found


def all_comments(situation: Situation) -> dict[str, Comments | None]:
    """Each object's comments, by name (None: it has none)."""
    return {name: comments_of(obj) for name, _, obj in objects(situation)}


def annotate(situation: Situation) -> Situation:
    """Put comments at every kind of anchor on the sample situation (in place):
    the file, the header, entries, control changes and series points."""
    set_comments(
        situation,
        Comments(
            {
                SELF: ("# Situation kept by the desk; edit with sitrep.", "#"),
                "places": ("# One entry per province.",),
                END: ("# end of the file",),
            },
            {"sitrep": "# format version", "sources": "# cited by id"},
        ),
    )
    header = situation.header
    set_comments(
        header,
        Comments(
            {
                "as_of": ("# the day the report stands at",),
                ("highlights", header.highlights[1]): ("# north",),
            },
            {"title": "# agreed with the editor", ("highlights", header.highlights[0]): "# lead"},
        ),
    )
    for place in situation.places:
        before: dict[Anchor, tuple[str, ...]] = {SELF: (f"# {place.id}",)}
        beside: dict[Anchor, str] = {"id": f"# {place.id} id", "name": "# as spelled locally"}
        if place.sources:
            beside[("sources", place.sources[0])] = f"# {place.id}'s first source"
        if place.aliases:
            before[("aliases", place.aliases[0])] = (f"# {place.id} alias",)
        set_comments(place, Comments(before, beside))
        for j, change in enumerate(place.control):
            _annotate_change(place.id, j, change)
    for figure in situation.figures:
        for j, point in enumerate(figure.series):
            set_comments(
                point,
                Comments({SELF: (f"# {figure.id} point {j}",)}, {"value": "# as published"}),
            )
    for i, source in enumerate(situation.sources):
        set_comments(source, Comments({"publisher": (f"# source {i}",)}))
    return situation


def _annotate_change(place_id: str, j: int, change: BaseModel) -> None:
    first = next(iter(change.model_dump(exclude_defaults=True)))
    before: dict[Anchor, tuple[str, ...]] = {SELF: (f"# {place_id} change {j}",)}
    beside: dict[Anchor, str] = {first: f"# {place_id} {first}"}
    holder = getattr(change, "holder", None)
    if holder is not None and first != "holder":  # the first key's full-line comments are SELF's
        before["holder"] = (f"# {place_id}: checked with the provincial desk at 17:00",)
    sources = getattr(change, "sources", [])
    if sources:
        beside[("sources", sources[-1])] = f"# {place_id} change {j}'s last source"
    set_comments(change, Comments(before, beside))


# -- random comments at random anchors -------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=("Cc", "Cs", "Zl", "Zp"),
        exclude_characters="\ufeff\ufffe\uffff",
    ),
    max_size=12,
)
comment_texts = st.one_of(
    st.sampled_from(["#", "# note", "#x", "## two", "# a: b", "# - item", "# 'q'", '# "q" #']),
    _TEXT.map(lambda t: ("#" + t).rstrip(" \t")),
)


def _anchors(written: dict[str, Any], kind: str) -> tuple[list[Anchor], list[Anchor]]:
    """Where comments may stand on an object in canonical text: (before anchors, beside
    anchors). kind: "situation", "mapping" (the value of a key: the header, the refresh)
    or "item" (an item of a list: an entry, a control change, a series point)."""
    before: list[Anchor] = [SELF, END] if kind == "situation" else [SELF] if kind == "item" else []
    beside: list[Anchor] = []
    for n, (name, value) in enumerate(written.items()):
        if n or kind == "mapping":  # before the first key is the top of the file, or the item
            before.append(name)
        beside.append(name)
        if kind != "situation" and isinstance(value, list):
            texts = [str(v) for v in value if not isinstance(v, dict)]  # lists of text only
            for text in dict.fromkeys(texts):
                if texts.count(text) == 1:  # equal items share their comments
                    before.append((name, text))
                    beside.append((name, text))
    return before, beside


def is_part(path: Path) -> bool:
    """Whether an object's path is that of a part of an entry or of the header."""
    return len(path) > (1 if path[:1] == ("header",) else 2)


@st.composite
def comments_on(
    draw: st.DrawFn, situation: Situation, *, parts_only: bool = False
) -> dict[str, Comments | None]:
    """Put random comments at random canonical anchors of every object of situation,
    parts of entries included (only those: parts_only), in place; returns what each
    object carries."""
    data = to_data(situation)
    for _, path, obj in objects(situation):
        if (parts_only and not is_part(path)) or not draw(st.integers(0, 2)):
            continue
        written: Any = data
        for step in path:
            written = written[step]
        kind = "situation" if not path else "item" if isinstance(path[-1], int) else "mapping"
        before_at, beside_at = _anchors(written, kind)
        before = (
            draw(
                st.dictionaries(
                    st.sampled_from(before_at),
                    st.lists(comment_texts, min_size=1, max_size=3).map(tuple),
                    max_size=4,
                )
            )
            if before_at
            else {}
        )
        beside = (
            draw(st.dictionaries(st.sampled_from(beside_at), comment_texts, max_size=3))
            if beside_at
            else {}
        )
        set_comments(obj, Comments(before, beside))
    return all_comments(situation)
