"""Everything the command line prints: one line at a time, made safe first."""

from __future__ import annotations

import sys

from sitrep.errors import SitrepError
from sitrep.text import visible


def say(line: str, *, err: bool = False) -> None:
    """Print one line of output; names and user text in it can hold no escape sequence.

    Every line the CLI prints goes through here (sitrep.text.visible): a file
    name holding OSC or CSI escapes, a bidirectional override or an undecodable
    byte shows as pictures, never acts on the terminal.
    """
    print(visible(line), file=sys.stderr if err else sys.stdout)


def report(exc: SitrepError) -> None:
    """Print an error, one problem per line, on standard error."""
    for line in exc.lines():
        say(line, err=True)
