"""Reading a CSV someone sent: bounded, decoded with care, dialect and HXL row detected.

A CSV from a partner, a download or a spreadsheet is hostile input: it may be a
FIFO or a device, huge, binary, in another encoding, with semicolons for
commas (European Excel), ragged rows or formulas. This reads regular files of
at most MAX_CSV_BYTES, decodes UTF-8 (with or without a byte order mark) or
UTF-16 with a byte order mark (Excel's "Unicode text"); any other encoding only
when named with --encoding (e.g. cp1252). Comma, semicolon and tab separators
are recognised. An HXL hashtag row is found within the first 25 rows, as the
HXL standard places it; the row above it gives the headers.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import Problem, SitrepDataError, SitrepIOError, SitrepUsageError

MAX_CSV_BYTES = 32 * 2**20
"""An admin boundaries list of a large country is a few MiB; more is not a table to import."""
MAX_ROWS = 200_000
MAX_COLUMNS = 500
MAX_CELL = 20_000
HXL_SEARCH_ROWS = 25
_HASHTAG = re.compile(r"^\s*#[A-Za-z][A-Za-z0-9_]*(\s*\+\s*[A-Za-z][A-Za-z0-9_]*)*\s*$")


@dataclass(frozen=True)
class RowProblem(Problem):
    """A problem with one row of a CSV file, printed ``FILE:LINE: message``."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else super().__str__()


def row_problem(name: str, line: int, message: str) -> RowProblem:
    """A problem at a line of a CSV file."""
    return RowProblem(name, line, None, message)


@dataclass(frozen=True)
class CsvRow:
    """One data row: the line it starts on (1-based) and its cells, as many as the header."""

    line: int
    cells: list[str]


@dataclass
class CsvTable:
    """A CSV file's headers, HXL hashtags (None for an untagged column) and data rows."""

    name: str
    headers: list[str]
    tags: list[str | None]
    rows: list[CsvRow] = field(default_factory=list)

    @property
    def has_hxl(self) -> bool:
        """Whether the file had an HXL hashtag row."""
        return any(self.tags)


def read_csv(path: str | Path, encoding: str | None = None) -> CsvTable:
    """Read and parse a CSV file. Raises SitrepIOError or SitrepDataError (FILE:LINE: ...)."""
    name = str(path)
    text = decode(read_limited(path), name, encoding)
    return parse_csv(text, name)


def read_limited(path: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_CSV_BYTES, opened without blocking."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise SitrepIOError(f"{name}: no such file") from None
    except OSError as exc:
        raise SitrepIOError(f"{name}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise SitrepIOError(f"{name}: {what}; give a CSV file")
        data = handle.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise SitrepIOError(f"{name}: larger than {MAX_CSV_BYTES // 2**20} MiB; split the table")
    return data


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Text of the file: UTF-8 (BOM allowed), UTF-16 with a BOM, or the encoding named."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SitrepUsageError(f"--encoding {encoding}: not an encoding Python knows") from None
        text = data.decode(encoding, errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _bad(name, 1, "UTF-16 text with a broken byte sequence") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise _bad(
                name,
                line,
                f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the table as "
                "'CSV UTF-8', or name its encoding, e.g. --encoding cp1252",
            ) from None
    if "\x00" in text:
        raise _bad(name, text[: text.index("\x00")].count("\n") + 1, "binary data (NUL byte)")
    return text


def parse_csv(text: str, name: str) -> CsvTable:
    """Parse CSV text: the separator sniffed, the HXL row found, rows padded to the header."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    raw: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if len(raw) >= MAX_ROWS:
                raise _bad(name, start, f"more than {MAX_ROWS:,} rows; split the table")
            if len(cells) > MAX_COLUMNS:
                raise _bad(name, start, f"{len(cells)} columns; at most {MAX_COLUMNS}")
            if any(len(c) > MAX_CELL for c in cells):
                raise _bad(name, start, f"a cell longer than {MAX_CELL:,} characters")
            if any(c.strip() for c in cells):
                raw.append((start, [c.strip() for c in cells]))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _bad(name, start, f"not valid CSV: {exc}") from None
    if not raw:
        raise _bad(name, 1, "no rows: the file is empty")
    tag_at = next(
        (i for i, (_, cells) in enumerate(raw[:HXL_SEARCH_ROWS]) if _is_hashtag_row(cells)), None
    )
    tags: list[str | None]
    if tag_at is None:
        headers, tags, body = raw[0][1], [None] * len(raw[0][1]), raw[1:]
    else:
        tag_cells = raw[tag_at][1]
        headers = raw[tag_at - 1][1] if tag_at > 0 else [""] * len(tag_cells)
        tags = [normal_tag(c) for c in tag_cells]
        body = raw[tag_at + 1 :]
    width = max(len(headers), len(tags))
    headers = headers + [""] * (width - len(headers))
    tags = (tags + [None] * width)[:width]
    table = CsvTable(name, headers, tags)
    problems: list[Problem] = []
    for line, cells in body:
        extra = [c for c in cells[width:] if c]
        if extra:
            message = f"{len(cells)} cells but {width} columns: {extra[0]!r} has no header"
            problems.append(row_problem(name, line, message))
            continue
        table.rows.append(CsvRow(line, (cells + [""] * width)[:width]))
    if problems:
        raise SitrepDataError(problems)
    return table


def _dialect(text: str) -> type[csv.Dialect]:
    sample = text[:65536]
    first = sample.split("\n", 1)[0]
    counts = {sep: _outside_quotes(first, sep) for sep in (",", ";", "\t")}
    sep = max(counts, key=lambda s: (counts[s], s == ","))

    class Sniffed(csv.excel):
        delimiter = sep if counts[sep] else ","

    return Sniffed


def _outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            count += 1
    return count


def _is_hashtag_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and all(_HASHTAG.match(c) for c in filled)


def normal_tag(cell: str) -> str | None:
    """A hashtag in normal form: lowercase, no spaces, attributes sorted ('#adm1+code')."""
    if not cell:
        return None
    head, *attributes = [part.strip().lower() for part in cell.replace(" ", "").split("+")]
    return "+".join([head, *sorted(a for a in attributes if a)])


def _bad(name: str, line: int, message: str) -> SitrepDataError:
    return SitrepDataError([row_problem(name, line, message)])
