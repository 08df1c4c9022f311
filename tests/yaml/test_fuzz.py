"""Property tests: saving never changes a situation, edits keep it valid, junk never crashes."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitrep.editing.document import Document, EditRejected
from sitrep.errors import SitrepError
from sitrep.model.entries import ControlChange, Note, Place
from sitrep.model.situation import Situation
from sitrep.model.validation.problems import cross_entry_problems
from sitrep.storage.crash.journal import Journal
from sitrep.storage.diskstate import DiskState
from sitrep.yaml.block.fast import fast_load
from sitrep.yaml.io import decode, dump_situation, parse_situation
from sitrep.yaml.nodes import compose, to_python
from tests.strategies import TRICKY, dates, figures, notes_for, parties, situations, text

FUZZ = settings(
    max_examples=int(os.environ.get("SITREP_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def reads_the_same(text_: str) -> None:
    """The fast reader either declines or reads exactly what the full parser reads."""
    fast = fast_load(text_)
    if fast is not None:
        assert fast == to_python(compose(text_))  # type: ignore[arg-type]


@FUZZ
@given(situations())
def test_save_then_load_gives_the_same_situation_and_the_same_bytes(s: Situation) -> None:
    text_ = dump_situation(s)
    loaded = parse_situation(text_)
    assert loaded == s
    assert dump_situation(loaded) == text_
    reads_the_same(text_)


@FUZZ
@given(st.lists(st.sampled_from(TRICKY) | text, min_size=1, max_size=6))
@example(["line\n\n"])
@example(["\n"])
def test_every_tricky_string_survives_in_every_kind_of_field(strings: list[str]) -> None:
    s = Situation.model_validate(
        {
            "header": {
                "title": "t" + strings[0],
                "region": "r",
                "as_of": "2021-08-13",
                "produced_by": strings[0],
                "highlights": strings,
            },
            "notes": [
                {"date": "2021-08-13", "text": "n" + x, "sector": x, "tags": [x, x]}
                for x in strings
            ],
        }
    )
    text_ = dump_situation(s)
    loaded = parse_situation(text_)
    assert loaded == s
    assert dump_situation(loaded) == text_


@FUZZ
@given(figures())
def test_every_figure_survives(figure: object) -> None:
    s = Situation.model_validate(
        {
            "header": {"title": "t", "region": "r", "as_of": "2021-08-13"},
            "evacuations": [{"actor": "X", "troops": figure, "evacuees": figure}],
            "figures": [
                {
                    "id": "d",
                    "counted": "c",
                    "area": "a",
                    "series": [{"as_of": "2021-01-01", "value": figure}],
                }
            ],
        }
    )
    assert parse_situation(dump_situation(s)) == s


# -- edits ------------------------------------------------------------------------------

operations = st.lists(
    st.tuples(
        st.sampled_from(["add", "replace", "delete", "undo", "redo", "header", "group"]),
        st.sampled_from(["parties", "sources", "places", "notes"]),
        st.integers(0, 50),
        st.data(),
    ),
    max_size=25,
)


def _new_entry(section: str, doc: Document, data: st.DataObject) -> object:
    s = doc.situation
    if section == "parties":
        return data.draw(parties())
    if section == "sources":
        from tests.strategies import sources

        return data.draw(sources())
    if section == "notes":
        return data.draw(notes_for([x.id for x in s.sources]))
    party = data.draw(st.sampled_from([p.id for p in s.parties] or ["nobody"]))
    return Place(
        id=data.draw(st.sampled_from(["north", "south", "0123", "NO"])),
        name="P",
        control=[ControlChange(holder=party)],
    )


def _apply(doc: Document, op: str, section: str, n: int, data: st.DataObject) -> None:
    entries = doc.entries(section)  # type: ignore[arg-type]
    if op == "undo":
        doc.undo()
    elif op == "redo":
        doc.redo()
    elif op == "header":
        doc.set_header(doc.situation.header.model_copy(update={"title": data.draw(text)}))
    elif op == "add":
        doc.add(section, _new_entry(section, doc, data), n % (len(entries) + 1))  # type: ignore[arg-type]
    elif op == "group":
        with doc.group():
            doc.add("notes", Note(date=dt.date(2021, 8, 1), text=data.draw(text)), 0)
            if doc.situation.notes[1:]:
                doc.delete("notes", 1)
    elif entries and op == "replace":
        doc.replace(section, n % len(entries), _new_entry(section, doc, data))  # type: ignore[arg-type]
    elif entries and op == "delete":
        doc.delete(section, n % len(entries))  # type: ignore[arg-type]


@FUZZ
@given(situations(max_entries=3), operations)
def test_random_edits_keep_the_situation_valid_and_the_journal_replays_them(
    tmp_path_factory: pytest.TempPathFactory,
    s: Situation,
    ops: list[tuple[str, str, int, st.DataObject]],
) -> None:
    path = tmp_path_factory.mktemp("edit") / "sit.yaml"
    base = dump_situation(s)
    path.write_text(base, encoding="utf-8")
    doc = Document(parse_situation(base), path)
    journal = Journal.open(path, DiskState.capture(path).sha256)
    journal.attach(doc)
    for op, section, n, data in ops:
        with contextlib.suppress(EditRejected):
            _apply(doc, op, section, n, data)
        assert cross_entry_problems(doc.situation) == []
    text_ = dump_situation(doc.situation)
    assert parse_situation(text_) == doc.situation
    journal.handle.close()  # a crash

    recovery = Journal.pending(path)
    replayed = Document(parse_situation(base), path)
    if recovery is None:  # nothing was changed, or every change was rejected
        assert text_ == base and not doc.can_undo and not doc.can_redo
        journal.close()
        return
    recovery.apply(replayed)
    assert dump_situation(replayed.situation) == text_
    replayed.undo()
    assert dump_situation(replayed.situation) == base
    journal.file.unlink()


# -- junk -------------------------------------------------------------------------------


def parse_only_sitrep_errors(data: bytes) -> None:
    with contextlib.suppress(SitrepError):
        parse_situation(decode(data, "fuzz.yaml"), "fuzz.yaml")


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_sitrep_errors(data: bytes) -> None:
    parse_only_sitrep_errors(data)


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | text
    | dates
    | st.sampled_from(TRICKY),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["sitrep", "header", "title", "id", "notes", "x"]) | text,
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(yaml_values, st.booleans())
def test_random_yaml_documents_raise_only_sitrep_errors(value: object, flow: bool) -> None:
    text_ = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    parse_only_sitrep_errors(text_.encode("utf-8"))
    reads_the_same(text_)


@FUZZ
@given(situations(max_entries=2), st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from([
    "", " ", "  ", "\n", "\t", "-", "- ", ":", ": ", "#", "'", '"', "|", "|-", "|+", ">", "[", "{",
    "&a ", "*a", "!!python/object/apply:os.system ", "\\", "\x85", "\ufeff", "0", "~", "a",
])), min_size=1, max_size=4))  # fmt: skip
def test_mutated_situation_files_raise_only_sitrep_errors(
    s: Situation, cuts: list[tuple[int, str]]
) -> None:
    text_ = dump_situation(s)
    for position, insert in cuts:
        at = position % (len(text_) + 1)
        text_ = text_[:at] + insert + text_[at + (position % 3) :]
    parse_only_sitrep_errors(text_.encode("utf-8", "surrogatepass"))
    try:
        compose(text_)
    except yaml.YAMLError:
        assert fast_load(text_) is None
        return
    except Exception:
        return
    reads_the_same(text_)


def test_the_sample_survives(sample_file: Path) -> None:
    text_ = sample_file.read_text(encoding="utf-8")
    assert dump_situation(parse_situation(text_)) == text_
    reads_the_same(text_)
