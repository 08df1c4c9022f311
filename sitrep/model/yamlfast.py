"""A fast reader for plain block YAML, the shape sitrep writes; anything else is declined.

libyaml parses quickly, but PyYAML then builds a Python node (with two marks) per
value and our builder walks them: about 2 s for 10,000 places and 20 s for
100,000. This reader turns the common subset (block mappings and sequences,
plain and simply quoted scalars, ``|`` and ``|-`` literal blocks) straight into
the values ``yamlnodes.to_python(compose(text))`` gives, several times faster.

It is a fast path only: on the first line it is not sure about (comments, flow
collections, anchors, tags, escapes, multi-line plain scalars, tabs, odd
indentation...) it returns None and the caller parses with libyaml, which also
reports every error with its line and column. Plain scalars are resolved by
yamlnodes' own rules, so both paths give the same values; the tests compare them.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import yaml

from sitrep.model import yamlnodes

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?\Z")
# Anything but plain printable text and line breaks (tabs, CR, controls, NEL, line and
# paragraph separators, BOM, surrogates, U+FFFE/U+FFFF) sends the text to libyaml.
_UNSURE_TEXT = re.compile(
    r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_RESOLVERS = yamlnodes._Loader.yaml_implicit_resolvers  # type: ignore[attr-defined]
_NULL_KEYS = frozenset({"null", "Null", "NULL"})
_MAX_DEPTH = 16


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


class _Unsure(Exception):
    """This text is outside the subset read here: let libyaml read it."""


def fast_load(text: str) -> Any | None:
    """The values of a YAML text, or None when it needs the full parser."""
    if _UNSURE_TEXT.search(text):
        return None
    reader = _Reader(text.split("\n"))
    try:
        value = reader.document()
    except (_Unsure, yamlnodes.NodeError, RecursionError):
        return None
    if reader.count > yamlnodes.MAX_NODES:
        return None  # the full parser reports the size problem
    return value


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.i = 0
        self.count = 0
        self.plain: dict[str, Any] = {}

    # -- lines -------------------------------------------------------------------
    def _next(self) -> int:
        """Skip blank lines; the indent of the next line, or -1 at the end."""
        lines, i = self.lines, self.i
        while i < len(lines):
            line = lines[i]
            stripped = line.lstrip(" ")
            if stripped:
                if stripped[0] == "#":
                    raise _Unsure
                self.i = i
                return len(line) - len(stripped)
            i += 1
        self.i = i
        return -1

    def document(self) -> Any:
        if self._next() != 0:
            raise _Unsure  # empty, or starting indented
        value = self._block(0, 0)
        if self._next() != -1:
            raise _Unsure
        return value

    def _block(self, indent: int, depth: int) -> Any:
        """A mapping or sequence whose lines start at indent (self.i is its first line)."""
        if depth > _MAX_DEPTH:
            raise _Unsure
        line = self.lines[self.i]
        if line.startswith("- ", indent):
            return self._sequence(indent, depth)
        return self._mapping(indent, line[indent:], depth)

    def _mapping(self, indent: int, first: str, depth: int) -> dict[str, Any]:
        """Keys at indent; first is the text of the first key's line from its key on."""
        self.count += 1
        result: dict[str, Any] = {}
        text = first
        while True:
            match = _KEY.match(text)
            if match is None:
                raise _Unsure
            key, rest = match.group(1), match.group(2)
            if key in result or key in _NULL_KEYS:
                raise _Unsure  # duplicate, or a key libyaml reads as null
            self.count += 1
            self.i += 1
            if rest:
                result[key] = self._inline(rest, indent)
                after = self._next()
            else:
                after = self._next()
                if after > indent:
                    result[key] = self._block(after, depth + 1)
                    after = self._next()
                elif after == indent and self.lines[self.i].startswith("- ", indent):
                    result[key] = self._sequence(indent, depth + 1)  # "key:\n- item"
                    after = self._next()
                else:
                    result[key] = None
                    self.count += 1
            if after < indent:
                return result
            if after > indent:
                raise _Unsure  # a plain scalar continued on the next line, or bad indentation
            text = self.lines[self.i][indent:]

    def _sequence(self, indent: int, depth: int) -> list[Any]:
        """Items '- ...' at indent."""
        self.count += 1
        result: list[Any] = []
        while True:
            rest = self.lines[self.i][indent + 2 :]
            if not rest or rest[0] == " " or rest.startswith("- "):
                raise _Unsure
            if _KEY.match(rest):
                result.append(self._mapping(indent + 2, rest, depth + 1))
            else:
                self.i += 1
                result.append(self._inline(rest, indent))
            after = self._next()
            if after < indent or (
                after == indent and not self.lines[self.i].startswith("- ", indent)
            ):
                return result
            if after > indent:
                raise _Unsure

    # -- scalars -------------------------------------------------------------------
    def _inline(self, text: str, parent: int) -> Any:
        """A value that starts on the line just read: a scalar or a literal block."""
        self.count += 1
        first = text[0]
        if first == " " or text[-1] == " ":
            raise _Unsure
        if first == "|":
            return self._literal(text, parent)
        if first == "'":
            inner = text[1:-1]
            if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
                raise _Unsure
            return inner.replace("''", "'")
        if first == '"':
            inner = text[1:-1]
            if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
                raise _Unsure
            return inner
        if (first in _INDICATORS and not (first == "-" and text[1:2] not in ("", " "))) or (
            ": " in text or " #" in text or text[-1] == ":"
        ):
            raise _Unsure
        value = self.plain.get(text, self)
        if value is self:
            value = self.plain[text] = _plain(text)
        return value

    def _literal(self, header: str, parent: int) -> str:
        """A '|' or '|-' block: lines indented more than parent, after the header line."""
        if header not in ("|", "|-"):
            raise _Unsure
        lines, i = self.lines, self.i
        start = i
        if i >= len(lines):
            raise _Unsure
        first = lines[i]
        body = len(first) - len(first.lstrip(" "))
        if body <= parent or not first.strip(" "):
            raise _Unsure
        content: list[str] = []
        while i < len(lines):
            line = lines[i]
            if line.startswith(" " * body):
                content.append(line[body:])
            elif not line.strip(" "):
                if line:
                    raise _Unsure  # spaces on a blank line: their meaning depends on the indent
                content.append("")
            elif len(line) - len(line.lstrip(" ")) > parent:
                raise _Unsure  # less indented than the block but inside it: an error
            else:
                break
            i += 1
        self.i = i
        while content and not content[-1]:
            content.pop()
        if any(not part.strip(" ") and part for part in content):
            raise _Unsure
        # "|" keeps one final line break, if the text has one after the last line
        # (split("\n") gives a line break after every line but the very last).
        last = start + len(content) - 1
        clip = header == "|" and last < len(lines) - 1
        return "\n".join(content) + ("\n" if clip else "")


def _plain(text: str) -> Any:
    """A plain scalar as yamlnodes resolves it (YAML 1.1 tag first, as libyaml's loader does)."""
    tag = "tag:yaml.org,2002:str"
    for candidate, regexp in _RESOLVERS.get(text[0], ()):
        if regexp.match(text):
            tag = candidate
            break
    if tag == "tag:yaml.org,2002:str":
        return text
    return yamlnodes._scalar(yaml.ScalarNode(tag, text, _MARK, _MARK, style=None))


_MARK = yaml.Mark("<fast>", 0, 0, 0, "", 0)
