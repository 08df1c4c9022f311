"""`sitrep export`: the brief (Markdown, HTML, PDF) and the data (HXL CSV, GeoJSON).

cli.py registers the subcommand; its options and its work are here. Every file
goes through sitrep.exports.write.write_output, which never writes over the
situation file or its outline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import Problem, SitrepDataError, SitrepUsageError
from sitrep.exports.write import check_target, is_stdout, write_output

if TYPE_CHECKING:
    from sitrep.model.situation import Situation

FORMATS = ("markdown", "html", "pdf", "hxl", "geojson")
BRIEFS = ("markdown", "html", "pdf")
SECTION_NAMES = ("parties", "sources", "places", "evacuations", "figures", "notes", "outlook")


def add_export_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `sitrep export` beyond the Markdown brief's own."""
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="markdown",
        help="markdown (default); html: one printable page with the map; pdf (needs "
        "pip install 'sitrep[pdf]'); hxl: HXL-tagged CSV tables; geojson: the places",
    )
    p.add_argument(
        "--section",
        choices=SECTION_NAMES,
        help="hxl: the one table to write (without it, -o must be a folder: one file each)",
    )
    p.add_argument(
        "--history",
        action="store_true",
        help="hxl: one row per control change (places) and per value (figures)",
    )
    p.add_argument("--outline", action="store_true", help="geojson: add the map outline")


def run_export(args: argparse.Namespace, path: Path) -> int:
    """Export the situation at path as args ask; returns the exit code."""
    from sitrep.brief.inputs import export_inputs
    from sitrep.yaml.io import load_situation

    _check_options(args)
    situation = load_situation(path)
    if situation.conflicts:
        _refuse_conflicts(path)
    previous_file = Path(args.previous) if args.previous and Path(args.previous).exists() else None
    own = Own(export_inputs(situation, path, previous_file), args.replace_edited)
    file_as_of = situation.header.as_of
    if args.as_of is not None:
        situation = _as_of(situation, args.as_of, path)
    if args.since is not None and args.since > situation.header.as_of:
        raise SitrepUsageError(
            f"--since {args.since.isoformat()} is after the report's as-of date "
            f"({situation.header.as_of.isoformat()}): a period cannot end before it starts"
        )
    if args.format == "hxl":
        return _hxl(args, situation, path, own)
    if args.format == "geojson":
        from sitrep.exports.geojson import render_geojson

        text = render_geojson(situation, outline=args.outline, base=path.parent)
        return _done(own.write(args.output, text, "geojson"))
    fmt = args.format
    targets = [t for t in (args.output, args.map, args.timeline) if t and not is_stdout(t)]
    for i, a in enumerate(targets):
        for b in targets[i + 1 :]:
            if _same_target(Path(a), Path(b)):
                raise SitrepUsageError(f"{b}: -o, --map and --timeline name the same file")
    if args.output is not None and not is_stdout(args.output):
        own.check(args.output, fmt)  # before the work, not after
    for extra in (args.map, args.timeline):
        if extra:
            own.check(extra, "svg")
    brief = _brief(args, situation, path, own, file_as_of)
    return _done(own.write(args.output, brief, fmt))


def _refuse_conflicts(path: Path) -> None:
    """A file with unresolved merge conflicts holds one side's values as if settled: no export."""
    from sitrep.yaml.io import check_text, read_text

    errors = check_text(read_text(path), str(path)).errors
    note = "resolve the merge conflicts first: an export would show one side's values as settled"
    raise SitrepDataError(errors, trailer=[Problem(str(path), None, None, note)])


class Own:
    """What an export reads (never written over), and whether edited outputs may go."""

    def __init__(self, inputs: dict[Path, str], replace_edited: bool) -> None:
        self.inputs = inputs
        self.replace_edited = replace_edited

    def check(self, target: str | Path, fmt: str) -> Path:
        """The target, or SitrepUsageError when it may not be written."""
        marked = fmt in ("markdown", "html", "svg")
        return check_target(target, self.inputs, replace_edited=self.replace_edited, marked=marked)

    def write(self, target: str | Path | None, data: str | bytes, fmt: str) -> Path | None:
        """Write data (or print it); returns the file written."""
        return write_output(target, data, self.inputs, replace_edited=self.replace_edited, fmt=fmt)


def _check_options(args: argparse.Namespace) -> None:
    fmt = args.format
    if fmt != "hxl" and (args.section or args.history):
        raise SitrepUsageError("--section and --history are for --format hxl")
    if fmt != "geojson" and args.outline:
        raise SitrepUsageError("--outline is for --format geojson (the map has it already)")
    if fmt not in BRIEFS and (args.previous or args.since):
        raise SitrepUsageError(f"--previous and --since shape a brief; --format {fmt} is data")
    if fmt != "markdown" and (args.map or args.timeline):
        raise SitrepUsageError(
            "--map and --timeline are for the Markdown brief; "
            "--format html and pdf carry both inside"
        )
    if fmt == "pdf" and is_stdout(args.output) and sys.stdout.isatty():
        raise SitrepUsageError("a PDF is not for the terminal: give -o FILE.pdf (or -o - | ...)")


def _brief(
    args: argparse.Namespace,
    situation: Situation,
    path: Path,
    own: Own,
    file_as_of: dt.date,
) -> str | bytes:
    from sitrep.storage.git import load_previous

    if args.format == "pdf":
        from sitrep.exports.pdf import require_typst

        require_typst()  # say how to get the extra before any work
    previous = load_previous(args.previous, path) if args.previous else None
    from sitrep.exports.brief_parts import BriefOptions

    options = BriefOptions(
        source_name=path.name,
        since=args.since,
        previous=previous,
        generated_at=None if args.no_timestamp else dt.datetime.now(dt.UTC).replace(microsecond=0),
        reconstructed_from=file_as_of if args.as_of is not None else None,
    )
    if args.format == "html":
        from sitrep.exports.html import render_html

        return render_html(situation, base=path.parent, options=options)
    if args.format == "pdf":
        from sitrep.exports.pdf import render_pdf

        notes: list[str] = []
        pdf = render_pdf(situation, base=path.parent, options=options, notes=notes)
        for note in notes:
            print(f"note: {note}", file=sys.stderr)
        return pdf
    from sitrep.brief import render_brief

    map_link = timeline_link = None
    if args.map:
        from sitrep.brief.svg.mapsvg import render_map_svg

        own.write(args.map, render_map_svg(situation, base=path.parent, source=path), "svg")
        map_link = _relative_link(Path(args.map), args.output)
    if args.timeline:
        from sitrep.brief.svg.timeline_svg import render_timeline_svg

        own.write(args.timeline, render_timeline_svg(situation), "svg")
        timeline_link = _relative_link(Path(args.timeline), args.output)
    return render_brief(
        situation,
        source_name=options.source_name,
        since=options.since,
        previous=options.previous,
        generated_at=options.generated_at,
        map_path=map_link,
        timeline_path=timeline_link,
        reconstructed_from=options.reconstructed_from,
    )


def _hxl(args: argparse.Namespace, situation: Situation, path: Path, own: Own) -> int:
    from sitrep.exports.hxl_export import hxl_outputs, is_folder_target

    outputs = hxl_outputs(situation, path.stem, args.output, args.section, args.history)
    if is_folder_target(args.output):
        Path(args.output).mkdir(parents=True, exist_ok=True)
    for target, _ in outputs:
        if target is not None and not is_stdout(target):
            own.check(target, "hxl")  # all refused before any is written
    for target, text in outputs:
        _done(own.write(target, text, "hxl"))
    return 0


def _same_target(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _done(written: Path | None) -> int:
    if written is not None:
        print(f"wrote {written}", file=sys.stderr)
    return 0


def _as_of(situation: Situation, day: dt.date, path: Path) -> Situation:
    from sitrep.model.derived.history import situation_on

    if day > situation.header.as_of:
        raise SitrepUsageError(
            f"--as-of {day.isoformat()} is after {path}'s as-of date "
            f"({situation.header.as_of.isoformat()}): the file knows nothing later"
        )
    return situation_on(situation, day)


def _relative_link(target: Path, output: str | None) -> str:
    if output in (None, "-"):
        return target.as_posix()
    try:
        return target.resolve().relative_to(Path(output).resolve().parent).as_posix()
    except ValueError:
        return target.resolve().as_posix()
