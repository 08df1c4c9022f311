"""Turn a YAML document into plain Python data, keeping the nodes to point at errors.

We compose with libyaml (fast, safe) and build the Python values ourselves so that:
- YAML 1.1 surprises never happen: ``NO`` stays the string "NO", ``1:30`` and ``0123``
  stay strings, dates stay ISO strings for pydantic to check;
- duplicate keys, non-string keys, anchors/aliases and absurd nesting are errors;
- every error can be mapped back to a line and column through the node tree.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from sitrep.model.situation import Path

try:  # libyaml is 4x faster; fall back to the pure-Python composer where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

LOADER = _Loader
"""The loader class whose parser and resolver both reading paths use (libyaml's when built)."""

MAX_DEPTH = 32
"""Deeper than any situation file needs; stops recursion bombs early."""

MAX_NODES = 1_000_000
"""Most YAML values (scalars, lists, mappings) libyaml's path reads: about 36,000 places.

Composing costs about 600 bytes of memory per value, so this caps a hostile file
(``[1,1,1,...]`` packs a value in two bytes) at well under a gigabyte and a few
seconds, far below what MAX_FILE_BYTES alone would allow. Files in the plain
block style sitrep writes are read by yamlfast instead, with its own, larger
budget (yamlfast.MAX_FAST_VALUES).
"""

# Every value in a YAML text follows one of these characters (or starts the text),
# and each of them starts at most two values (a key and its empty value), so
# counting them, which runs at memory speed, bounds the number of values.
_STRUCTURE = ("\n", ",", ":", "-", "?", "[", "{")

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
# A float needs a point or an exponent, and no leading zero: "0123" stays a string.
_FLOAT = re.compile(r"^[-+]?(0|[1-9][0-9]*)?(\.[0-9]+|(\.[0-9]*)?[eE][-+]?[0-9]+|\.)$")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_STR = "tag:yaml.org,2002:str"


class NodeError(Exception):
    """A structural problem in the YAML, at a node (0-based line and column)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def compose(text: str) -> yaml.Node | None:
    """Parse text into a node tree (raises yaml.MarkedYAMLError on syntax errors).

    Raises NodeError, before building anything, when the text holds more than
    MAX_NODES values.
    """
    check_node_budget(text)
    return yaml.compose(text, Loader=_Loader)


def check_node_budget(text: str, limit: int | None = None) -> None:
    """Raise NodeError if text holds more than limit (default MAX_NODES) YAML values.

    A count of structural characters settles ordinary files at once; only a text
    that might be over is streamed through the parser, keeping nothing, and
    stopped at the first value past the limit.
    """
    if limit is None:
        limit = MAX_NODES
    rough = sum(text.count(char) for char in _STRUCTURE)
    if 2 * rough + 3 <= limit:
        return
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent | yaml.AliasEvent):
            count += 1
            if count > limit:
                mark = event.start_mark
                raise NodeError(
                    f"more than {limit:,} values: too large for a situation file",
                    mark.line if mark else 0,
                    mark.column if mark else 0,
                )


def to_python(node: yaml.Node, text: str | None = None) -> Any:
    """Build dicts, lists, str, int, float, bool and None from a node tree.

    Pass the text the tree was composed from to refuse every explicit tag: the
    node tree cannot tell ``!!timestamp 2021-08-13`` from a plain ``2021-08-13``.
    """
    value = _Builder().build(node, 0)
    if text is not None and _TAG_LIKE.search(text):
        refuse_explicit_tags(text)
    return value


_TAG_LIKE = re.compile(r"(?:^|[\s\[{,])!", re.MULTILINE)
"""Where a tag could start (a cheap test before streaming the parser's events)."""


def refuse_explicit_tags(text: str) -> None:
    """Raise NodeError at the first explicit tag (``!!str``, ``!!timestamp``, ``!``...).

    docs/format.md: no tag is honoured, core ones included; the value's own
    text says what it is.
    """
    for event in yaml.parse(text, Loader=_Loader):
        tag = getattr(event, "tag", None)
        if tag is not None and isinstance(event, yaml.NodeEvent):
            mark = event.start_mark
            raise NodeError(
                f"YAML tags such as {_tag_name(tag)} are not allowed: remove it "
                "(a value's own text says what it is)",
                mark.line if mark else 0,
                mark.column if mark else 0,
            )


class _Builder:
    def __init__(self) -> None:
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _error(node, f"nested more than {MAX_DEPTH} levels deep")
        # An alias is the very node its anchor made, met a second time.
        if id(node) in self.seen:
            raise _error(node, "anchors and aliases (& and *) are not supported: write it out")
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if node.tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
            raise _error(node, f"YAML tags such as {_tag_name(node.tag)} are not allowed")
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or (
                    key_node.tag != _STR and (not _plain(key_node) or key_node.value in _NULLS)
                ):
                    raise _error(key_node, "keys must be plain names")
                key = key_node.value
                if key == "<<":
                    raise _error(key_node, "merge keys (<<) are not supported: write it out")
                if key in result:
                    raise _error(key_node, f"duplicate key {key!r}")
                result[key] = self.build(value_node, depth + 1)
            return result
        raise _error(node, "unsupported YAML node")  # pragma: no cover


def _plain(node: yaml.ScalarNode) -> bool:
    return node.style is None or node.style == ""


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag not in _IMPLICIT:
        raise _error(node, f"YAML tags such as {_tag_name(node.tag)} are not allowed")
    value: str = node.value
    if node.tag == _STR or not _plain(node):
        return value
    try:
        return core_value(value)
    except ValueError:  # Python refuses to convert more than 4,300 digits
        raise _error(node, f"number too long ({len(value):,} digits)") from None


def core_value(value: str) -> Any:
    """A plain scalar YAML 1.1 would not read as text, resolved like YAML 1.2's core schema.

    Raises ValueError for an integer too long for Python to convert.
    """
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


_RESOLVERS: dict[str | None, list[tuple[str, re.Pattern[str]]]]
_RESOLVERS = _Loader.yaml_implicit_resolvers
YAML11_FIRST = frozenset(first for first in _RESOLVERS if first)
"""The first characters of the plain scalars YAML 1.1 may read as something other than text."""


def yaml11_typed(value: str) -> bool:
    """Whether libyaml's loader tags this plain scalar as other than text (YAML 1.1 rules)."""
    return any(regexp.match(value) for _, regexp in _RESOLVERS.get(value[:1], ()))


# YAML 1.1 also resolves a plain "=" to !!value and "<<" to !!merge: here they are text.
_IMPLICIT = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")
)


def _tag_name(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _error(node: yaml.Node, message: str) -> NodeError:
    return NodeError(message, node.start_mark.line, node.start_mark.column)


def locate(root: yaml.Node | None, path: Path, *, key: bool = False) -> tuple[int, int] | None:
    """The 0-based (line, column) of the value at path, or of its key when key=True.

    Walks as far down the path as the tree goes, so a missing field points at
    the entry that lacks it.
    """
    node = root
    if node is None:
        return None
    mark = node.start_mark
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            pair = next((kv for kv in node.value if kv[0].value == part), None)
            if pair is None:
                break
            node = pair[1]
            mark = pair[0].start_mark if (key and last) else node.start_mark
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line, mark.column
