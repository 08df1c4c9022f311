"""The lines of a YAML text for the fast reader, a chunk at a time, and why it declines one.

Splitting 40 MiB of short lines at once would hold ten million strings; the
reader takes its lines from one chunk of 256 KiB at a time instead (at most
65,536 lines, 4 MB), so only the values it builds stay in memory (yamlfast
bounds those).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterator

from sitrep.yaml.block.plain import BlockHeader, Unsure

END = "\x00"
"""Read after the text's last line (a NUL never reaches the reader: see unsure_character)."""

CHUNK = 1 << 18

_UNSURE_TEXT = re.compile(
    r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_ASCII_OK = bytes([10, *range(0x20, 0x7F)])


class Lines:
    """The text's lines (as text.split("\\n") gives them), then END, forever."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.before = 0  # lines in the chunks already read
        self.chunk: list[str] = []
        self.rest: Iterator[str] = iter(self.chunk)
        self.next = itertools.chain.from_iterable(self._chunks()).__next__
        """Return the next line (END after the last one)."""

    def _chunks(self) -> Iterator[Iterator[str]]:
        text, start, size = self.text, 0, len(self.text)
        while start <= size:
            end = text.find("\n", start + CHUNK)
            if end == -1:
                end = size
            self._start(text[start:end].split("\n"))
            yield self.rest
            start = end + 1
        while True:
            self._start([END] * 64)
            yield self.rest

    def _start(self, chunk: list[str]) -> None:
        self.before += len(self.chunk)
        self.chunk = chunk
        self.rest = iter(chunk)

    def last_line(self) -> str:
        """The line read last."""
        return self.chunk[len(self.chunk) - operator.length_hint(self.rest) - 1]

    def line_number(self) -> int:
        """The 1-based number of the line read last."""
        return self.before + len(self.chunk) - operator.length_hint(self.rest)


def unsure_character(text: str) -> int | None:
    """The offset of the first character only libyaml may read (a tab, a control, CR...)."""
    # bytes.translate runs at memory speed (a chunk at a time: no copy of the whole
    # text); the regex only looks once something is there
    if text.isascii() and not any(
        text[start : start + CHUNK].encode("ascii").translate(None, _ASCII_OK)
        for start in range(0, len(text), CHUNK)
    ):
        return None
    found = _UNSURE_TEXT.search(text)
    return found.start() if found else None


def describe_character(text: str, offset: int) -> tuple[int, int, str]:
    """The 1-based line and column of text[offset], and what the character is."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    char = text[offset]
    names = {"\t": "a tab", "\r": "a carriage return (CR)", "\ufeff": "a byte order mark"}
    return line, column, names.get(char, f"the character U+{ord(char):04X}")


_STYLES = (
    (re.compile(r"(?:^|[:-] |^ +)([\[{])"), "flow style ([...] or {...})"),
    (re.compile(r"(?:^|[:-] |^ +)([&*])"), "an anchor or alias (& or *)"),
    (re.compile(r"(?:^|[:-] |^ +)(!)"), "a tag (!)"),
    (re.compile(r'(?:^|[:-] |^ +)("[^"]*\\)'), "an escape in double quotes"),
    (re.compile(r"(?:^|[:-] |^ +)([|>]\S)"), "a block indicator sitrep does not write"),
    (re.compile(r"(?:^|[:-] |^ +)(>)"), "a folded block (>)"),
    (re.compile(r"^(---|\.\.\.|%)"), "a document marker or directive"),
    (re.compile(r"(?:^|\s)(#)"), "a comment where sitrep does not write one"),
)


def describe_line(line: str) -> tuple[int, str]:
    """A guess, for a person, at what in a declined line is outside the fast subset."""
    if line == END:
        return 1, "the text ends inside a block"
    for pattern, what in _STYLES:
        found = pattern.search(line)
        if found:
            return found.start(1) + 1, what
    column = len(line) - len(line.lstrip(" ")) + 1
    return column, "a line outside the plain block style sitrep writes"


def read_literal(nxt: Callable[[], str], header: BlockHeader, parent: int) -> tuple[str, str]:
    """A '|' or '|-' block on the lines nxt gives (indented more than parent), and
    the first line after it."""
    first = nxt()
    body = len(first) - len(first.lstrip(" "))
    if first == END or body <= parent or not first.strip(" "):
        raise Unsure  # no text, a first blank line, or an indentation indicator needed
    prefix = " " * body
    text = first[body:]  # the text so far, while it is one line
    content: list[str] = []  # its lines, once there are more
    blank = 0  # empty lines not yet known to be inside the text
    while True:
        line = nxt()
        if line.startswith(prefix):
            part = line[body:]
            if not part:
                blank += 1
                continue
            if part[0] == " " and not part.strip(" "):
                raise Unsure  # a line of spaces only: its meaning depends on the indent
            if not content:
                content.append(text)
            if blank:
                content.extend([""] * blank)
                blank = 0
            content.append(part)
        elif not line:
            blank += 1
        elif not line.strip(" ") or len(line) - len(line.lstrip(" ")) > parent:
            raise Unsure  # spaces on an empty line, or a line inside the block less indented
        else:
            break
    if content:
        text = "\n".join(content)
    # "|" keeps one final line break, which only the text's very last line lacks
    if header.clip and (blank > 0 or line != END):
        text += "\n"
    return text, line
