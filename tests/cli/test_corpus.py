"""Hostile and broken files: refused with FILE:LINE:COL, never a traceback, hang, write or payload.

Each corpus file is loaded in process (exact message) and given to real
`sitrep check` and `sitrep export -o out.md` subprocesses (exit 1, no traceback,
nothing written in their working folder, no payload run).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sitrep.errors import SitrepDataError, SitrepIOError
from sitrep.yaml.io import MAX_FILE_BYTES, dump_situation, load_situation, read_text
from sitrep.yaml.nodes import MAX_NODES
from tests.paths import CORPUS

CORPUS = CORPUS
VALID = "hostile-text.yaml"
EDGES = ["year-one.yaml", "year-9999.yaml"]
"""Valid files at the ends of the calendar and of figures: check accepts them, so all renders."""

# file: (line, column, text the first problem's message contains); line None: no position.
EXPECTED: dict[str, tuple[int | None, int | None, str]] = {
    "empty.yaml": (None, None, "the file is empty"),
    "only-comments.yaml": (None, None, "the file is empty"),
    "binary-junk.yaml": (1, 58, "binary data (NUL byte): not YAML"),
    "not-utf8.yaml": (4, 14, "not UTF-8 text (byte 0xfc)"),
    "control-character.yaml": (3, 15, "control character U+001B in the text"),
    "syntax-error.yaml": (10, 1, "found unexpected end of stream (while scanning a quoted"),
    "bad-indentation.yaml": (8, 8, "mapping values are not allowed in this context"),
    "tabs.yaml": (8, 1, "found a tab character that violates indentation"),
    "two-documents.yaml": (6, 1, "but found another document"),
    "top-level-list.yaml": (1, 1, "a situation file is a mapping (key: value)"),
    "top-level-text.yaml": (1, 1, "a situation file is a mapping (key: value)"),
    "missing-header.yaml": (1, 1, "missing required key 'header'"),
    "future-version.yaml": (1, 9, "sitrep: format version 3 is not one this sitrep reads"),
    "wrong-types.yaml": (5, 10, "as_of: 'yesterday' is not a date: write dates as YYYY-MM-DD"),
    "unknown-keys.yaml": (3, 3, "key 'title'"),
    "duplicate-keys.yaml": (6, 3, "duplicate key 'title'"),
    "non-string-keys.yaml": (7, 3, "keys must be plain names"),
    "duplicate-ids.yaml": (11, 7, "duplicate party id 'taliban' (first used in entry 1)"),
    "unknown-references.yaml": (14, 11, "unknown party 'talibn'; did you mean 'taliban'?"),
    "impossible-date.yaml": (5, 10, "as_of: 2021-02-30 is not a real date (no such day in that"),
    "out-of-range-coordinates.yaml": (14, 8, "lat: should be less than or equal to 90"),
    "negative-figures.yaml": (8, 11, "troops: a figure cannot be negative: -3000"),
    "long-number.yaml": (6, 18, "number too long (5,000 digits)"),
    "python-object-apply.yaml": (6, 10, "tags such as !!python/object/apply:os.system are not"),
    "python-object-new.yaml": (3, 10, "tags such as !!python/object/new:subprocess.check_call"),
    "python-name.yaml": (7, 7, "tags such as !!python/name:os.system are not allowed"),
    "python-tag-key.yaml": (6, 3, "keys must be plain names"),
    "local-tag.yaml": (6, 10, "YAML tags such as !include are not allowed"),
    "alias-bomb.yaml": (1, 4, "anchors and aliases (& and *) are not supported"),
    "merge-key.yaml": (10, 3, "merge keys (<<) are not supported"),
    "deep-nesting.yaml": (1, 1003, "exceeded maximum nesting depth"),
    "deep-block-nesting.yaml": (34, 67, "nested more than 32 levels deep"),
    "quoted-number.yaml": (
        12,
        8,
        "lat: should be a valid number (remove the quotes: '31.6' is text)",
    ),
    "boolean-number.yaml": (6, 18, "report_number: should be a valid integer (true and false"),
    "float-version.yaml": (1, 9, "sitrep: should be 2 (or 1), written as a whole number"),
    "yes-flag.yaml": (13, 23, "seat_of_government: should be a valid boolean (write true or"),
    "number-date.yaml": (5, 10, "as_of: should be a date written YYYY-MM-DD (e.g. 2021-08-13)"),
    "core-tag.yaml": (5, 10, "YAML tags such as !!timestamp are not allowed: remove it"),
    "str-tag.yaml": (3, 10, "YAML tags such as !!str are not allowed: remove it"),
    "huge-figure.yaml": (8, 11, "troops: 10000000000000000 is too large for a figure"),
    "huge-report-number.yaml": (6, 18, "report_number: should be less than or equal to 999999"),
    "bracket-key.yaml": (6, 3, "unknown key 'notes[0]'"),
}
# Valid situations naming an outline that cannot be read: `check` refuses them at
# the outline: line (reading the outline without blocking or without end).
OUTLINES: dict[str, str] = {
    "outline-dev-zero.yaml": "/dev/zero: not a regular file (a character device)",
    "outline-urandom.yaml": "/dev/urandom: not a regular file (a character device)",
    "outline-nul.yaml": "the name holds a NUL character",
    "outline-folder.yaml": "is a folder, not a GeoJSON outline",
    "outline-missing.yaml": "no-such-outline.geojson: outline file not found",
}
# Every problem of these files, not only the first.
EVERY_PROBLEM = {
    "wrong-types.yaml": [
        "5:10: as_of: 'yesterday' is not a date: write dates as YYYY-MM-DD, e.g. 2024-12-02",
        "6:18: report_number: should be a valid integer",
        "7:10: parties: should be a list (one '- item' per line), not text",
    ],
    "unknown-keys.yaml": [
        "3:3: missing required key 'title'",
        "3:3: unknown key 'titel'; did you mean 'title'?",
    ],
    "unknown-references.yaml": [
        "14:11: unknown party 'talibn'; did you mean 'taliban'?",
        "15:13: unknown source 'nobody' (no source is defined: add it under sources)",
    ],
    "out-of-range-coordinates.yaml": [
        "14:8: lat: should be less than or equal to 90",
        "15:8: lon: should be greater than or equal to -180",
    ],
    "boolean-number.yaml": [
        "6:18: report_number: should be a valid integer (true and false are not numbers)",
        "13:8: lat: should be a valid number (true and false are not numbers)",
    ],
    "huge-figure.yaml": [
        "8:11: troops: 10000000000000000 is too large for a figure (at most 1,000,000,000,000,000): check for a typo",
        "10:11: troops: 'about 999999999999999999999999999999... is too large for a figure (at most 1,000,000,000,000,000): check for a typo",
        "14:11: figure: a number of about 306 digits is too large for a figure (at most 1,000,000,000,000,000): check for a typo",
    ],
}
BAD = sorted(EXPECTED)


def test_the_corpus_is_complete_and_documented() -> None:
    on_disk = {p.name for p in CORPUS.glob("*.yaml")}
    assert on_disk == {*EXPECTED, *OUTLINES, VALID, *EDGES}
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in on_disk)
    assert all((CORPUS / name).stat().st_size < 64 * 1024 for name in on_disk)


@pytest.mark.parametrize("name", BAD)
def test_refused_in_process_with_the_expected_message(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a payload that ran would create its marker here
    with pytest.raises(SitrepDataError) as info:
        load_situation(CORPUS / name)
    line, column, message = EXPECTED[name]
    first = info.value.problems[0]
    assert first.file == str(CORPUS / name)
    assert (first.line, first.column) == (line, column)
    assert message in first.message
    for expected in EVERY_PROBLEM.get(name, []):
        assert f"{CORPUS / name}:{expected}" in info.value.lines()
    assert list(tmp_path.iterdir()) == []


# -- real subprocesses -----------------------------------------------------------------


def run_sitrep(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SITREP_CONFIG": str(home / "settings.toml"),
        "SITREP_STATE_DIR": str(home / "state"),
    }
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,  # a guard against hangs, far above the fraction of a second it takes
    )


@pytest.fixture(scope="module")
def check_all(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One `sitrep check` of every bad file (it checks each and reports them all)."""
    cwd = tmp_path_factory.mktemp("check")
    home = tmp_path_factory.mktemp("home")
    return run_sitrep(["check", *(str(CORPUS / name) for name in BAD)], cwd, home), cwd


@pytest.fixture(scope="module")
def exports(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    """`sitrep export -o out.md` of each bad file, in its own folder, two at a time."""
    home = tmp_path_factory.mktemp("home")

    def one(name: str) -> tuple[subprocess.CompletedProcess[str], Path]:
        cwd = tmp_path_factory.mktemp(f"export-{name}")
        return run_sitrep(["export", "-o", "out.md", str(CORPUS / name)], cwd, home), cwd

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(BAD, pool.map(one, BAD), strict=True))


def assert_refused(name: str, stderr: str) -> None:
    line, column, message = EXPECTED[name]
    where = f"{CORPUS / name}:{line}:{column}: " if line else f"{CORPUS / name}: "
    first = next(x for x in stderr.splitlines() if x.startswith(f"{CORPUS / name}:"))
    assert first.startswith(where) and message in first, stderr


def test_check_refuses_every_bad_file(
    check_all: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, cwd = check_all
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stdout == "", "no bad file may pass"
    for name in BAD:
        assert_refused(name, result.stderr)
    assert all(re.match(r"\S+?(:\d+:\d+)?: \S", x) for x in result.stderr.splitlines())
    assert list(cwd.iterdir()) == [], "nothing written, no payload run"


@pytest.mark.parametrize("name", BAD)
def test_export_refuses_and_writes_nothing(
    exports: dict[str, tuple[subprocess.CompletedProcess[str], Path]], name: str
) -> None:
    result, cwd = exports[name]
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert_refused(name, result.stderr)
    assert result.stdout == ""
    assert list(cwd.iterdir()) == [], "no out.md, no payload run"


# -- outlines that cannot be read ------------------------------------------------------------


def test_check_refuses_every_unreadable_outline_at_its_line(tmp_path: Path) -> None:
    from sitrep.geo.outline import situation_outline
    from tests.nohang import no_hang

    result = run_sitrep(["check", *(str(CORPUS / name) for name in OUTLINES)], tmp_path, tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert "Traceback" not in result.stderr
    for name, message in OUTLINES.items():
        path = CORPUS / name
        assert f"{path}:6:12: outline: " in result.stderr and message in result.stderr
        situation = load_situation(path)  # the situation itself is valid
        with pytest.raises(SitrepDataError) as info:
            no_hang(lambda: situation_outline(situation, CORPUS, source=path))  # noqa: B023
        assert info.value.problems[0].line == 6 and message in info.value.problems[0].message
        mapped = run_sitrep(
            ["export", str(path), "--map", "m.svg", "-o", "b.md"], tmp_path, tmp_path
        )
        assert mapped.returncode == 1 and f"{path}:6:12: outline: " in mapped.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "state"] or list(tmp_path.iterdir()) == []


def test_an_outline_that_is_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.geojson")
    text = (CORPUS / "outline-missing.yaml").read_text(encoding="utf-8")
    (tmp_path / "s.yaml").write_text(text.replace("no-such-outline", "pipe"), encoding="utf-8")
    result = run_sitrep(["check", "s.yaml"], tmp_path, tmp_path)
    assert result.returncode == 1
    assert "s.yaml:6:12: outline: " in result.stderr and "a named pipe" in result.stderr


# -- valid at the edges: whatever check accepts renders ------------------------------------


@pytest.mark.parametrize("name", EDGES)
def test_edges_check_render_and_round_trip(tmp_path: Path, name: str) -> None:
    path = CORPUS / name
    assert dump_situation(load_situation(path)) == read_text(path)
    for args in (["check", str(path)], ["export", str(path), "--map", "m.svg", "-o", "b.md"]):
        result = run_sitrep(args, tmp_path, tmp_path)
        assert result.returncode == 0, result.stderr
    brief = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "more than 1,000,000,000,000,000" in brief and "1,000,000,000,000,000" in brief


# -- valid but hostile text -----------------------------------------------------------------


def test_hostile_text_is_valid_and_round_trips_byte_for_byte(tmp_path: Path) -> None:
    path = CORPUS / VALID
    text = read_text(path)
    situation = load_situation(path)
    assert dump_situation(situation) == text
    notes = "\n".join(n.text for n in situation.notes)
    assert "\x1b]0;pwned\x07" in notes and "\x00" in notes
    assert any(len(line) == 10_000 for line in notes.splitlines())
    assert "[@click=app.quit]" in situation.parties[0].name
    result = run_sitrep(["check", str(path)], tmp_path, tmp_path)
    assert result.returncode == 0 and "valid" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr


# -- too big, too many, not a file ------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_at_once_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("sitrep: 1\nnotes:\n")
        line = "- {date: 2021-08-13, text: " + "x" * 70 + "}\n"
        handle.write(line * (MAX_FILE_BYTES // len(line) + 2**14))
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(SitrepDataError, match=f"larger than {MAX_FILE_BYTES // 2**20} MiB"):
        load_situation(path)
    result = run_sitrep(["check", str(path)], tmp_path, tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.fullmatch(rf"{re.escape(str(path))}: file is larger than \d+ MiB.*\n", result.stderr)


def test_a_file_under_the_size_limit_with_too_many_values_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("sitrep: 1\nnotes: [" + "1," * (MAX_NODES + 10) + "]\n", encoding="utf-8")
    assert path.stat().st_size < MAX_FILE_BYTES
    with pytest.raises(SitrepDataError, match=f"more than {MAX_NODES:,} values") as info:
        load_situation(path)
    assert info.value.problems[0].line == 2


def test_millions_of_problems_are_cut_to_a_readable_list(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    head = "sitrep: 1\nheader:\n  title: t\n  region: r\n  as_of: 2021-08-13\n"
    path.write_text(head + "notes:\n" + "- {}\n" * 5000, encoding="utf-8")
    with pytest.raises(SitrepDataError) as info:
        load_situation(path)
    lines = info.value.lines()
    assert len(lines) == 201
    assert lines[0] == f"{path}:7:3: missing required key 'date'"
    assert lines[-1] == f"{path}: and 9,800 more problems (fix these, then check again)"


def test_many_unknown_references_among_many_ids_do_not_hang(tmp_path: Path) -> None:
    head = "sitrep: 1\nheader:\n  title: t\n  region: r\n  as_of: 2021-08-13\nparties:\n"
    parties = "".join(f"- {{id: party{i}, name: P}}\n" for i in range(3000))
    places = "".join(f"- {{id: p{i}, name: X, holder: prty{i}}}\n" for i in range(3000))
    path = tmp_path / "refs.yaml"
    path.write_text(head + parties + "territory:\n" + places, encoding="utf-8")
    with pytest.raises(SitrepDataError) as info:
        load_situation(path)
    assert len(info.value.problems) == 200  # was 3000 difflib searches among 3000 ids: minutes
    assert "unknown party 'prty0'" in info.value.problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SitrepIOError, match="not a regular file"):
        load_situation(fifo)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SitrepIOError, match="is a folder"):
        load_situation(tmp_path)
