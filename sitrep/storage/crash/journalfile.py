"""Journal files on disk: their names, reading them safely, setting them aside. No Textual.

A journal is a JSON-lines file in ``STATE/journals``: the first line names the
file and the content (SHA-256) the changes apply to, each further line is one
Change. Journals are read as hostile files: only regular files, without
blocking, at most MAX_JOURNAL_BYTES (a line at most MAX_LINE_BYTES), with any
timestamp, so a FIFO, /dev/zero, a binary or truncated file, or mixed naive and
aware times are never a hang, a memory blow-up or a crash.

Names, for the file whose key (statedir.file_key) is KEY:

- ``KEY.jsonl``, ``KEY.2.jsonl`` ... ``KEY.8.jsonl``: the slots running
  instances journal to (each locked by its instance);
- ``KEY.kept.STAMP.N.jsonl``: a journal set aside (kept for later, or found in
  a slot a new instance needs), never overwritten: set_aside() picks a free name;
- ``KEY.prev.jsonl``, ``KEY.N.prev.jsonl``: set aside by earlier versions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sitrep.editing.document import Change
from sitrep.errors import SitrepError
from sitrep.model.comments import Comments, set_comments
from sitrep.model.parts import parts_from_json
from sitrep.model.sections import SECTION_MODELS, SECTIONS
from sitrep.model.situation import Header
from sitrep.storage.statedir import file_key, real_path, state_subdir

FORMAT = 1
"""The journal format this version writes; other formats are not replayed."""

MAX_SLOTS = 8
"""How many sitrep instances may journal the same file at once."""

MAX_JOURNAL_BYTES = 64 * 1024 * 1024
"""Read at most this much of a journal (about 60,000 changes): the rest is reported lost."""

MAX_LINE_BYTES = 8 * 1024 * 1024
"""A longer line is not one sitrep wrote (an entry with a very long note is ~100 KB)."""

_MODELS: dict[str, type[BaseModel]] = {"header": Header, **SECTION_MODELS}
_EPOCH = dt.datetime.fromtimestamp(0, dt.UTC)


class JournalError(SitrepError):
    """A journal could not be written, read or replayed."""


@dataclass
class JournalContents:
    """What one journal file holds, as far as it could be read."""

    file: Path
    base_sha256: str | None
    changes: list[Change]
    last_change: dt.datetime
    damaged: str | None = None
    """Why reading stopped before the end (a torn last line, a line not sitrep's...)."""


def folder() -> Path:
    """The folder holding every journal (raises StateDirError when it cannot be made)."""
    return state_subdir("journals")


def slots(path: Path | None) -> list[Path]:
    """The journal files a document at path may use, first slot first."""
    key, where = file_key(path), folder()
    return [where / f"{key}.jsonl"] + [where / f"{key}.{n}.jsonl" for n in range(2, MAX_SLOTS + 1)]


def journal_files(path: Path | None) -> list[Path]:
    """Every journal file of path there is: slots, kept and earlier versions' ones."""
    key = file_key(path)
    try:
        names = [e.name for e in os.scandir(folder())]
    except OSError:
        return []
    found = [n for n in names if n.startswith(key + ".") and n.endswith(".jsonl")]
    return [folder() / name for name in sorted(found)]


def journals(path: Path | None) -> Iterator[Path]:
    """Every journal file of path that exists (for tools and docs)."""
    yield from journal_files(path)


def set_aside(file: Path, path: Path | None) -> Path:
    """Move a journal to a new ``KEY.kept.STAMP.N.jsonl`` name; never replaces a file.

    Returns the new name. Raises OSError when it cannot be moved.
    """
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    key = file_key(path)
    for n in range(1, 10_000):
        target = file.parent / f"{key}.kept.{stamp}.{n}.jsonl"
        try:
            os.link(file, target)  # fails if target exists: nothing is ever overwritten
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links
            if target.exists():
                continue
            os.rename(file, target)
            return target
        with contextlib.suppress(FileNotFoundError):
            os.unlink(file)
        return target
    raise OSError(f"no free name to keep {file}")


def read_journal(file: Path, path: Path | None = None) -> JournalContents | None:
    """A journal's contents; None if it is empty or not a journal this version replays.

    None also for a journal of another file whose key collides, and for anything
    that is not a regular file. Never raises, never blocks.
    """
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW)
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return _contents(file, path, handle)
    except OSError:
        return None
    finally:
        os.close(fd)


def _contents(file: Path, path: Path | None, handle: Any) -> JournalContents | None:
    header = _json(handle.readline(MAX_LINE_BYTES + 1))
    if header is None or header.get("sitrep_journal") != FORMAT:
        return None
    expected_file = None if path is None else str(real_path(path))
    if header.get("file") != expected_file:  # another file whose key collides: not ours
        return None
    changes: list[Change] = []
    last = time_of(header.get("started")) or _EPOCH
    damaged = None
    read = 0
    while True:
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            break
        read += len(raw)
        if read > MAX_JOURNAL_BYTES:
            damaged = f"larger than {MAX_JOURNAL_BYTES >> 20} MiB: only its first changes are read"
            break
        line = _json(raw)
        change = to_change(line) if line is not None else None
        if change is None or line is None:
            damaged = (
                f"line {len(changes) + 2} is torn or not sitrep's: it and what follows are lost"
            )
            break
        changes.append(change)
        last = time_of(line.get("at")) or last
    base = header.get("base_sha256")
    return JournalContents(file, base if isinstance(base, str) else None, changes, last, damaged)


def to_change(line: dict[str, Any]) -> Change | None:
    """The Change one journal line records, or None if it is not a valid one."""
    section = line.get("section")
    index = line.get("index")
    if section not in (*SECTIONS, "header") or type(index) is not int or index < 0:
        return None
    model = _MODELS[str(section)]
    try:
        before = None if line.get("before") is None else model.model_validate(line["before"])
        after = None if line.get("after") is None else model.model_validate(line["after"])
    except (ValidationError, ValueError, TypeError):
        return None
    if before is None and after is None:
        return None
    if section == "header" and (before is None or after is None):
        return None
    found = Comments.from_json(line.get("after_comments")) if after is not None else None
    if after is not None and found:
        set_comments(after, found)
    if after is not None:
        parts_from_json(after, line.get("after_part_comments"))
    return Change(section, index, before, after)


def time_of(value: object) -> dt.datetime | None:
    """A journal timestamp as an aware UTC time; None if it is not one (or absurd).

    A time without a zone is taken as UTC (journals write UTC), so naive and
    aware times compare; years outside 1970..9000 are refused, so showing the
    time in any local zone cannot overflow.
    """
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        moment = moment.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return None
    return moment if 1970 <= moment.year <= 9000 else None


def now() -> str:
    """The current time as a journal writes it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _json(raw: bytes) -> dict[str, Any] | None:
    if not raw or len(raw) > MAX_LINE_BYTES or not raw.endswith(b"\n"):
        return None  # empty, too long, or torn by a crash mid-write
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
