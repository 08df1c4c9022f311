"""Situations with comments: the annotated sample, comments at random anchors, and checks."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from sitrep.model.comments import END, SELF, Anchor, Comments, comments_of, set_comments
from sitrep.model.sections import SECTIONS
from sitrep.model.situation import Situation
from sitrep.yaml.io import to_data


def objects(situation: Situation) -> list[tuple[str, BaseModel]]:
    """Every object that can carry comments, with a name for messages."""
    found: list[tuple[str, BaseModel]] = [("situation", situation), ("header", situation.header)]
    for section in SECTIONS:
        found += [(f"{section}[{i}]", e) for i, e in enumerate(getattr(situation, section))]
    return found


def all_comments(situation: Situation) -> dict[str, Comments | None]:
    """Each object's comments, by name (None: it has none)."""
    return {name: comments_of(obj) for name, obj in objects(situation)}


def annotate(situation: Situation) -> Situation:
    """Put comments at every kind of anchor on the sample situation (in place)."""
    set_comments(
        situation,
        Comments(
            {
                SELF: ("# Situation kept by the desk; edit with sitrep.", "#"),
                "territory": ("# One entry per province.",),
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
    for place in situation.territory:
        before: dict[Anchor, tuple[str, ...]] = {
            SELF: (f"# {place.id}",),
            "holder": (f"# {place.id}: checked with the provincial desk at 17:00",),
        }
        beside: dict[Anchor, str] = {"id": f"# {place.id} id", "name": "# as spelled locally"}
        if place.sources:
            beside[("sources", place.sources[0])] = f"# {place.id}'s first source"
        if place.aliases:
            before[("aliases", place.aliases[0])] = (f"# {place.id} alias",)
        set_comments(place, Comments(before, beside))
    for i, source in enumerate(situation.sources):
        set_comments(source, Comments({"publisher": (f"# source {i}",)}))
    return situation


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


def _anchors(
    obj: BaseModel, written: dict[str, Any], kind: str
) -> tuple[list[Anchor], list[Anchor]]:
    """Where comments may stand on obj in canonical text: (before anchors, beside anchors)."""
    before: list[Anchor] = [SELF, END] if kind == "situation" else [SELF] if kind == "entry" else []
    beside: list[Anchor] = []
    for n, (name, value) in enumerate(written.items()):
        if n or kind == "header":  # before the first key is the top of the file, or the entry
            before.append(name)
        beside.append(name)
        if kind != "situation" and isinstance(value, list):
            texts = [str(v) for v in value]
            for text in dict.fromkeys(texts):
                if texts.count(text) == 1:  # equal items share their comments
                    before.append((name, text))
                    beside.append((name, text))
    return before, beside


@st.composite
def comments_on(draw: st.DrawFn, situation: Situation) -> dict[str, Comments | None]:
    """Put random comments at random canonical anchors of situation (in place);
    returns what each object carries."""
    data = to_data(situation)
    for name, obj in objects(situation):
        if not draw(st.integers(0, 2)):
            continue
        if name == "situation":
            kind, written = "situation", data
        elif name == "header":
            kind, written = "header", data["header"]
        else:
            section, index = name.rstrip("]").split("[")
            kind, written = "entry", data[section][int(index)]
        before_at, beside_at = _anchors(obj, written, kind)
        before = draw(
            st.dictionaries(
                st.sampled_from(before_at),
                st.lists(comment_texts, min_size=1, max_size=3).map(tuple),
                max_size=4,
            )
        )
        beside = (
            draw(st.dictionaries(st.sampled_from(beside_at), comment_texts, max_size=3))
            if beside_at
            else {}
        )
        set_comments(obj, Comments(before, beside))
    return all_comments(situation)
