"""Where comments go when what they annotate is no longer written, or is changed."""

from __future__ import annotations

import difflib

from sitrep.model.comments import SELF, Comments, comments_of, set_comments
from sitrep.model.situation import Path, Situation
from sitrep.yaml.block.fast import Read, read_plain
from sitrep.yaml.io import dump_situation, parse_situation
from tests.commented import annotate
from tests.paths import GOLDEN


def _place(situation: Situation, place_id: str) -> int:
    return next(i for i, p in enumerate(situation.places) if p.id == place_id)


def test_a_comment_on_a_cleared_field_moves_down_and_stays(sample: Situation) -> None:
    place = sample.places[0]
    set_comments(place, Comments({"capital": ("# the capital moved",)}, {"iso": "# ISO code"}))
    sample.places[0] = place.model_copy(update={"capital": None, "iso": None})
    text = dump_situation(sample)
    assert "  kind: province\n  # the capital moved\n  aliases:\n" in text
    assert "  - Faizabad\n  # ISO code\n  pcode: AF17\n" in text
    loaded = parse_situation(text).places[0]
    assert comments_of(loaded) == Comments(
        {"aliases": ("# the capital moved",), "pcode": ("# ISO code",)}
    )
    assert dump_situation(parse_situation(text)) == text


def test_a_comment_on_a_cleared_key_of_a_part_moves_down_within_the_part(
    sample: Situation,
) -> None:
    place = sample.places[0]
    change = place.control[1]
    assert change.sources == ["ap-kunduz", "public-reporting"] and change.note
    set_comments(change, Comments({"sources": ("# two wires",)}, {"date": "# the fall"}))
    cleared = change.model_copy(update={"sources": []})
    sample.places[0] = place.model_copy(update={"control": [place.control[0], cleared]})
    text = dump_situation(sample)
    assert (
        "  - date: 2021-08-11 # the fall\n    holder: taliban\n    # two wires\n    note:" in text
    )
    [first, second] = parse_situation(text).places[0].control
    assert comments_of(first) is None
    assert comments_of(second) == Comments({"note": ("# two wires",)}, {"date": "# the fall"})


def test_a_comment_on_a_removed_list_item_goes_after_the_list(sample: Situation) -> None:
    index = _place(sample, "kandahar")
    place = sample.places[index]
    assert place.sources == ["rferl-kandahar", "latin-times", "public-reporting"]
    set_comments(place, Comments({("sources", "latin-times"): ("# the only source",)}))
    sample.places[index] = place.model_copy(update={"sources": ["rferl-kandahar"]})
    text = dump_situation(sample)
    assert "  - rferl-kandahar\n  # the only source\n  note: |-" in text


def test_the_last_fields_orphans_end_the_entry(sample: Situation) -> None:
    note = sample.notes[0]
    set_comments(note, Comments({}, {"sources": "# to confirm"}))
    sample.notes[0] = note.model_copy(update={"sources": []})
    text = dump_situation(sample)
    assert "\n  # to confirm\n\n- date:" in text
    assert comments_of(parse_situation(text).notes[1]) == Comments({SELF: ("# to confirm",)})


def test_a_parts_orphans_go_to_the_next_key_of_its_entry(sample: Situation) -> None:
    place = sample.places[0]
    last = place.control[-1]
    set_comments(last, Comments({"note": ("# from the lawmaker",)}))
    sample.places[0] = place.model_copy(
        update={"control": [place.control[0], last.model_copy(update={"note": None})]}
    )
    text = dump_situation(sample)
    assert "    - public-reporting\n    # from the lawmaker\n  sources:\n" in text
    loaded = parse_situation(text)
    assert comments_of(loaded.places[0]) == Comments({"sources": ("# from the lawmaker",)})
    again = dump_situation(loaded)  # now above the key, at its indentation, for good
    assert "    - public-reporting\n  # from the lawmaker\n  sources:\n" in again
    assert dump_situation(parse_situation(again)) == again


def _one_line_changed(before: str, after: str) -> tuple[str, str]:
    old, new = before.splitlines(), after.splitlines()
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    [(tag, start, end, _, _)] = [op for op in ops if op[0] != "equal"]
    assert (tag, end - start, len(old)) == ("replace", 1, len(new))
    return old[start], new[start]


def test_a_one_field_edit_among_comments_is_a_one_line_diff(sample: Situation) -> None:
    before = dump_situation(annotate(sample))
    index = _place(sample, "kandahar")
    place = sample.places[index]
    *earlier, last = place.control
    edited = last.model_copy(update={"holder": "government"})
    sample.places[index] = place.model_copy(update={"control": [*earlier, edited]})
    after = dump_situation(sample)
    assert _one_line_changed(before, after) == ("    holder: taliban", "    holder: government")
    assert (
        "    # kandahar: checked with the provincial desk at 17:00\n    holder: government" in after
    )
    sample.places[index] = sample.places[index].model_copy(update={"lat": 31.6})
    assert _one_line_changed(after, dump_situation(sample)) == ("  lat: 31.613", "  lat: 31.6")


def test_a_migration_can_move_comments_with_the_keys_it_renames(sample: Situation) -> None:
    text = dump_situation(annotate(sample))
    read = read_plain(text)
    assert isinstance(read, Read)
    places = [p for p in read.comments.before if p[:1] == ("places",)]

    def move(path: Path) -> Path:  # as a format migration would rename keys
        if path[:1] == ("places",):
            path = ("sites", *path[1:])
        return tuple("held_by" if part == "holder" else part for part in path)

    moved = read.comments.moved(move)
    assert [("sites", *p[1:]) for p in places if "holder" not in p] == [
        p for p in moved.before if p[:1] == ("sites",) and "held_by" not in p
    ]
    assert moved.before[("sites", 0, "control", 1, "held_by")] == [
        "# badakhshan: checked with the provincial desk at 17:00"
    ]
    renamed = comments_of(annotate(sample).places[0].control[1])
    assert renamed is not None
    assert renamed.renamed({"holder": "held_by", "sources": "cited"}).before["held_by"] == (
        "# badakhshan: checked with the provincial desk at 17:00",
    )
    assert ("cited", "public-reporting") in renamed.renamed({"sources": "cited"}).beside


def test_the_comments_of_a_part_with_no_key_left_go_below_its_key() -> None:
    situation = parse_situation((GOLDEN / "comments-canonical.yaml").read_text(encoding="utf-8"))
    refresh = situation.header.refresh
    assert refresh is not None
    situation.header.refresh = refresh.model_copy(update={"places": None, "figures": None})
    text = dump_situation(situation)
    assert (
        "  refresh: {} # agreed with the editor\n  # places change fast here\n  # weekly\n" in text
    )
    loaded = parse_situation(text)
    header = comments_of(loaded.header)
    assert header is not None
    assert header.before["past_reports"] == ("# places change fast here", "# weekly")
    assert dump_situation(loaded) == text
