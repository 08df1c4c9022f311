"""The canonical YAML emitter: the same bytes as PyYAML's dumper, several times faster.

PyYAML runs Python code for every scalar it writes (representer, resolver,
serializer), which made saving 10,000 places slower than a plain ``yaml.dump``.
The situation file has a fixed shape (a mapping of mappings, lists of flat
mappings, lists of strings), so this module writes it directly. Scalars that are
obviously plain or obviously a literal block are written here; any other scalar
(one needing quotes, escapes or a chomping indicator) is handed to PyYAML alone,
so every byte stays exactly what ``emit_with_pyyaml`` writes. The tests compare
both on the sample, generated files and random text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

# The reference dumper is PyYAML's pure-Python one: libyaml's C emitter escapes every
# character outside the Basic Multilingual Plane (emoji become "\U0001F46A"), which
# a person reading the file in git should not have to decode. Only odd scalars and
# whole-file fallbacks go through it, so its speed does not matter.
# sitrep's subclass of it escapes unsafe characters (bidirectional controls...) too.
from sitrep.yaml.quoting import PRINTABLE
from sitrep.yaml.quoting import Dumper as _BaseDumper

LONG_TEXT = 72
"""Strings longer than this (or with line breaks) are written as literal blocks."""

# PyYAML's printable set less sitrep's unsafe characters (sitrep.text): no C0/C1
# controls, BOM, surrogates, noncharacters, bidirectional controls or line separators.
_UNICODE = PRINTABLE
# Plain-safe: starts with an ASCII letter (so no number, date or indicator), then
# printable text with ':' only when not followed by a space and '#' only when not
# after a space, no trailing ':' or space, and not a YAML 1.1 boolean or null word.
_PLAIN = re.compile(rf"[A-Za-z](?:[\x20-\x22\x24-\x39\x3b-\x7e{_UNICODE}]|:(?! )|(?<! )#)*")
_PLAIN_END = re.compile(r"[ :]\Z")
_RESERVED = frozenset(
    {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"}
    | {"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"}
)
# A literal block PyYAML writes as "|-": printable, not starting with a space or
# break (that needs an indentation hint), not ending with one (a chomping hint or
# no block at all), and no space right before a break.
_LITERAL = re.compile(rf"[\x21-\x7e{_UNICODE}][\n\x20-\x7e{_UNICODE}]*")
_LITERAL_BAD = re.compile(r" \n|[ \n]\Z")


class _Dumper(_BaseDumper):
    """PyYAML's safe dumper with long text as literal blocks and no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        # Two fields may hold the same date object; the file must never get &id001.
        return True


_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def _represent_str(dumper: _Dumper, value: str) -> yaml.Node:
    if value.endswith("\n") or _OTHER_BREAKS.search(value):
        # A kept final break ("|+") would swallow the blank line written after it, and
        # libyaml writes CR, NEL, LS and PS raw in a block, where they read back as \n.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value or len(value) > LONG_TEXT:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def emit_with_pyyaml(data: dict[str, Any]) -> str:
    """The reference output: PyYAML's dumper in block style, before blank lines go in."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=1_000_000,
        indent=2,
    )
    return text


def space_out(text: str) -> str:
    """A blank line between top-level sections and between the entries of each list."""
    out: list[str] = []
    first_item = False
    for line in text.splitlines(keepends=True):
        if line[:1] not in (" ", "-", "\n") and out:
            out.append("\n")
            first_item = True
        elif line.startswith("- "):
            if not first_item:
                out.append("\n")
            first_item = False
        out.append(line)
    return "".join(out)


def emit_canonical(data: dict[str, Any]) -> str:
    """The canonical text of plain situation data: ``space_out(emit_with_pyyaml(data))``."""
    out: list[str] = []
    write = out.append
    for n, (key, value) in enumerate(data.items()):
        if n:
            write("\n")
        if isinstance(value, list) and value:
            write(f"{key}:\n")
            for i, item in enumerate(value):
                if i:
                    write("\n")
                write_item(write, item, "")
        elif isinstance(value, dict) and value:
            write(f"{key}:\n")
            write_mapping(write, value, "  ")
        else:
            write_scalar(write, f"{key}:", value, "")
    return "".join(out)


def write_mapping(write: Any, mapping: dict[str, Any], indent: str) -> None:
    """Keys of a block mapping, each on its own line at indent."""
    for key, value in mapping.items():
        write_value(write, f"{indent}{key}:", value, indent)


def write_value(write: Any, head: str, value: Any, indent: str) -> None:
    """head ('  key:') and its value; list items, and block text's base, at indent."""
    if isinstance(value, list) and value:
        write(f"{head}\n")
        for item in value:
            write_item(write, item, indent)
    elif isinstance(value, dict) and value:
        write(f"{head}\n")
        write_mapping(write, value, indent + "  ")
    else:
        write_scalar(write, head, value, indent)


def write_item(write: Any, item: Any, indent: str) -> None:
    """One sequence entry at indent: '- value', or a mapping whose first key follows '- '."""
    if isinstance(item, dict) and item:
        inner = indent + "  "
        pairs = iter(item.items())
        key, value = next(pairs)
        # The first key shares the dash's line; the others align under it.
        if isinstance(value, (list, dict)) and value:
            write(f"{indent}- {key}:\n")
            if isinstance(value, list):
                for sub in value:
                    write_item(write, sub, inner)
            else:
                write_mapping(write, value, inner + "  ")
        else:
            write_scalar(write, f"{indent}- {key}:", value, inner)
        for key, value in pairs:
            write_value(write, f"{inner}{key}:", value, inner)
    elif isinstance(item, list) and item:
        raise Unsupported
    else:
        write_scalar(write, f"{indent}-", item, indent)


class Unsupported(Exception):
    """Something this emitter does not write (a list in a list, a "|+" block): PyYAML does."""


def write_scalar(write: Any, head: str, value: Any, indent: str) -> None:
    """Write 'head value' (head is '  key:' or '  -'); block text goes at indent + 2."""
    if type(value) is str:
        if "\n" in value or len(value) > LONG_TEXT:
            if _LITERAL.fullmatch(value) and not _LITERAL_BAD.search(value):
                body = indent + "  "
                lines = [body + line if line else "" for line in value.split("\n")]
                write(f"{head} |-\n" + "\n".join(lines) + "\n")
                return
        elif _PLAIN.fullmatch(value) and value not in _RESERVED and not _PLAIN_END.search(value):
            write(f"{head} {value}\n")
            return
    elif type(value) is int:
        write(f"{head} {value}\n")
        return
    elif type(value) is bool:
        write(f"{head} {'true' if value else 'false'}\n")
        return
    elif type(value) is dt.date:
        write(f"{head} {value.isoformat()}\n")
        return
    elif type(value) is float:
        text = repr(value)
        if "." in text and "e" not in text and "n" not in text:
            write(f"{head} {text}\n")
            return
    elif value is None:
        write(f"{head} null\n")
        return
    _by_pyyaml(write, head, value, indent)


def _by_pyyaml(write: Any, head: str, value: Any, indent: str) -> None:
    """Let PyYAML write one scalar (or empty container), re-indented to its place."""
    text = emit_with_pyyaml({"k": value})
    if text.endswith("\n...\n"):
        # Kept trailing breaks ("|+") make libyaml end the whole document with "...".
        raise Unsupported
    first, *rest = text.split("\n")
    if (len(rest) > 1 and not first.startswith("k: |")) or len(text.splitlines()) != len(rest):
        # A quoted scalar over several lines (its continuation indent depends on the
        # context), or a line separator other than \n (space_out splits lines there).
        raise Unsupported
    write(f"{head}{first[2:]}\n")
    for line in rest[:-1]:  # the text ends with a line break, so the last part is empty
        write(f"{indent}{line}\n" if line else "\n")


def dump_canonical(data: dict[str, Any]) -> str:
    """Canonical text of situation data; falls back to PyYAML for shapes it does not write."""
    try:
        return emit_canonical(data)
    except Unsupported:
        return space_out(emit_with_pyyaml(data))
