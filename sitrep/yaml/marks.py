"""Comments in a text libyaml read, found between the marks of its nodes.

libyaml drops comments, but every node keeps where it starts and ends. A '#'
that no scalar covers, at the start of a line or after a space or tab, starts a
comment: a full-line one when only blanks precede it, else an end-of-line one.
The '#' of a block scalar's content (``|`` or ``>``) and of a quoted string is
inside its node, so it is text; a comment after a block scalar's header
(``note: |- # ...``) is read from the header line. Each comment gets its place
as yamlcomments defines it, from the lines where keys and list items start:
exactly what the fast reader (yamlreader) reports for a text both can read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import yaml

from sitrep.model.situation import Path
from sitrep.yaml import nodes as yamlnodes
from sitrep.yaml.comments import END_PATH, Found
from sitrep.yaml.nodes import NodeError

_OTHER_BREAKS = frozenset("\x85\u2028\u2029")
_TO_NEWLINE = str.maketrans(dict.fromkeys("\r\x85\u2028\u2029", "\n"))
"""libyaml also breaks lines at CR (CRLF is one break), NEL, LS and PS."""
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
_WHOLE = 1 << 62  # "to the end of the line"


def from_nodes(text: str, root: yaml.Node) -> Found:
    """The comments of text, whose node tree (built into values without error) is root.

    Raises NodeError when more lines hold a '#' than yamlnodes.MAX_NODES: a
    hostile file of comment lines costs libyaml nothing, but each comment kept
    costs memory.
    """
    found = Found()
    if "#" not in text:
        return found
    # a byte order mark takes no column in libyaml's marks
    lines = _hash_lines(text.removeprefix("\ufeff"), yamlnodes.MAX_NODES)
    walk = _Walk(lines)
    walk.node(root, ())
    starts = walk.starts
    eol = walk.headers  # comments after block scalar headers, by line
    for number in walk.candidates:
        line = lines[number]
        spot = _comment_at(line, walk.covered.get(number, ()))
        if spot is None:
            continue
        comment = line[spot:].rstrip(" \t")
        if line[:spot].strip(" \t"):
            eol[number] = comment
            continue
        after = bisect.bisect_right(starts, number)
        path = walk.paths[after] if after < len(starts) else END_PATH
        found.add_before(path if after else (), [comment])
    for number in sorted(eol):
        at = bisect.bisect_right(starts, number) - 1
        found.add_beside(walk.paths[at] if at >= 0 else (), eol[number])
    return found


def _hash_lines(text: str, limit: int) -> dict[int, str]:
    """The lines holding a '#' by their 0-based number, as libyaml counts lines."""
    if "\r" in text or not _OTHER_BREAKS.isdisjoint(text):
        # one break each, as libyaml counts them: the columns in a line stay the same
        text = text.replace("\r\n", "\n").translate(_TO_NEWLINE)
    lines: dict[int, str] = {}
    number, counted = 0, 0
    spot = text.find("#")
    while spot != -1:
        start = text.rfind("\n", 0, spot) + 1
        end = text.find("\n", spot)
        end = len(text) if end == -1 else end
        number += text.count("\n", counted, start)
        counted = start
        lines[number] = text[start:end]
        if len(lines) > limit:
            raise NodeError(f"more than {limit:,} lines with a '#': too many comments", number, 0)
        spot = text.find("#", end)
    return lines


def _comment_at(line: str, covered: Sequence[tuple[int, int]]) -> int | None:
    """The column where a comment starts on line, outside the covered column ranges."""
    start = 0
    while True:
        spot = line.find("#", start)
        if spot == -1:
            return None
        if (spot == 0 or line[spot - 1] in " \t") and not any(a <= spot < b for a, b in covered):
            return spot
        start = spot + 1


class _Walk:
    """One walk over the node tree: where keys and items start, what scalars cover."""

    def __init__(self, lines: dict[int, str]) -> None:
        self.lines = lines
        self.candidates = sorted(lines)
        """The lines holding a '#', in order: only these can hold a comment."""
        self.lookup = lines.keys()
        self.starts: list[int] = []
        self.paths: list[Path] = []
        """The line each key or list item starts on, and its path, in document order."""
        self.covered: dict[int, list[tuple[int, int]]] = {}
        """For lines with a '#': the column ranges scalars cover."""
        self.headers: dict[int, str] = {}

    def node(self, node: yaml.Node, path: Path) -> None:
        if isinstance(node, yaml.ScalarNode):
            self.scalar(node)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = (*path, key.value)
                self.anchor(key.start_mark.line, here)
                self.scalar(key)
                self.node(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                here = (*path, index)
                self.anchor(item.start_mark.line, here)
                self.node(item, here)

    def anchor(self, line: int, path: Path) -> None:
        if self.starts and line < self.starts[-1]:
            line = self.starts[-1]  # never out of order (document order is line order)
        self.starts.append(line)
        self.paths.append(path)

    def scalar(self, node: yaml.ScalarNode) -> None:
        first, last = node.start_mark, node.end_mark
        if node.style in ("|", ">"):
            self.header(first.line, first.column)
            self.cover(first.line, first.column, _WHOLE)
        elif first.line == last.line:
            self.cover(first.line, first.column, last.column)
            return
        else:
            self.cover(first.line, first.column, _WHOLE)
        # the lines inside the scalar, then its last line up to where it ends
        low = bisect.bisect_right(self.candidates, first.line)
        high = bisect.bisect_left(self.candidates, last.line)
        for number in self.candidates[low:high]:
            self.covered[number] = [(0, _WHOLE)]
        self.cover(last.line, 0, last.column)

    def header(self, line: int, column: int) -> None:
        """A comment after a block scalar's header ("|- # ..."), which its node covers."""
        if line not in self.lookup:
            return
        header = self.lines[line][column:]
        found = _BLOCK_HEADER.match(header)
        rest = header[found.end() :] if found else ""
        comment = rest.lstrip(" \t")
        if comment.startswith("#") and len(comment) < len(rest):
            self.headers[line] = comment.rstrip(" \t")

    def cover(self, line: int, start: int, end: int) -> None:
        if start < end and line in self.lookup:
            self.covered.setdefault(line, []).append((start, end))
