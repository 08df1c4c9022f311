"""Comments survive load and save, in canonical places, read alike by both readers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import SitrepError
from sitrep.model.comments import END, SELF, Comments, comments_of
from sitrep.model.situation import Situation
from sitrep.yaml import emit
from sitrep.yaml.block.fast import Read, read_plain
from sitrep.yaml.io import dump_situation, parse_situation
from sitrep.yaml.marks import from_nodes
from sitrep.yaml.nodes import compose
from tests.commented import all_comments, annotate, comments_on, is_part, objects
from tests.paths import GOLDEN, REPO
from tests.strategies import situations

HAND_WRITTEN = (GOLDEN / "comments-hand-written.yaml").read_text(encoding="utf-8")
"""A file as a person writes it: comments anywhere (inside control changes, series
points, past reports and the refresh too), aligned, indented lists."""
CANONICAL = (GOLDEN / "comments-canonical.yaml").read_text(encoding="utf-8")
"""What sitrep fmt makes of it: every comment kept, in its canonical place."""
HAND_WRITTEN_V1 = (GOLDEN / "comments-hand-written-v1.yaml").read_text(encoding="utf-8")
"""A format 1 file with comments on the values that format 2 moves (a place's holder,
a figure's value, a seat of government)."""
MIGRATED_V1 = (GOLDEN / "comments-migrated-v1.yaml").read_text(encoding="utf-8")
"""What sitrep fmt makes of it: format 2, each comment with the value it annotated."""


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
            "refresh": "# agreed with the editor",
        },
    )
    assert "# this line is text" in highlights[1]
    assert comments_of(situation.parties[0]) == Comments({}, {"id": "# the authorities"})
    assert comments_of(situation.sources[0]) == Comments(
        {}, {"title": "# the '#' in quotes is text"}
    )
    assert situation.sources[0].url == "https://example.org/update#section"
    assert comments_of(situation.places[0]) is None
    assert comments_of(situation.places[1]) == Comments(
        {SELF: ("# upstream first",), "note": ("# checked with the district office at 17:00",)}
    )


def test_comments_inside_parts_hang_on_the_part() -> None:
    situation = parse_situation(CANONICAL)
    header = situation.header
    assert header.refresh is not None
    assert comments_of(header.refresh) == Comments(
        {"places": ("# places change fast here",)}, {"figures": "# weekly"}
    )
    assert comments_of(header.past_reports[0]) == Comments(
        {SELF: ("# the first issue",)},
        {
            "report_number": "# issued at 18:00",
            ("highlights", "Rain for three days."): "# forecast",
        },
    )
    held, fell = situation.places[1].control
    assert comments_of(held) == Comments(
        {SELF: ("# held before the floods",)}, {"holder": "# as far as anyone knows"}
    )
    assert comments_of(fell) == Comments(
        {
            SELF: ("# the night of the flood",),
            "parties": ("# at the dam",),
            ("sources", "radio"): ("# heard on air",),
        },
        {"date": "# AP, 12:40", ("sources", "ocha"): "# the only one", "note": "# unconfirmed"},
    )
    figure = situation.figures[0]
    assert comments_of(figure) == Comments(
        {"note": ("# where they stay",)}, {"series": "# oldest first"}
    )
    first, morning = figure.series
    assert comments_of(first) == Comments({SELF: ("# the first count",)}, {"value": "# a guess"})
    assert comments_of(morning) == Comments(
        {"value": ("# as OCHA counts them",)},
        {"as_of": "# the morning count", ("sources", "ocha"): "# flash update 3"},
    )


def test_a_version_1_files_comments_move_with_their_values() -> None:
    situation = parse_situation(HAND_WRITTEN_V1)
    assert all_comments(parse_situation(_libyaml(HAND_WRITTEN_V1))) == all_comments(situation)
    assert dump_situation(situation) == MIGRATED_V1
    again = parse_situation(MIGRATED_V1)
    assert isinstance(read_plain(MIGRATED_V1), Read)
    assert dump_situation(again) == MIGRATED_V1
    north, south = again.places
    assert comments_of(north) == Comments(
        {SELF: ("# upstream first",), "note": ("# checked with the district office at 17:00",)}
    )
    assert comments_of(north.control[0]) == Comments(
        {SELF: ("# who holds it: the change, once migrated",)},
        {"holder": "# since the floods began", ("sources", "ocha"): "# the only one"},
    )
    assert comments_of(south) == Comments({}, {"id": "# downstream"})
    assert comments_of(south.control[0]) == Comments(
        {"according_to": ("# the desk's stringer",)},
        {"date": "# the night of the flood", "state": "# fighting at the dam"},
    )
    assert comments_of(again.parties[1]) == Comments({}, {"seat": "# the militia's seat since May"})
    assert comments_of(again.evacuations[0]) == Comments({}, {"actor": "# an evacuating state"})
    top = comments_of(again)
    assert top is not None and top.before["figures"] == ("# displaced by the floods",)
    [point] = again.figures[0].series
    assert comments_of(point) == Comments(
        {"value": ("# as OCHA counts them",)},
        {
            "as_of": "# the morning count",
            "value": "# rounded",
            ("sources", "ocha"): "# flash update 3",
        },
    )


def test_the_annotated_example_in_the_format_docs_keeps_its_comments() -> None:
    docs = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    example = re.search(r"## An annotated example\n\n.*?```yaml\n(.*?)```", docs, re.S)
    assert example is not None
    text = example.group(1)
    written = dump_situation(parse_situation(text))
    expected = [line.split(" #", 1)[1].strip() for line in text.splitlines() if " #" in line]
    kept = [line.split(" #", 1)[1].strip() for line in written.splitlines() if " #" in line]
    assert kept == expected and len(kept) > 30
    assert dump_situation(parse_situation(written)) == written


def test_the_comments_excerpt_in_the_format_docs_is_what_fmt_writes() -> None:
    docs = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    found = re.search(r"\n## Comments\n.*?```yaml\n(.*?)```", docs, re.S)
    assert found is not None
    top, rest = found.group(1).split("\n\n", 1)
    others = (
        "sitrep: 2\n\nheader:\n  title: T\n  region: R\n  as_of: 2021-08-13\n\n"
        "parties:\n- id: government\n  name: G\n\n- id: taliban\n  name: T\n\n"
        "sources:\n- id: cnn-kamin\n  publisher: CNN\n\n"
    )
    text = f"{top}\n\n{others}{rest}".replace("Long text...", "Long text " + "x" * 70)
    assert dump_situation(parse_situation(text)) == text
    control = parse_situation(text).places[0].control
    assert [comments_of(c) is not None for c in control] == [True, True]


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


def _parts(situation: Situation) -> int:
    return len([path for _, path, _ in objects(situation) if is_part(path)])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_comments_inside_parts_round_trip(data: st.DataObject) -> None:
    situation = data.draw(situations(max_entries=3).filter(lambda s: _parts(s) >= 2))
    placed = data.draw(comments_on(situation, parts_only=True))
    text = dump_situation(situation)
    loaded = parse_situation(text)
    assert all_comments(loaded) == placed, text
    assert dump_situation(loaded) == text
    assert all_comments(parse_situation(_libyaml(text))) == placed, "libyaml's path agrees"
    read = read_plain(text)
    if isinstance(read, Read):
        root = compose(text)
        assert root is not None and read.comments == from_nodes(text, root)


def test_comments_are_not_data(sample: Situation) -> None:
    plain = sample.model_copy(deep=True)
    annotate(sample)
    assert sample == plain
    assert sample.model_dump() == plain.model_dump()
    assert sample.model_dump_json() == plain.model_dump_json()
    assert repr(sample.places[0]) == repr(plain.places[0])
    assert "_sitrep_comments" not in dict(sample.places[0])
    assert "_sitrep_comments" not in dict(sample.places[0].control[0])
    assert sample.places[0].control[0] == plain.places[0].control[0]
    assert Situation.model_json_schema() == type(plain).model_json_schema()
    place = sample.places[0]
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
