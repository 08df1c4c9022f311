"""The `sitrep` command line.

`sitrep [FILE]` opens the TUI; the subcommands work without importing Textual.
Exit codes: 0 fine, 1 invalid data (or files that would be reformatted with
`fmt --check`), 2 usage or I/O errors. Errors are printed, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep import __version__
from sitrep.errors import SitrepError, SitrepIOError, SitrepUsageError

if TYPE_CHECKING:
    from sitrep.model.situation import Situation

COMMANDS = ("check", "fmt", "new", "next", "export", "import", "schema", "config")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every error goes through one place."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise SitrepUsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    """The parser for every subcommand (the bare `sitrep [FILE]` form is handled apart)."""
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
        "data as HXL-tagged CSV or GeoJSON. Never writes over the situation file or its outline.",
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
        "--timeline",
        metavar="SVG",
        help="also write control over time as SVG, linked from the brief",
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
    from sitrep.exports.command import add_export_arguments
    from sitrep.imports.command import add_import_parser

    add_export_arguments(p)
    add_import_parser(sub)

    sub.add_parser(
        "schema",
        help="print the JSON Schema of the file format",
        description="Print the JSON Schema of the situation file format.",
    )
    sub.add_parser(
        "config",
        help="print the settings file's path",
        description="Print where sitrep reads its TOML settings.",
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
            args = build_parser().parse_args(args_list)
            return _COMMANDS[args.command](args)
        return _run_tui(_tui_parser().parse_args(args_list))
    except SitrepError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
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


def _files_or_default(files: list[str]) -> list[Path]:
    from sitrep.storage.sample import default_file

    return [Path(f) for f in files] if files else [default_file()[0]]


def _cmd_check(args: argparse.Namespace) -> int:
    from sitrep.yaml.io import check_situation, read_text

    code = 0
    for path in _files_or_default(args.files):
        try:
            s, warnings = check_situation(read_text(path), str(path))
        except SitrepError as exc:
            for line in exc.lines():
                print(line, file=sys.stderr)
            code = max(code, exc.exit_code)
            continue
        for warning in warnings:
            print(warning, file=sys.stderr)
        if args.stale:
            _print_stale(s, path)
        if warnings and args.strict:
            code = max(code, 1)
            print(f"{path}: {len(warnings)} warning(s), an error with --strict", file=sys.stderr)
            continue
        print(
            f"{path}: valid ({len(s.places)} places, {len(s.evacuations)} evacuations, "
            f"{len(s.figures)} figures, {len(s.notes)} notes, {len(s.sources)} sources)"
        )
    return code


def _print_stale(s: Situation, path: Path) -> None:
    from sitrep.model.freshness import stale

    if s.header.refresh is None:
        print(f"{path}: no refresh rates (header.refresh), so nothing is due", file=sys.stderr)
        return
    for fresh in stale(s):
        name = getattr(fresh.entry, "name", None) or getattr(fresh.entry, "actor", None)
        label = name or getattr(fresh.entry, "id", "?")
        when = (
            f"last confirmed {fresh.confirmed.isoformat()} ({fresh.age} days)"
            if fresh.confirmed
            else "never confirmed"
        )
        print(
            f"{path}: {fresh.state.replace('_', ' ')}: {fresh.section} {label}: {when}, "
            f"refresh every {fresh.every} day(s)"
        )


def _cmd_next(args: argparse.Namespace) -> int:
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, load_situation

    path = Path(args.file)
    situation = load_situation(path)
    try:
        header = situation.header.next(args.date)
    except ValueError as exc:
        raise SitrepUsageError(f"{path}: {exc}") from None
    situation.header = header
    write_atomic(path, dump_situation(situation), backup=True)
    print(f"{path}: report {header.report_number} as of {header.as_of.isoformat()}")
    return 0


def _cmd_fmt(args: argparse.Namespace) -> int:
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, is_version_1, parse_situation, read_text

    code, changed, unchanged = 0, 0, 0
    for path in _files_or_default(args.files):
        try:
            text = read_text(path)
            canonical = dump_situation(parse_situation(text, str(path)))
            if canonical == text:
                unchanged += 1
                continue
            changed += 1
            migrating = is_version_1(text)
            if args.check:
                print(f"would {'migrate to format 2' if migrating else 'reformat'} {path}")
                code = max(code, 1)
            else:
                write_atomic(path, canonical, backup=True)
                print(f"{'migrated to format 2' if migrating else 'reformatted'}: {path}")
        except SitrepError as exc:
            for line in exc.lines():
                print(line, file=sys.stderr)
            code = max(code, exc.exit_code)
    verb = "would be reformatted" if args.check else "reformatted"
    print(f"{changed} file(s) {verb}, {unchanged} left unchanged", file=sys.stderr)
    return code


def _cmd_new(args: argparse.Namespace) -> int:
    from sitrep.model.situation import Header, Situation
    from sitrep.storage.diskstate import DiskState
    from sitrep.storage.sample import sample_path
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import dump_situation, read_text

    target = Path(args.file)
    if target.exists():
        raise SitrepUsageError(f"{target}: already exists; sitrep new never overwrites a file")
    if not target.parent.is_dir():
        raise SitrepIOError(f"{target}: folder {target.parent} does not exist")
    if args.sample:
        text = read_text(sample_path())
    else:
        header = Header(title=args.title, region=args.region, as_of=dt.date.today())
        text = dump_situation(Situation(header=header))
    write_atomic(target, text, expected=DiskState.absent(target))
    print(f"created {target}")
    if args.sample:
        _copy_sample_outline(target.parent)
    return 0


def _copy_sample_outline(folder: Path) -> None:
    """Put the sample's map outline beside a copy of the sample (its header names it).

    Never overwrites: a file of that name that is not the sample's outline is left
    as it is, and the user is told (the map will use that file).
    """
    from sitrep.geo.outline import outline_path
    from sitrep.storage.diskstate import DiskState
    from sitrep.storage.sample import sample_path
    from sitrep.storage.store import write_atomic
    from sitrep.yaml.io import load_situation

    sample = load_situation(sample_path())
    source = outline_path(sample, sample_path().parent)
    name = sample.header.outline
    if source is None or not source.is_file() or not name or Path(name).name != name:
        return  # no outline shipped, or not a plain file name beside the situation
    data = source.read_bytes()
    target = folder / name
    if target.exists():
        if not target.is_file() or target.read_bytes() != data:
            print(
                f"note: {target} already exists and is not the sample's outline; "
                "left as it is (the map will use it)",
                file=sys.stderr,
            )
        return
    write_atomic(target, data, expected=DiskState.absent(target))
    print(f"copied the map outline {name} beside it")


def _cmd_export(args: argparse.Namespace) -> int:
    from sitrep.exports.command import run_export

    return run_export(args, _files_or_default([args.file] if args.file else [])[0])


def _cmd_import(args: argparse.Namespace) -> int:
    from sitrep.imports.command import run_import

    return run_import(args)


def _cmd_schema(args: argparse.Namespace) -> int:
    from sitrep.model.situation import Situation

    schema = Situation.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0


def _cmd_config(args: argparse.Namespace) -> int:
    from sitrep.settings import settings_path

    print(settings_path())
    return 0


def _no_command(args: argparse.Namespace) -> int:  # `sitrep --help`-less edge: no subcommand
    build_parser().print_help()
    return 2


_COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    "check": _cmd_check,
    "next": _cmd_next,
    "fmt": _cmd_fmt,
    "new": _cmd_new,
    "export": _cmd_export,
    "import": _cmd_import,
    "schema": _cmd_schema,
    "config": _cmd_config,
    None: _no_command,
}
