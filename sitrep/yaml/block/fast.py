"""A fast reader for plain block YAML, the shape sitrep writes; anything else is declined.

libyaml parses quickly, but PyYAML then builds a Python node (with two marks) per
value and our builder walks them: about 2 s for 10,000 places and 20 s for
100,000. This reader turns the common subset (block mappings and sequences,
plain and simply quoted scalars, ``|`` and ``|-`` literal blocks, comments
(collected, see yamlcomments), CRLF line ends) straight into the values
``yamlnodes.to_python(compose(text))`` gives: 0.8 s for 100,000 places.

It is a fast path only: on the first line it is not sure about (flow collections,
anchors, tags, escapes, multi-line plain scalars, tabs, odd indentation...) it
declines, saying where and why, and the caller parses with libyaml, which also
reports every error with its line and column. The tests compare both paths. The
reading itself is in yamlreader, the lines in yamllines, the scalars in yamlplain.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from sitrep.yaml.block.lines import describe_character, describe_line, unsure_character
from sitrep.yaml.block.plain import Unsure
from sitrep.yaml.block.reader import Reader, TooLarge
from sitrep.yaml.comments import Found

MAX_FAST_VALUES = 7_000_000
"""Most values (keys, scalars, lists, mappings) the fast reader builds: 130,000 places.

100,000 generated places with control histories hold 5.2 million values (5
million, the budget before histories, refused them). Measured at 5 million
(docs/safety.md), the worst hostile texts it accepts peaked under 1 GB and were
refused or read within 4 s; at 7 million, expect up to 1.4 GB.
"""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def without_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run function with the cyclic garbage collector paused.

    Loading or saving 100,000 places allocates millions of dicts, strings and
    models, none of them in reference cycles; the collector would rescan the
    growing heap again and again (validation at 100,000 places: 4.3 s with it,
    0.75 s without). Reference counting still frees everything as usual.
    """

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper


@dataclass(frozen=True)
class Declined:
    """Why the fast reader left a text to libyaml: where (1-based; None: the whole text)."""

    line: int | None
    column: int | None
    reason: str
    too_large: bool = False
    """The text holds more values than the fast reader's budget (nothing reads it then)."""


@dataclass(frozen=True)
class Read:
    """What the fast reader read: the values, how many YAML values they hold, the comments."""

    value: Any
    values: int
    comments: Found


def read_plain(text: str, limit: int | None = None) -> Read | Declined:
    """The values of a YAML text in the fast subset, or a Declined saying why not."""
    budget = MAX_FAST_VALUES if limit is None else limit
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # libyaml reads CRLF as one line break
    offset = unsure_character(text)
    if offset is not None:
        line, column, what = describe_character(text, offset)
        return Declined(line, column, what)
    reader = Reader(text, budget)
    try:
        return Read(reader.document(), reader.count, reader.notes.found)
    except TooLarge:
        return Declined(None, None, f"more than {budget:,} values", too_large=True)
    except (Unsure, RecursionError) as exc:
        if exc.args and isinstance(exc, Unsure):  # a shape no situation has
            return Declined(reader.lines.line_number(), None, str(exc.args[0]))
        column, what = describe_line(reader.lines.last_line())
        return Declined(reader.lines.line_number(), column, what)


def value_bound(text: str) -> int:
    """At least as many values as block-style text holds, counted at memory speed.

    Every key is followed by ": " or a line break, and holds one value; every
    sequence item follows "- " (flow style and complex keys are not counted:
    this is for sitrep's own output). Within 2% for generated files.
    """
    keys = text.count(": ") + text.count(":\n") + text.endswith(":")
    return 2 * keys + text.count("- ") + 1


def fast_load(text: str) -> Any | None:
    """The values of a YAML text, or None when it needs the full parser."""
    read = read_plain(text)
    return None if isinstance(read, Declined) else read.value
