"""The `sitrep` command line.

`sitrep [FILE]` opens the TUI; the subcommands work without importing Textual.
Exit codes: 0 fine, 1 invalid data (or files that would be reformatted with
`fmt --check`), 2 usage or I/O errors. Errors are printed, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sitrep import __version__
from sitrep.cli.output import report
from sitrep.errors import SitrepError, SitrepUsageError

COMMANDS = (
    "check",
    "fmt",
    "new",
    "next",
    "export",
    "import",
    "schema",
    "config",
    "diff",
    "merge",
    "git",
)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every error goes through one place."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise SitrepUsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date (YYYY-MM-DD)") from None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for every subcommand (the bare `sitrep [FILE]` form is handled apart).

    only="check": the parser of `sitrep check` alone, without importing the other
    commands' modules (a pre-commit hook runs it on many files).
    """
    parser = _Parser(
        prog="sitrep",
        description="Keep a situation report in one YAML file: edit it in the terminal "
        "(sitrep [FILE]) and hand out a Markdown brief (sitrep export).",
        epilog="With no FILE, sitrep uses ./sitrep.yaml, else the bundled sample (read-only).",
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "check",
        help="validate situation files",
        description="Validate situation files; each problem is printed as FILE:LINE:COL: message. "
        "Warnings (unsourced facts, dates after as_of, far-off coordinates) do not fail the check "
        "unless --strict is given.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument(
        "--stale",
        action="store_true",
        help="list entries due or overdue for confirmation (header.refresh says how often)",
    )
    if only == "check":
        return parser

    p = sub.add_parser(
        "fmt",
        help="rewrite files in canonical form",
        description="Rewrite "
        "situation files in sitrep's canonical form (stable order, block style).",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--check", action="store_true", help="only report files that would change")

    p = sub.add_parser(
        "new",
        help="create a new situation file",
        description="Create a valid "
        "blank situation, or a copy of the bundled sample. Never overwrites.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--sample", action="store_true", help="copy the bundled sample")
    p.add_argument("--title", default="Untitled situation", help="title of a blank situation")
    p.add_argument("--region", default="Unspecified", help="country or region covered")

    p = sub.add_parser(
        "next",
        help="start the next report in FILE",
        description="Start the next report: the report number goes up, the as-of date and the "
        "period move on, the analyst's highlights are kept with the report they belong to and "
        "cleared. Nothing else changes.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--date", type=_date, metavar="DATE", help="its as-of date (default: the next day)"
    )

    p = sub.add_parser(
        "export",
        help="write the brief (Markdown, HTML, PDF) or the data (HXL CSV, GeoJSON)",
        description="Write the brief of a situation (Markdown by default, HTML or PDF), or its "
        "data as HXL-tagged CSV or GeoJSON. Never writes over its inputs, nor over a file "
        "sitrep did not write.",
    )
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT", help="output file ('-' or none: stdout)")
    p.add_argument("--since", type=_date, metavar="DATE", help="start of the period covered")
    p.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="the situation as it stood on DATE, from the histories in the file",
    )
    p.add_argument(
        "--previous",
        metavar="OLD",
        help="previous report, a file or a git revision of FILE (HEAD~1, v12): adds what changed",
    )
    p.add_argument(
        "--no-timestamp",
        action="store_true",
        help="leave the time out of the footer (reproducible output)",
    )
    p.add_argument("--map", metavar="SVG", help="also write the map as SVG and link it")
    p.add_argument(
        "--timeline",
        metavar="SVG",
        help="also write control over time as SVG, linked from the brief",
    )
    p.add_argument(
        "--replace-edited",
        action="store_true",
        help="replace a brief or map sitrep wrote even if it was edited since (never a "
        "file sitrep did not write, nor an input)",
    )
    from sitrep.cli import diff, gitcmd, merge
    from sitrep.exports.command import add_export_arguments
    from sitrep.imports.command import add_import_parser

    add_export_arguments(p)
    add_import_parser(sub)
    diff.add_parser(sub)
    merge.add_parser(sub)
    gitcmd.add_parser(sub)

    sub.add_parser(
        "schema",
        help="print the JSON Schema of the file format",
        description="Print the JSON Schema of the situation file format.",
    )
    config = sub.add_parser(
        "config",
        help="say where the settings file is (--init writes one)",
        description="Say where sitrep reads its TOML settings and whether the file exists.",
    )
    config.add_argument(
        "--init",
        action="store_true",
        help="write a commented settings file with every setting and key binding id "
        "(never over an existing one)",
    )
    return parser


def _tui_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sitrep", add_help=False)
    parser.add_argument("file", nargs="?", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if (args_list and args_list[0] in COMMANDS) or any(
            a in ("-h", "--help", "--version") for a in args_list[:1]
        ):
            only = "check" if args_list[0] == "check" else None
            args = build_parser(only).parse_args(args_list)
            return _command(args)(args)
        return _run_tui(_tui_parser().parse_args(args_list))
    except SitrepError as exc:
        report(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `sitrep export | head`)
        return 0


def _run_tui(args: argparse.Namespace) -> int:
    # Starting the TUI makes a few hundred thousand long-lived objects (modules, models,
    # widgets) and next to no garbage, yet full collections during the imports cost about
    # 30 ms of the first paint. The app turns the collector back on, with everything
    # made so far frozen, once its first screen is up (memory.QuietCollector.start).
    gc.disable()
    try:
        from sitrep.app.run import run_app  # Textual is imported only for the TUI

        return run_app(Path(args.file) if args.file else None)
    finally:
        gc.enable()  # for a caller that goes on (the tests); a no-op after the app ran


def _no_command(args: argparse.Namespace) -> int:  # `sitrep --help`-less edge: no subcommand
    build_parser().print_help()
    return 2


def _command(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    """The function that runs a subcommand (its module imported only when it runs)."""
    if args.command in ("check", "fmt", "new"):
        from sitrep.cli.files import check, fmt, new

        return {"check": check, "fmt": fmt, "new": new}[args.command]
    if args.command == "next":
        from sitrep.cli.reports import next_report

        return next_report
    if args.command == "config":
        from sitrep.cli.config import config

        return config
    if args.command in ("export", "schema"):
        from sitrep.cli.export import export, schema

        return {"export": export, "schema": schema}[args.command]
    if args.command == "import":
        from sitrep.imports.command import run_import

        return run_import
    if args.command == "diff":
        from sitrep.cli.diff import diff

        return diff
    if args.command == "merge":
        from sitrep.cli.merge import merge

        return merge
    if args.command == "git":
        from sitrep.cli.gitcmd import git

        return git
    return _no_command
