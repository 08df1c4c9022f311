"""`sitrep diff`: what changed between two versions of a situation, field by field.

    sitrep diff OLD.yaml NEW.yaml      two files
    sitrep diff REV FILE               FILE as committed at REV against FILE as it is now
    sitrep diff REV1 REV2 FILE         FILE at REV1 against FILE at REV2
    sitrep diff --textconv FILE        one line per fact (what git's textconv runs)

With two arguments, an OLD that names an existing file is a file; otherwise it is
a git revision of NEW. ``--format json`` prints a list of {section, key, path,
change, old, new} (model/versions/diff.py), ASCII-only so no byte of a file can act on a
terminal.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.cli.output import say
from sitrep.errors import SitrepUsageError

if TYPE_CHECKING:
    from sitrep.model.situation import Situation


def add_parser(sub: Any) -> None:
    """`sitrep diff [--format text|json] OLD [NEW] [FILE]` and `sitrep diff --textconv FILE`."""
    p = sub.add_parser(
        "diff",
        help="show what changed between two versions of a situation, field by field",
        description="Show what changed, entry by entry and field by field, between two files "
        "(sitrep diff OLD NEW), a git revision of a file and the file (sitrep diff REV FILE), "
        "or two revisions of a file (sitrep diff REV1 REV2 FILE). With two arguments, an OLD "
        "that names an existing file is a file, anything else a revision.",
    )
    p.add_argument(
        "versions", nargs="+", metavar="VERSION", help="OLD NEW | REV FILE | REV1 REV2 FILE"
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    p.add_argument(
        "--textconv",
        action="store_true",
        help="print one FILE as one line per fact, for git (sitrep git setup registers it)",
    )


def diff(args: argparse.Namespace) -> int:
    """Print the differences (or, with --textconv, the facts of one file)."""
    if args.textconv:
        if len(args.versions) != 1:
            raise SitrepUsageError("sitrep diff --textconv takes one FILE")
        return textconv(Path(args.versions[0]))
    old, new = _versions(args.versions)
    from sitrep.model.versions.diff import differences

    found = differences(old, new)
    if args.format == "json":
        print(json.dumps([d.to_json() for d in found], indent=2, ensure_ascii=True))
        return 0
    from sitrep.brief.difftext import diff_lines

    for line in diff_lines(old, new, found):
        say(line)
    if not found:
        say("no differences")
    return 0


def _versions(given: list[str]) -> tuple[Situation, Situation]:
    from sitrep.storage.git import load_previous, read_revision
    from sitrep.yaml.io import MAX_FILE_BYTES, decode, load_situation, parse_situation

    if len(given) == 2:
        old, new = given
        return load_previous(old, Path(new)), load_situation(new)
    if len(given) == 3:
        first, second, name = given
        path = Path(name)
        older = load_previous(first, path)
        label = f"{name}@{second}"
        return older, parse_situation(
            decode(read_revision(path, second, MAX_FILE_BYTES), label), label
        )
    raise SitrepUsageError(
        "sitrep diff takes OLD NEW (two files), REV FILE, or REV1 REV2 FILE (see --help)"
    )


def textconv(path: Path) -> int:
    """The facts of a situation, one per line; any other file as it is (git diffs it as text)."""
    from sitrep.brief.factlines import fact_lines
    from sitrep.errors import SitrepError
    from sitrep.files import FileRefused, read_regular
    from sitrep.yaml.io import MAX_FILE_BYTES, decode, parse_situation

    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        if exc.kind != "too_large":
            raise
        _copy(path)  # too large for a situation: as it is, a piece at a time
        return 0
    try:
        situation = parse_situation(decode(data, str(path)), str(path))
    except SitrepError:
        sys.stdout.buffer.write(data)
        return 0
    for line in fact_lines(situation):
        say(line)
    return 0


def _copy(path: Path) -> None:
    with path.open("rb") as source:
        shutil.copyfileobj(source, sys.stdout.buffer)
