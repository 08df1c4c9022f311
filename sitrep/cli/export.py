"""`sitrep export`, `sitrep schema` and `sitrep config`.

export never writes over its own input (the situation, its outline, the
previous report) nor over a file sitrep did not write (storage/outputs.py): it
checks every target before rendering anything, so a refusal writes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from sitrep.cli.files import files_or_default
from sitrep.cli.output import say
from sitrep.errors import SitrepUsageError


def export(args: argparse.Namespace) -> int:
    """Write the brief (to stdout or -o) and, with --map, the SVG map."""
    from sitrep.brief import render_brief
    from sitrep.brief.inputs import export_inputs
    from sitrep.storage.outputs import OutputRefused, check_output, write_output
    from sitrep.yaml.io import load_situation

    path = files_or_default([args.file] if args.file else [])[0]
    situation = load_situation(path)
    previous = load_situation(args.previous) if args.previous else None
    inputs = export_inputs(situation, path, Path(args.previous) if args.previous else None)
    brief_target = None if args.output in (None, "-") else Path(args.output)
    map_target = Path(args.map) if args.map else None
    if brief_target and map_target and _same_target(brief_target, map_target):
        raise SitrepUsageError(f"{map_target}: -o and --map name the same file; give two names")
    for target in (map_target, brief_target):  # checked before anything is written
        if target is not None:
            check = check_output(target, inputs=inputs)
            if not (check.free or (check.asks and args.replace_edited)):
                if check.asks:
                    raise SitrepUsageError(
                        f"{check.message}: pass --replace-edited to replace it anyway"
                    )
                raise OutputRefused(check)
    svg = None
    if map_target is not None:
        from sitrep.brief.mapsvg import render_map_svg

        svg = render_map_svg(situation, base=path.parent, source=path)
    brief = render_brief(
        situation,
        source_name=path.name,
        since=args.since,
        previous=previous,
        generated_at=None if args.no_timestamp else dt.datetime.now(dt.UTC).replace(microsecond=0),
        map_path=_relative_link(map_target, brief_target) if map_target else None,
    )
    if map_target is not None and svg is not None:
        write_output(map_target, svg, inputs=inputs, replace_edited=args.replace_edited)
        say(f"wrote {map_target}", err=True)
    if brief_target is None:
        sys.stdout.write(brief)
        sys.stdout.flush()
    else:
        write_output(brief_target, brief, inputs=inputs, replace_edited=args.replace_edited)
        say(f"wrote {brief_target}", err=True)
    return 0


def _same_target(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _relative_link(target: Path, output: Path | None) -> str:
    if output is None:
        return target.as_posix()
    try:
        return target.resolve().relative_to(output.resolve().parent).as_posix()
    except ValueError:
        return target.resolve().as_posix()


def schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the file format."""
    from sitrep.model.situation import Situation

    found = Situation.model_json_schema(mode="validation")
    found = {"$schema": "https://json-schema.org/draft/2020-12/schema", **found}
    print(json.dumps(found, indent=2, ensure_ascii=False))
    return 0


def config(args: argparse.Namespace) -> int:
    """Print where the settings file is."""
    from sitrep.settings import settings_path

    say(str(settings_path()))
    return 0
