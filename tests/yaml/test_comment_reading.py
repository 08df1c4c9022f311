"""Reading comments: where a comment starts, odd line breaks, budgets, large files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import SitrepDataError
from sitrep.model.comments import SELF, Comments, comments_of, set_comments
from sitrep.yaml import nodes as yamlnodes
from sitrep.yaml.block.fast import Declined, Read, read_plain
from sitrep.yaml.comments import split_comment
from sitrep.yaml.io import dump_situation, parse_situation
from tests.commented import all_comments
from tests.paths import REPO


def _libyaml(text: str) -> str:
    """The same document in a form the fast reader declines: libyaml reads it."""
    return "---\n" + text


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
    text = "sitrep: 2 # v\n# before header\nheader:\n  title: T\n  region: R\n  as_of: 2024-01-01\n# end\n"
    unix = all_comments(parse_situation(text))
    assert all_comments(parse_situation(text.replace("\n", "\r\n"))) == unix
    assert all_comments(parse_situation(_libyaml(text).replace("\n", "\r\n"))) == unix
    quoted = text.replace("title: T", "title: 'T # not'")
    assert all_comments(parse_situation("\ufeff" + quoted)) == unix
    assert all_comments(parse_situation(_libyaml(quoted).replace("\n", "\u2028"))) == unix


def test_a_comment_with_a_tab_is_kept() -> None:
    text = "sitrep: 2\t# tab before\nheader:\n  title: T\t# tab\n  region: R\n  as_of: 2024-01-01\n"
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
    text = "sitrep: 2 #\ttab\n" + "# comment\n" * 30 + "header: {title: T}\n"
    with pytest.raises(SitrepDataError) as caught:
        parse_situation(text, "f.yaml")
    assert caught.value.lines() == ["f.yaml:21:1: more than 20 lines with a '#': too many comments"]


def test_a_large_file_with_comments_before_its_keys_stays_on_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.generate import write

    path = tmp_path / "g.yaml"
    write(1500, path)  # more commented keys than the reader learns key names at a column
    situation = parse_situation(path.read_text(encoding="utf-8"))
    for place in situation.places:
        set_comments(place, Comments({SELF: ("# place",), "kind": ("# checked",)}, {"name": "# x"}))
        change = place.control[-1]
        assert change.date is not None and change.holder is not None
        set_comments(change, Comments({"holder": ("# change",)}, {"date": "# when"}))
    text = dump_situation(situation)
    read = read_plain(text)
    assert isinstance(read, Read), read
    assert len(read.comments.before) == 4500 and len(read.comments.beside) == 3000
    assert read.comments.before[("places", 7, "control", len(situation.places[7].control) - 1,
                                 "holder")] == ["# change"]  # fmt: skip
