"""`sitrep import places|figures CSV --into FILE`: cli.py registers it; the work is here."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.errors import SitrepUsageError


def add_import_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `sitrep import` and its two kinds to the subcommands."""
    p = sub.add_parser(
        "import",
        help="add places or figures to a situation from a CSV or HXL CSV table",
        description="Add or update places (names, codes, coordinates) or figures (values by "
        "area and date) from a CSV or HXL-tagged CSV. Columns are found by HXL hashtag or "
        "header; --column FIELD=HEADER says where one is. Nothing is written when any row is "
        "bad (each is reported as FILE:LINE: message), nor with --dry-run.",
    )
    kinds = p.add_subparsers(dest="what", metavar="WHAT", parser_class=type(p), required=True)
    places = kinds.add_parser(
        "places",
        help="places from an admin boundaries list or a gazetteer",
        description="Match rows to places by p-code, then ISO code, then id, then name; "
        "update what a row gives, add the rest. Fields: name, pcode, iso, lat, lon, capital, "
        "aliases, kind, id, within.",
    )
    figures = kinds.add_parser(
        "figures",
        help="values of figures by area and date (a displacement table)",
        description="Each row is a value as of a date for an area or place; a row of the same "
        "scope as a figure in the file adds a point to its series. Fields: value, wording, "
        "qualifier, upper, as_of, since, topic, counted, unit, measure, area, place, "
        "counted_by, source, note, id.",
    )
    for q in (places, figures):
        q.add_argument("csv", metavar="CSV", help="the table (UTF-8 or UTF-16 CSV; ; and tab too)")
        q.add_argument("--into", required=True, metavar="FILE", help="the situation file")
        q.add_argument(
            "--dry-run", action="store_true", help="show what would change; write nothing"
        )
        q.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="FIELD=HEADER",
            help="the column (header or #hashtag) holding a field; repeat as needed",
        )
        q.add_argument(
            "--encoding", metavar="NAME", help="the CSV's encoding if not UTF-8, e.g. cp1252"
        )
    places.add_argument("--kind", help="kind of the places (province, district, city...)")
    for name, text in (
        ("topic", "displacement, casualties, need, assistance, funding or other"),
        ("counted", "what is counted, e.g. IDPs"),
        ("area", "where the values apply, when no column says"),
        ("source", "source id or publisher cited by every row"),
        ("unit", "people (default), households, percent, or a currency code"),
    ):
        figures.add_argument(f"--{name}", help=text)


def run_import(args: argparse.Namespace) -> int:
    """Import the CSV into the situation file; returns the exit code."""
    from sitrep.imports.apply import finish
    from sitrep.imports.csvread import read_csv
    from sitrep.storage.diskstate import load_with_state

    into = Path(args.into)
    source = Path(args.csv)
    if same_file(source, into):
        raise SitrepUsageError(f"{source}: is the situation file itself; give the CSV to import")
    situation, state = load_with_state(into)
    table = read_csv(source, args.encoding)
    if args.what == "places":
        from sitrep.imports.places import import_places

        outcome = import_places(situation, table, args.column, args.kind)
        what = "places"
    else:
        from sitrep.imports.figures import import_figures

        defaults = {
            k: v
            for k in ("topic", "counted", "area", "source", "unit")
            if (v := getattr(args, k)) is not None
        }
        outcome = import_figures(situation, table, args.column, defaults)
        what = "figures"
    return finish(outcome, into, state, dry_run=args.dry_run, what=what, source=source.name)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (the CSV must not be the situation itself)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
