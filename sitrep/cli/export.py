"""`sitrep export` and `sitrep schema`.

export never writes over its own input (the situation, its outline, the
previous report) nor over a file sitrep did not write (storage/outputs.py): it
checks every target before rendering anything, so a refusal writes nothing
(sitrep/exports/command.py).
"""

from __future__ import annotations

import argparse
import json

from sitrep.cli.files import files_or_default


def export(args: argparse.Namespace) -> int:
    """Write the brief or the data (sitrep.exports.command does the work)."""
    from sitrep.exports.command import run_export

    path = files_or_default([args.file] if args.file else [])[0]
    return run_export(args, path)


def schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the file format."""
    from sitrep.model.situation import Situation

    found = Situation.model_json_schema(mode="validation")
    found = {"$schema": "https://json-schema.org/draft/2020-12/schema", **found}
    print(json.dumps(found, indent=2, ensure_ascii=False))
    return 0
