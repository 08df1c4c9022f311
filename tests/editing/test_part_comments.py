"""Comments on parts (control changes, series points, past reports, the refresh) follow
their part through edits that rebuild the entry, and go only with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitrep.editing.document import Document
from sitrep.model.comments import comments_of
from sitrep.model.entries import FigureEntry, Place
from sitrep.model.situation import Header
from sitrep.yaml.io import dump_situation, parse_situation, to_data
from tests.paths import GOLDEN

CANONICAL = (GOLDEN / "comments-canonical.yaml").read_text(encoding="utf-8")


def document() -> Document:
    return Document(parse_situation(CANONICAL), Path("flood.yaml"))


def north(doc: Document) -> Place:
    return doc.situation.places[1]


def rebuild(doc: Document, index: int, control: list[dict[str, Any]]) -> None:
    """What a form does: the place built afresh from its fields, with this history."""
    data = to_data(doc.situation)["places"][index]
    doc.replace("places", index, Place.model_validate({**data, "control": control}))


def test_an_appended_change_has_none_and_the_others_keep_theirs() -> None:
    doc = document()
    before = [comments_of(c) for c in north(doc).control]
    control = to_data(doc.situation)["places"][1]["control"]
    rebuild(doc, 1, [*control, {"date": "2024-05-02", "holder": "auth", "sources": ["radio"]}])
    assert [comments_of(c) for c in north(doc).control] == [*before, None]
    text = dump_situation(doc.situation)
    assert "    note: Fighting at the dam. # unconfirmed\n  - date: 2024-05-02\n" in text
    assert [comments_of(c) for c in parse_situation(text).places[1].control] == [*before, None]


def test_deleting_a_change_drops_its_comments_only_and_undo_brings_them_back() -> None:
    doc = document()
    before = dump_situation(doc.situation)
    held, fell = north(doc).control
    rebuild(doc, 1, to_data(doc.situation)["places"][1]["control"][1:])
    [kept] = north(doc).control
    assert comments_of(kept) == comments_of(fell)
    after = dump_situation(doc.situation)
    assert "# held before the floods" not in after and "# as far as anyone knows" not in after
    assert "# AP, 12:40" in after and "# upstream first" in after
    doc.undo()
    assert north(doc).control == [held, fell] and dump_situation(doc.situation) == before
    doc.redo()
    assert dump_situation(doc.situation) == after


def test_an_edited_change_keeps_its_comments() -> None:
    doc = document()
    fell = north(doc).control[1]
    control = to_data(doc.situation)["places"][1]["control"]
    control[1] |= {"state": "controlled", "holder": "militia", "parties": []}
    rebuild(doc, 1, control)
    assert comments_of(north(doc).control[1]) == comments_of(fell)
    text = dump_situation(doc.situation)
    assert "    holder: militia\n    # at the dam\n    sources:\n" in text, (
        "the comment on parties, no longer written, moves down to the next key"
    )


def test_a_change_moved_down_by_its_new_date_keeps_its_comments() -> None:
    doc = document()
    control = to_data(doc.situation)["places"][1]["control"]
    later = {"date": "2024-05-02", "holder": "auth", "sources": ["radio"]}
    rebuild(doc, 1, [*control, later])
    comments = [comments_of(c) for c in north(doc).control]
    # the contested change was dated wrong: it comes after the new one now
    control = to_data(doc.situation)["places"][1]["control"]
    moved = {**control[1], "date": "2024-05-03"}
    rebuild(doc, 1, [control[0], control[2], moved])
    assert [comments_of(c) for c in north(doc).control] == [comments[0], None, comments[1]]


def test_a_figure_keeps_its_points_comments_when_a_point_is_added() -> None:
    doc = document()
    figure = doc.situation.figures[0]
    before = [comments_of(p) for p in figure.series]
    data = to_data(doc.situation)["figures"][0]
    point = {"as_of": "2024-05-03", "value": "about 15,000", "sources": ["ocha"]}
    doc.replace(
        "figures", 0, FigureEntry.model_validate({**data, "series": [*data["series"], point]})
    )
    assert [comments_of(p) for p in doc.situation.figures[0].series] == [*before, None]
    assert comments_of(doc.situation.figures[0]) == comments_of(figure)


def test_a_header_edit_keeps_the_refresh_and_past_reports_comments() -> None:
    doc = document()
    header = doc.situation.header
    assert header.refresh is not None
    kept = comments_of(header), comments_of(header.refresh), comments_of(header.past_reports[0])
    fresh = Header.model_validate({**to_data(doc.situation)["header"], "title": "Floods"})
    doc.set_header(fresh)
    new = doc.situation.header
    assert new.refresh is not None
    assert (comments_of(new), comments_of(new.refresh), comments_of(new.past_reports[0])) == kept
    doc.set_header(new.next())  # the next report: this one joins the past reports
    reports = doc.situation.header.past_reports
    assert [comments_of(r) for r in reports] == [kept[2], None]
    text = dump_situation(doc.situation)
    assert "  past_reports:\n  # the first issue\n  - report_number: 1 # issued at 18:00\n" in text
