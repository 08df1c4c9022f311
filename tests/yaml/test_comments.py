"""Comments survive load and save, in canonical places, read alike by both readers."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepDataError, SitrepError
from sitrep.model.comments import END, SELF, Comments, comments_of, set_comments
from sitrep.model.situation import Path as Path_
from sitrep.model.situation import Situation
from sitrep.yaml import emit
from sitrep.yaml import nodes as yamlnodes
from sitrep.yaml.comments import split_comment
from sitrep.yaml.fast import Declined, Read, read_plain
from sitrep.yaml.io import dump_situation, parse_situation
from sitrep.yaml.marks import from_nodes
from sitrep.yaml.nodes import compose
from tests.commented import all_comments, annotate, comments_on
from tests.paths import GOLDEN, REPO
from tests.strategies import situations

HAND_WRITTEN = (GOLDEN / "comments-hand-written.yaml").read_text(encoding="utf-8")
"""A file as a person writes it: comments anywhere, aligned, indented lists."""
CANONICAL = (GOLDEN / "comments-canonical.yaml").read_text(encoding="utf-8")
"""What sitrep fmt makes of it: every comment kept, in its canonical place."""


def _libyaml(text: str) -> str:
    """The same document in a form the fast reader declines: libyaml reads it."""
    return "---\n" + text


def test_a_hand_written_file_keeps_every_comment_in_canonical_places() -> None:
    situation = parse_situation(HAND_WRITTEN)
    assert all_comments(parse_situation(_libyaml(HAND_WRITTEN))) == all_comments(situation)
    assert dump_situation(situation) == CANONICAL
    again = parse_situation(CANONICAL)
    assert isinstance(read_plain(CANONICAL), Read)  # the canonical form reads fast
    assert all_comments(again) == all_comments(situation)
    assert dump_situation(again) == CANONICAL


def test_each_comment_hangs_on_its_anchor() -> None:
    situation = parse_situation(CANONICAL)
    assert comments_of(situation) == Comments(
        {
            SELF: ("# Situation file of the flood desk.", "# Keep one entry per district."),
            "sources": ("# cited sources",),
            END: ("# end of the file",),
        },
        {"sitrep": "# format version", "header": "# what the report is"},
    )
    highlights = situation.header.highlights
    assert comments_of(situation.header) == Comments(
        {
            "as_of": ("# the as-of date moves every morning",),
            ("highlights", highlights[0]): ("# the lead",),
        },
        {
            ("highlights", highlights[0]): "# since Tuesday",
            ("highlights", highlights[1]): "# two lines",
        },
    )
    assert "# this line is text" in highlights[1]
    assert comments_of(situation.parties[0]) == Comments({}, {"id": "# the authorities"})
    assert comments_of(situation.sources[0]) == Comments(
        {}, {"title": "# the '#' in quotes is text"}
    )
    assert situation.sources[0].url == "https://example.org/update#section"
    assert comments_of(situation.territory[0]) == Comments(
        {SELF: ("# upstream first",), "note": ("# checked with the district office at 17:00",)},
        {("sources", "ocha"): "# the only one"},
    )


def test_the_annotated_example_in_the_format_docs_keeps_its_comments() -> None:
    docs = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    example = re.search(r"## An annotated example\n\n```yaml\n(.*?)```", docs, re.S)
    assert example is not None
    text = example.group(1)
    written = dump_situation(parse_situation(text))
    expected = [line.split(" #", 1)[1].strip() for line in text.splitlines() if " #" in line]
    kept = [line.split(" #", 1)[1].strip() for line in written.splitlines() if " #" in line]
    assert kept == expected and len(kept) > 30
    assert dump_situation(parse_situation(written)) == written


def test_the_annotated_sample_round_trips_byte_for_byte(sample: Situation) -> None:
    text = dump_situation(annotate(sample))
    again = parse_situation(text)
    assert all_comments(again) == all_comments(sample)
    assert dump_situation(again) == text
    slow = parse_situation(_libyaml(text))
    assert all_comments(slow) == all_comments(sample)
    read = read_plain(text)
    assert isinstance(read, Read)
    root = compose(text)
    assert root is not None and read.comments == from_nodes(text, root)


def test_without_comments_the_bytes_do_not_change(sample_file: Path) -> None:
    text = sample_file.read_text(encoding="utf-8")
    situation = parse_situation(text)
    assert all(c is None for c in all_comments(situation).values())
    assert dump_situation(situation) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_comments_round_trip_with_their_anchors(data: st.DataObject) -> None:
    situation = data.draw(situations(max_entries=3))
    placed = data.draw(comments_on(situation))
    text = dump_situation(situation)
    loaded = parse_situation(text)
    assert loaded == situation
    assert all_comments(loaded) == placed, text
    assert dump_situation(loaded) == text, "the dump is idempotent"
    assert all_comments(parse_situation(_libyaml(text))) == placed, "libyaml's path agrees"
    read = read_plain(text)
    if isinstance(read, Read):
        root = compose(text)
        assert root is not None and read.comments == from_nodes(text, root)


def test_a_comment_on_a_cleared_field_moves_down_and_stays(sample: Situation) -> None:
    place = sample.territory[0]
    set_comments(place, Comments({"capital": ("# the capital moved",)}, {"iso": "# ISO code"}))
    sample.territory[0] = place.model_copy(update={"capital": None, "iso": None})
    text = dump_situation(sample)
    assert "  name: Badakhshan\n  # the capital moved\n  aliases:\n" in text
    assert "  - Faizabad\n  # ISO code\n  pcode: AF17\n" in text
    loaded = parse_situation(text).territory[0]
    assert comments_of(loaded) == Comments(
        {"aliases": ("# the capital moved",), "pcode": ("# ISO code",)}
    )
    assert dump_situation(parse_situation(text)) == text


def test_a_comment_on_a_removed_list_item_goes_after_the_list(sample: Situation) -> None:
    place = sample.territory[0]
    assert place.sources == ["public-reporting"]
    set_comments(place, Comments({("sources", "public-reporting"): ("# the only source",)}))
    sample.territory[0] = place.model_copy(update={"sources": []})
    text = dump_situation(sample)
    assert "  since: 2021-08-11\n  # the only source\n  note: A provincial" in text


def test_the_last_fields_orphans_end_the_entry(sample: Situation) -> None:
    note = sample.notes[0]
    set_comments(note, Comments({}, {"sources": "# to confirm"}))
    sample.notes[0] = note.model_copy(update={"sources": []})
    text = dump_situation(sample)
    assert "\n  # to confirm\n\n- date:" in text
    assert comments_of(parse_situation(text).notes[1]) == Comments({SELF: ("# to confirm",)})


def test_a_one_field_edit_among_comments_is_a_one_line_diff(sample: Situation) -> None:
    before = dump_situation(annotate(sample))
    index = next(i for i, p in enumerate(sample.territory) if p.id == "kandahar")
    sample.territory[index] = sample.territory[index].model_copy(update={"holder": "government"})
    after = dump_situation(sample)
    old, new = before.splitlines(), after.splitlines()
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    [(tag, start, end, _, _)] = [op for op in ops if op[0] != "equal"]
    assert (tag, end - start, len(old)) == ("replace", 1, len(new))
    assert (old[start], new[start]) == ("  holder: taliban", "  holder: government")
    assert "  # kandahar: checked with the provincial desk at 17:00\n  holder: government" in after


def test_comments_are_not_data(sample: Situation) -> None:
    plain = sample.model_copy(deep=True)
    annotate(sample)
    assert sample == plain
    assert sample.model_dump() == plain.model_dump()
    assert sample.model_dump_json() == plain.model_dump_json()
    assert repr(sample.territory[0]) == repr(plain.territory[0])
    assert "_sitrep_comments" not in dict(sample.territory[0])
    assert Situation.model_json_schema() == type(plain).model_json_schema()
    place = sample.territory[0]
    place.note = "Changed."  # validated assignment keeps them
    assert comments_of(place) is not None
    assert comments_of(place.model_copy(update={"note": "Again."})) == comments_of(place)


def test_comment_text_must_be_one_line_starting_with_hash() -> None:
    with pytest.raises(ValueError, match="one-line comment"):
        Comments({SELF: ("no hash",)})
    with pytest.raises(ValueError, match="one-line comment"):
        Comments({}, {"id": "# two\nlines"})
    with pytest.raises(ValueError, match="one-line comment"):
        Comments({}, {"id": "# line\u2028separator"})


def test_a_value_the_emitter_cannot_place_comments_around_is_an_error(
    sample: Situation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(*args: object) -> None:
        raise emit.Unsupported

    annotate(sample)
    monkeypatch.setattr("sitrep.yaml.annotate.write_scalar", unsupported)
    with pytest.raises(SitrepError, match="comments"):
        dump_situation(sample)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x # c", ("x", "# c")),
        ("x  #  c  ", ("x", "#  c")),
        ("x#y", None),
        ("x #", ("x", "#")),
        ("# c", ("", "# c")),
        ("  # c", ("", "# c")),
        ("'a # b'", None),
        ("'a # b' # c", ("'a # b'", "# c")),
        ("'it''s' # c", ("'it''s'", "# c")),
        ("'x'#c", None),
        ('"a # b" # c', ('"a # b"', "# c")),
        ('"a\\" # b"', None),
        ("|- # c", ("|-", "# c")),
        ("| # c", ("|", "# c")),
        ("|-", None),
        ("'open # c", None),
    ],
)
def test_split_comment(text: str, expected: tuple[str, str] | None) -> None:
    assert split_comment(text) == expected


def test_crlf_and_odd_line_breaks_find_the_same_comments() -> None:
    text = "sitrep: 1 # v\n# before header\nheader:\n  title: T\n  region: R\n  as_of: 2024-01-01\n# end\n"
    unix = all_comments(parse_situation(text))
    assert all_comments(parse_situation(text.replace("\n", "\r\n"))) == unix
    assert all_comments(parse_situation(_libyaml(text).replace("\n", "\r\n"))) == unix
    quoted = text.replace("title: T", "title: 'T # not'")
    assert all_comments(parse_situation("\ufeff" + quoted)) == unix
    assert all_comments(parse_situation(_libyaml(quoted).replace("\n", "\u2028"))) == unix


def test_a_comment_with_a_tab_is_kept(sample: Situation) -> None:
    text = "sitrep: 1\t# tab before\nheader:\n  title: T\t# tab\n  region: R\n  as_of: 2024-01-01\n"
    situation = parse_situation(text)
    assert comments_of(situation) == Comments({}, {"sitrep": "# tab before"})
    assert comments_of(situation.header) == Comments({}, {"title": "# tab"})


def test_comments_count_against_the_fast_readers_budget() -> None:
    text = "a: 1 # c\n" + "# comment\n" * 100 + "b: 2\n"
    assert isinstance(read_plain(text, limit=200), Read)
    declined = read_plain(text, limit=50)
    assert isinstance(declined, Declined) and declined.too_large


def test_too_many_comment_lines_on_libyamls_path_are_refused_at_a_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlnodes, "MAX_NODES", 20)
    text = "sitrep: 1 #\ttab\n" + "# comment\n" * 30 + "header: {title: T}\n"
    with pytest.raises(SitrepDataError) as caught:
        parse_situation(text, "f.yaml")
    assert caught.value.lines() == ["f.yaml:21:1: more than 20 lines with a '#': too many comments"]


def test_a_migration_can_move_comments_with_the_keys_it_renames(sample: Situation) -> None:
    text = dump_situation(annotate(sample))
    read = read_plain(text)
    assert isinstance(read, Read)
    places = [p for p in read.comments.before if p[:1] == ("territory",)]

    def move(path: Path_) -> Path_:  # as a format migration would rename keys
        if path[:1] == ("territory",):
            path = ("places", *path[1:])
        return tuple("held_by" if part == "holder" else part for part in path)

    moved = read.comments.moved(move)
    assert [("places", *p[1:]) for p in places if "holder" not in p] == [
        p for p in moved.before if p[:1] == ("places",) and "held_by" not in p
    ]
    assert moved.before[("places", 0, "held_by")] == [
        "# badakhshan: checked with the provincial desk at 17:00"
    ]
    renamed = comments_of(annotate(sample).territory[0])
    assert renamed is not None
    assert renamed.renamed({"holder": "held_by", "sources": "cited"}).before["held_by"] == (
        "# badakhshan: checked with the provincial desk at 17:00",
    )
    assert ("cited", "public-reporting") in renamed.renamed({"sources": "cited"}).beside


def test_a_large_file_with_comments_before_its_keys_stays_on_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.generate import write

    path = tmp_path / "g.yaml"
    write(1500, path)  # more commented keys than the reader learns key names at a column
    situation = parse_situation(path.read_text(encoding="utf-8"))
    for place in situation.territory:
        set_comments(
            place, Comments({SELF: ("# place",), "holder": ("# checked",)}, {"name": "# x"})
        )
    text = dump_situation(situation)
    read = read_plain(text)
    assert isinstance(read, Read), read
    assert len(read.comments.before) == 3000 and len(read.comments.beside) == 1500
