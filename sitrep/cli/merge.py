"""`sitrep merge`: git's merge driver for situation files, and resolving its conflicts.

    sitrep merge BASE OURS THEIRS [--path P]   what git runs (%O %A %B --path %P)
    sitrep merge --resolve ours|theirs FILE    take one side for every conflict

The driver writes the merge to OURS in canonical form and exits 0 when it is
clean, 1 when it has conflicts (kept in the file's conflicts: section, the
field keeping our value), so git reports the file as conflicted. If any of the
three is not a valid situation it writes nothing, says why, and exits 2: git
reports a conflict with our version in place. Never a traceback: git shows
whatever the driver prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sitrep.cli.output import report, say
from sitrep.errors import SitrepError, SitrepUsageError

if TYPE_CHECKING:
    from sitrep.model.merging.merge import MergeResult, Stamp
    from sitrep.model.merging.resolve import Side

SIDES = ("base", "ours", "theirs")
SHOWN = 5
"""Conflicts named in the driver's message; the rest counted."""


def add_parser(sub: Any) -> None:
    """`sitrep merge BASE OURS THEIRS [--path P]` and `sitrep merge --resolve SIDE FILE`."""
    p = sub.add_parser(
        "merge",
        help="merge two versions of a situation (git's merge driver), or resolve its conflicts",
        description="Three-way merge of situation files, entry by entry and field by field; "
        "the result is written to OURS. Exit 0: merged cleanly; 1: merged with conflicts, "
        "recorded in the file's conflicts: section (sitrep check lists them); 2: an input is "
        "not a valid situation, nothing written. sitrep git setup registers it with git. "
        "With --resolve, take one side's value for every conflict in FILE.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="BASE OURS THEIRS, or FILE with --resolve"
    )
    p.add_argument("--path", metavar="P", help="the file's path in the repository (git's %%P)")
    p.add_argument(
        "--resolve",
        choices=("ours", "theirs", "base"),
        help="resolve every conflict in FILE with that side's value",
    )


def merge(args: argparse.Namespace) -> int:
    """Run the merge driver, or --resolve."""
    if args.resolve:
        if len(args.files) != 1:
            raise SitrepUsageError("sitrep merge --resolve takes one FILE")
        return resolve(Path(args.files[0]), args.resolve)
    if len(args.files) != 3:
        raise SitrepUsageError("sitrep merge takes BASE OURS THEIRS (see --help)")
    name = args.path or args.files[1]
    try:
        return _merge([Path(f) for f in args.files], name, args.path)
    except SitrepError as exc:
        say(f"sitrep merge: {name}: not merged, your version is left in place:", err=True)
        report(exc)
        return 2
    except Exception as exc:  # a bug must not leave git a traceback and a half-made file
        say(
            f"sitrep merge: {name}: not merged (internal error: {type(exc).__name__}: {exc})",
            err=True,
        )
        return 2


def _merge(files: list[Path], name: str, path: str | None) -> int:
    from sitrep.model.merging.merge import MergeError
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, parse_situation, read_text

    sides = [
        parse_situation(read_text(f), f"{name} ({side})")
        for f, side in zip(files, SIDES, strict=True)
    ]
    try:
        result = _run(sides, _stamp(path))
    except MergeError as exc:
        say(f"sitrep merge: {name}: not merged, your version is left in place: {exc}", err=True)
        return 2
    text = dump_situation(result.situation)
    parse_situation(text, f"{name} (merged)")  # never write a file that does not load
    write_atomic(files[1], text)
    _tell(name, result)
    return 1 if result.conflicts else 0


def _run(sides: list[Any], stamp: Stamp) -> MergeResult:
    from sitrep.model.merging.merge import merge as merge_situations

    base, ours, theirs = sides
    return merge_situations(base, ours, theirs, stamp)


def _stamp(path: str | None) -> Stamp:
    """Who and when for conflicts: from git when it runs us (it passes --path), else the time."""
    from sitrep.model.merging.merge import Stamp
    from sitrep.storage.git import merge_stamp

    if path is None:
        return Stamp(when=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat())
    return merge_stamp(path, Path.cwd())


def _tell(name: str, result: MergeResult) -> None:
    from sitrep.model.conflicts import dotted

    if result.clean:  # git says "Auto-merging"; nothing to add
        return
    paths = [dotted(c.path) for c in result.conflicts]
    more = f" and {len(paths) - SHOWN} more" if len(paths) > SHOWN else ""
    say(
        f"sitrep merge: {name}: merged with {len(paths)} conflict(s), recorded in its "
        f"conflicts: section with our value in place: {', '.join(paths[:SHOWN])}{more}. "
        f"Resolve them (sitrep check {name} lists them), then git add {name}",
        err=True,
    )


def resolve(path: Path, side: str) -> int:
    """Take one side's value for every conflict in the file (written only if still unchanged)."""
    from sitrep.model.merging.resolve import resolve_all
    from sitrep.model.validation.checks import EditRejected
    from sitrep.storage.diskstate import read_with_state
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, parse_situation

    text, disk = read_with_state(path)
    situation = parse_situation(text, str(path))
    count = len(situation.conflicts)
    if not count:
        say(f"{path}: no conflicts to resolve")
        return 0
    try:
        resolved = resolve_all(situation, cast("Side", side))
    except EditRejected as exc:
        say(f"{path}: cannot take {side} for every conflict: {exc}; nothing was written", err=True)
        return 1
    write_atomic(path, dump_situation(resolved), backup=True, expected=disk)
    say(f"{path}: resolved {count} conflict(s) with {side}")
    return 0
