"""What an export may replace: only what sitrep wrote, never its own input. No Textual.

A brief or map sitrep writes ends with a marker line holding the SHA-256 of
everything before it::

    <!-- sitrep output sha256=3f2a... -->

(an HTML comment: invisible in rendered Markdown, valid after an SVG's root or an
HTML page). Formats that can hold no comment (CSV, GeoJSON, PDF) are written
unmarked, and their digest is kept in the state folder instead (``outputs/``,
one small file per output path), so they are recognised the same way.
Before an export writes, check_output() says whether the target is free:

- ``new``: nothing there; ``ours``: a sitrep output as sitrep wrote it. Both
  are written without asking.
- ``edited``: a sitrep output changed since (its digest no longer matches): the
  TUI asks before replacing it, the CLI refuses unless told --replace-edited.
- ``input``: the situation file, its outline or another input, whatever its
  name (compared as files, so a symlink or hard link is caught);
  ``foreign``: an existing file without the marker; ``not_regular``: a folder,
  pipe or device. Never written.

write_output() runs the check and writes atomically, refusing (OutputRefused,
exit 2) anything but new, ours, or edited when allowed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitrep.errors import SitrepIOError, SitrepUsageError
from sitrep.files import FileRefused, kind_of, read_regular
from sitrep.storage.diskstate import DiskState
from sitrep.storage.store import Saved, write_atomic

OutputStatus = Literal["new", "ours", "edited", "input", "foreign", "not_regular"]

MAX_OUTPUT_BYTES = 256 * 1024 * 1024
"""Larger files are not read to look for the marker: they are not ours."""

_MARKER = re.compile(rb"<!-- sitrep output sha256=([0-9a-f]{64}) -->\n?\Z")


class OutputRefused(SitrepUsageError):
    """An export would replace its input or a file sitrep did not write."""

    def __init__(self, check: OutputCheck) -> None:
        super().__init__(check.message)
        self.check = check


@dataclass(frozen=True)
class OutputCheck:
    """What writing an output at path would replace, and what to tell the user."""

    path: Path
    status: OutputStatus
    message: str
    disk: DiskState | None = None
    """The bytes there now (new: absent), for the write to check nothing changed since."""

    @property
    def free(self) -> bool:
        """True when writing replaces nothing anyone could miss (new, or ours unchanged)."""
        return self.status in ("new", "ours")

    @property
    def asks(self) -> bool:
        """True when replacing needs the user's yes (a sitrep output edited since)."""
        return self.status == "edited"


def mark(text: str) -> str:
    """text with the marker line that makes it recognisably a sitrep output."""
    body = text if text.endswith("\n") else text + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return f"{body}<!-- sitrep output sha256={digest} -->\n"


def written_by_sitrep(data: bytes) -> bool | None:
    """True: a sitrep output as written; False: one edited since; None: not a sitrep output."""
    tail = max(0, len(data) - 200)
    found = _MARKER.search(data, tail)
    if found is None:
        return None
    return hashlib.sha256(data[: found.start()]).hexdigest() == found.group(1).decode("ascii")


def recorded_digest(path: Path) -> str | None:
    """The SHA-256 sitrep recorded when it last wrote an unmarked output at path."""
    record = _record(path)
    if record is None:
        return None
    try:
        text = read_regular(record, 200).decode("ascii").strip()
    except (FileRefused, OSError, UnicodeDecodeError, SitrepIOError):
        return None
    return text if re.fullmatch(r"[0-9a-f]{64}", text) else None


def _record(path: Path) -> Path | None:
    from sitrep.storage.statedir import file_key, state_subdir

    try:
        return state_subdir("outputs") / f"{file_key(path)}.sha256"
    except SitrepIOError:  # no state folder: unmarked outputs cannot be recognised later
        return None


def _remember(path: Path, data: bytes) -> None:
    record = _record(path)
    if record is not None:
        with contextlib.suppress(SitrepIOError, OSError):
            write_atomic(record, hashlib.sha256(data).hexdigest() + "\n")


def check_output(
    target: str | Path, *, inputs: Mapping[Path, str], marked: bool = True
) -> OutputCheck:
    """Whether an export may write target (see the module's docstring for each status).

    inputs maps each file the export reads to what it is ("the situation file",
    "its outline"...), for the message. marked: the format carries the marker
    line; else the digest recorded in the state folder tells whether it is ours.
    """
    path = Path(target)
    for source, role in inputs.items():
        if _same_file(path, source):
            return OutputCheck(
                path,
                "input",
                f"{path}: is {role} of this export; sitrep never writes an output over "
                "its input: choose another name",
            )
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return OutputCheck(path, "new", f"{path}: a new file", DiskState.absent(path))
    except (OSError, ValueError) as exc:
        return OutputCheck(path, "not_regular", f"{path}: cannot be checked: {exc}")
    if not stat.S_ISREG(info.st_mode):
        return OutputCheck(
            path,
            "not_regular",
            f"{path}: is {kind_of(info.st_mode)}, not a file sitrep can write an output to",
        )
    try:
        data = read_regular(path, MAX_OUTPUT_BYTES)
    except FileRefused as exc:
        return OutputCheck(path, "foreign", f"{exc}; not replaced")
    disk = DiskState.of_bytes(path, data, info)
    if marked:
        verdict = written_by_sitrep(data)
    else:
        digest = recorded_digest(path)
        verdict = None if digest is None else hashlib.sha256(data).hexdigest() == digest
    if verdict is None:
        return OutputCheck(
            path,
            "foreign",
            f"{path}: already exists and sitrep did not write it; not replaced "
            "(move it away or choose another name)",
            disk,
        )
    if not verdict:
        return OutputCheck(
            path,
            "edited",
            f"{path}: was changed since sitrep wrote it; replacing it would lose those edits",
            disk,
        )
    return OutputCheck(path, "ours", f"{path}: written by sitrep, unchanged since", disk)


def write_output(
    target: str | Path,
    data: str | bytes,
    *,
    inputs: Mapping[Path, str],
    replace_edited: bool = False,
    marked: bool = True,
) -> Saved:
    """Check target (check_output), then write data atomically, marked or recorded.

    Raises OutputRefused unless the target is new, ours, or edited with
    replace_edited (the user said yes). A file that changes between the check
    and the write is not replaced (FileChangedError). Marked data is text that
    gets the marker line; unmarked data is written as it is, its digest recorded.
    """
    check = check_output(target, inputs=inputs, marked=marked)
    if not (check.free or (check.asks and replace_edited)):
        raise OutputRefused(check)
    if marked:
        assert isinstance(data, str), "only text formats carry the marker"
        return write_atomic(check.path, mark(data), expected=check.disk)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    saved = write_atomic(check.path, raw, expected=check.disk)
    _remember(check.path, raw)
    return saved


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False
