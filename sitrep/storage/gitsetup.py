"""`sitrep git setup`: teach one git repository to diff and merge situation files.

Two things, both idempotent:

- ``.gitattributes`` at the top of the working tree gets the line
  ``PATTERN diff=sitrep merge=sitrep`` (added if missing; nothing else in the
  file changes). Commit it: the whole desk shares it.
- the repository's own config (``git config --local``, never the user's or the
  system's) gets the drivers those names stand for: ``diff.sitrep.textconv``
  (``sitrep diff --textconv``, so ``git diff``, ``git log -p`` and ``git show``
  print facts line by line) and ``merge.sitrep.driver`` (``sitrep merge %O %A
  %B --path %P``). The config is not shared by a clone: each analyst runs
  setup once in their clone.

The commands name the Python that runs this sitrep by its absolute path
(``/home/me/.venv/bin/python -m sitrep``), so git finds sitrep in a virtual
environment that is not activated; run setup again after moving or recreating
that environment.
"""

from __future__ import annotations

import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import SitrepUsageError
from sitrep.files import FileRefused, read_regular
from sitrep.storage.diskstate import DiskState
from sitrep.storage.git import run_git
from sitrep.storage.store import write_atomic

DRIVER = "sitrep"
"""The name of the diff and merge drivers in .gitattributes and the config."""
DEFAULT_PATTERN = "*.yaml"
MAX_ATTRIBUTES_BYTES = 1024 * 1024
"""A .gitattributes larger than this is not one to edit automatically."""

_BAD_PATTERN = re.compile(r"[\s\x00-\x1f\x7f]|^[#!]|^$")


@dataclass(frozen=True)
class Setting:
    """One config key: its value now (None: unset) and the value setup writes."""

    key: str
    now: str | None
    wanted: str

    @property
    def changes(self) -> bool:
        """Whether setup writes it."""
        return self.now != self.wanted


@dataclass(frozen=True)
class Plan:
    """What setup does in one repository."""

    root: Path
    attributes: Path
    line: str
    """The .gitattributes line."""
    has_line: bool
    settings: list[Setting] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)
    """Earlier .gitattributes lines for the same pattern that set diff or merge (ours wins)."""


def command() -> str:
    """How git runs this sitrep: the running interpreter's absolute path, -m sitrep."""
    return f"{shlex.quote(str(Path(sys.executable).absolute()))} -m sitrep"


def plan(folder: Path, pattern: str = DEFAULT_PATTERN) -> Plan:
    """What setup would do in the repository that holds folder."""
    if _BAD_PATTERN.search(pattern):
        raise SitrepUsageError(
            f"{pattern!r} is not a .gitattributes pattern sitrep can write "
            "(no spaces, control characters, or leading '#' or '!'), e.g. '*.yaml' or 'desk/*.yaml'"
        )
    root = top_folder(folder)
    attributes = root / ".gitattributes"
    line = f"{pattern} diff={DRIVER} merge={DRIVER}"
    lines = _read_lines(attributes)
    has_line = any(" ".join(existing.split()) == line for existing in lines)
    overridden = [
        existing
        for existing in lines
        if existing.split()[:1] == [pattern]
        and " ".join(existing.split()) != line
        and re.search(r"(^|\s)-?!?(diff|merge)(=|\s|$)", existing)
    ]
    cmd = command()
    wanted = {
        f"diff.{DRIVER}.textconv": f"{cmd} diff --textconv",
        f"merge.{DRIVER}.name": "sitrep: situation files merged entry by entry",
        f"merge.{DRIVER}.driver": f"{cmd} merge %O %A %B --path %P",
    }
    settings = [Setting(key, _config(root, key), value) for key, value in wanted.items()]
    return Plan(root, attributes, line, has_line, settings, overridden)


def apply(setup: Plan) -> None:
    """Do what the plan says: the .gitattributes line, then the config keys."""
    if not setup.has_line:
        _add_line(setup.attributes, setup.line)
    for setting in setup.settings:
        if setting.changes:
            run_git(["config", "--local", setting.key, setting.wanted], setup.root)


def top_folder(folder: Path) -> Path:
    """The top of the working tree of the git repository that holds folder."""
    if not folder.is_dir():
        raise SitrepUsageError(f"{folder}: no such folder")
    try:
        out = run_git(["rev-parse", "--show-toplevel"], folder)
    except SitrepUsageError:
        raise SitrepUsageError(
            f"{folder}: not in a git repository with a working tree (git init, or git clone, first)"
        ) from None
    return Path(out.decode("utf-8", "surrogateescape").strip())


def _config(root: Path, key: str) -> str | None:
    try:
        out = run_git(["config", "--local", "--get", key], root)
    except SitrepUsageError:  # unset: git exits 1
        return None
    return out.decode("utf-8", "surrogateescape").rstrip("\n")


def _read_lines(path: Path) -> list[str]:
    try:
        data = read_regular(path, MAX_ATTRIBUTES_BYTES, noun=".gitattributes file")
    except FileRefused as exc:
        if exc.kind == "missing":
            return []
        raise
    return data.decode("utf-8", "surrogateescape").splitlines()


def _add_line(path: Path, line: str) -> None:
    """Add line at the end of path (created if missing); the rest is left byte for byte."""
    try:
        data = read_regular(path, MAX_ATTRIBUTES_BYTES, noun=".gitattributes file")
        expected = DiskState.of_bytes(path, data, path.stat())
    except FileRefused as exc:
        if exc.kind != "missing":
            raise
        data, expected = b"", DiskState.absent(path)
    if data and not data.endswith(b"\n"):
        data += b"\n"
    comment = b"# Situation files: semantic diffs and merges (sitrep git setup)\n"
    if comment not in data:
        data += (b"\n" if data else b"") + comment
    write_atomic(path, data + line.encode() + b"\n", expected=expected)


MAX_CHECKED = 200
"""Tracked files setup reads to warn about the ones that are not situations."""


def not_situations(root: Path) -> list[str]:
    """Tracked files the sitrep merge driver now covers that are not valid situations.

    sitrep never merges those: a merge that touches one on both sides stops for
    a merge by hand. Setup says so, so the pattern can be narrowed.
    """
    from sitrep.errors import SitrepError
    from sitrep.yaml.io import decode, parse_situation, read_bytes

    listed = run_git(["ls-files", "-z", "--", f":(attr:merge={DRIVER})"], root)
    names = [n for n in listed.decode("utf-8", "surrogateescape").split("\0") if n]
    bad = []
    for name in names[:MAX_CHECKED]:
        try:
            parse_situation(decode(read_bytes(root / name), name), name)
        except SitrepError:
            bad.append(name)
    return bad
