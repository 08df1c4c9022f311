"""What an export may replace: only what sitrep wrote, never its own input. No Textual.

A brief or map sitrep writes ends with a marker line holding the SHA-256 of
everything before it::

    <!-- sitrep output sha256=3f2a... -->

(an HTML comment: invisible in rendered Markdown, valid after an SVG's root).
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

import hashlib
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitrep.errors import SitrepUsageError
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


def check_output(target: str | Path, *, inputs: Mapping[Path, str]) -> OutputCheck:
    """Whether an export may write target (see the module's docstring for each status).

    inputs maps each file the export reads to what it is ("the situation file",
    "its outline"...), for the message.
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
    verdict = written_by_sitrep(data)
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
    text: str,
    *,
    inputs: Mapping[Path, str],
    replace_edited: bool = False,
) -> Saved:
    """Check target (check_output), then write text with its marker, atomically.

    Raises OutputRefused unless the target is new, ours, or edited with
    replace_edited (the user said yes). A file that changes between the check
    and the write is not replaced (FileChangedError).
    """
    check = check_output(target, inputs=inputs)
    if not (check.free or (check.asks and replace_edited)):
        raise OutputRefused(check)
    return write_atomic(check.path, mark(text), expected=check.disk)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False
