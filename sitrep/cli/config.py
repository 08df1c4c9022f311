"""`sitrep config`: where the settings are, whether they exist; `--init` writes a template.

The template lists every setting and every key binding by its id, each commented
out at its default, so a user uncomments what they change. It is written only
where no file is (never over a user's settings: exit 2) and loads as the
defaults. Nothing here imports Textual: the key table is pure data.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitrep.cli.output import say

HEADER = """\
# sitrep settings (TOML). Every line is commented out at its default:
# uncomment a line and change it. `sitrep config` says where this file is.

# The colour theme: "sitrep", or any theme T lists in the app
# (textual-dark, nord, gruvbox, ...).
# theme = "sitrep"

# The default "produced by" line of a new situation's header.
# produced_by = "Our desk"

# How forms read a numeric date such as 12/08/2021: "dmy" (12 August) or "mdy"
# (8 December). Forms always show the ISO date they read.
# date_order = "dmy"
"""


def template() -> str:
    """The commented settings file: every setting, every key binding by id."""
    from sitrep.app.bindings import GROUPS, KEYS

    lines = [HEADER, "[keys]", "# Keys by binding id: comma-separated, e.g. add = \"n,insert\".",
             "# A key another action of the same screen uses is reported when sitrep starts.",
             "# Dialogs and forms have ids too: press ? in the app to see them all."]  # fmt: skip
    for group in GROUPS:
        lines.append(f"\n# -- {group}")
        for key in (k for k in KEYS if k.group == group):
            lines.append(f"# {key.id} = {json.dumps(key.keys)}  # {key.title}")
    lines += [
        "",
        "[brief]",
        "# Put the time of writing in the brief's footer (x in the app).",
        "# timestamp = true",
        "",
    ]
    return "\n".join(lines)


def config(args: argparse.Namespace) -> int:
    """Say where the settings file is and whether it exists; --init writes the template."""
    from sitrep.settings import settings_path

    path = settings_path()
    if args.init:
        return _init(path)
    if path.exists():
        say(f"{path}: the settings file (exists)")
    else:
        say(f"{path}: no settings file yet (sitrep config --init writes a commented one)")
    return 0


def _init(path: Path) -> int:
    if path.exists() or path.is_symlink():
        say(f"{path}: a settings file is already there; not overwritten", err=True)
        return 2
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:  # never over a file made meanwhile
            out.write(template())
    except OSError as exc:
        say(f"{path}: cannot write the settings: {exc.strerror or exc}", err=True)
        return 2
    say(f"{path}: written, every setting commented out at its default")
    return 0
