"""`sitrep git setup`: semantic diffs and merges of situation files in a git repository."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import Any

from sitrep.cli.output import say

SHOWN_FILES = 10
"""Files named in the warning about files that are not situations; the rest counted."""


def add_parser(sub: Any) -> None:
    """`sitrep git setup [--pattern P] [--print] [DIR]`."""
    p = sub.add_parser(
        "git",
        help="set up a git repository to diff and merge situation files",
        description="Git integration. `sitrep git setup` makes git diff situation files fact by "
        "fact and merge them entry by entry (see docs/team.md).",
    )
    git = p.add_subparsers(dest="git_command", metavar="COMMAND", parser_class=type(p))
    s = git.add_parser(
        "setup",
        help="register sitrep's diff and merge drivers in this repository",
        description="Add 'PATTERN diff=sitrep merge=sitrep' to the repository's .gitattributes "
        "(if missing) and the drivers to its own config (git config --local): git diff, git log "
        "-p and git show then print situation files fact by fact, and git merge, rebase and "
        "cherry-pick merge them entry by entry. Safe to run again. The drivers name this "
        "Python by its absolute path, so sitrep is found in a virtual environment; run setup "
        "again if that environment moves.",
    )
    s.add_argument("folder", nargs="?", default=".", metavar="DIR", help="in the repository (.)")
    s.add_argument(
        "--pattern",
        default="*.yaml",
        help="which files are situations, as a .gitattributes pattern (default: *.yaml)",
    )
    s.add_argument("--print", action="store_true", help="only show what setup would do")


def git(args: argparse.Namespace) -> int:
    """Run a `sitrep git` subcommand."""
    from sitrep.errors import SitrepUsageError

    if args.git_command != "setup":
        raise SitrepUsageError("sitrep git: say what to do: sitrep git setup (see --help)")
    return setup(args)


def setup(args: argparse.Namespace) -> int:
    """Plan and (unless --print) apply the setup, saying what was (or would be) done."""
    from sitrep.storage.gitsetup import apply, not_situations, plan

    todo = plan(Path(args.folder), args.pattern)
    if not args.print:
        apply(todo)
    if todo.has_line:
        say(f"{todo.attributes}: already has '{todo.line}'")
    else:
        say(f"{todo.attributes}: {'would add' if args.print else 'added'} '{todo.line}'")
    for line in todo.overridden:
        say(f"note: {todo.attributes} also has '{line}': the sitrep line comes after it and wins")
    for setting in todo.settings:
        if not setting.changes:
            say(f"{setting.key}: already set")
        elif args.print:
            say(f"would run: git config --local {setting.key} {shlex.quote(setting.wanted)}")
        else:
            was = f" (was {setting.now!r})" if setting.now is not None else ""
            say(f"{setting.key}: set to {setting.wanted}{was}")
    if args.print:
        return 0
    bad = not_situations(todo.root)
    if bad:
        named = ", ".join(bad[:SHOWN_FILES])
        if len(bad) > SHOWN_FILES:
            named += f" and {len(bad) - SHOWN_FILES} more"
        say(
            f"note: {len(bad)} tracked file(s) match '{args.pattern}' but are not situations "
            f"({named}): sitrep will not merge them, so a merge that changes one on both "
            "sides stops for you to merge it by hand; narrow the pattern with --pattern",
            err=True,
        )
    say(
        f"done: commit {todo.attributes.name} so the whole desk shares it; each analyst runs "
        "sitrep git setup once in their own clone"
    )
    return 0
