"""The fast reader's recursive descent over the lines of plain block YAML (see yamlfast).

Speed comes from the shape of the loops (measured at 100,000 places): one pass
over the lines in plain ``while`` loops with the common case first, keys looked
up by their whole indented head (``"  name"``) in a dict per column, values that
are plainly text kept without a call, short lists of text read in place.
"""

from __future__ import annotations

from typing import Any

from sitrep.yaml.block.columns import Column
from sitrep.yaml.block.lines import END, Lines, read_literal
from sitrep.yaml.block.plain import CLIP, STRIP, TEXT_FIRST, Scalars, Unsure
from sitrep.yaml.comments import Collector, Where

_MAX_DEPTH = 16
MAX_KEYS = 200
"""Most keys in one mapping the fast reader reads (an entry has about 20 fields)."""
MAX_ITEMS = 1000
"""Most items in a list below the top level (sources, aliases, tags, highlights).

Both bound what validating a hostile file can cost: pydantic keeps every error
(about 350 bytes each), and these cap the errors one entry can produce.
"""


class TooLarge(Exception):
    """More values than the budget."""


class Reader:
    """Recursive descent over the lines; each part returns its value and the next line.

    The budget: ``count`` holds the values of finished mappings and sequences, the
    items of open sequences, and two values per key name learnt at a column (an
    open mapping cannot hold more keys than its column has learnt), so the values
    built never exceed it by more than one per open level.

    Comments: a full-line comment is skipped into ``pending`` (only the slow
    branches skip lines) and claimed by the next key or item read, whose path the
    parts pass down; an end-of-line comment is split off its value where the value
    would otherwise be refused. A text without comments pays a check and a pair per entry.
    """

    def __init__(self, text: str, limit: int) -> None:
        self.lines = Lines(text)
        self.next = self.lines.next
        self.scalars = Scalars()
        self.limit = limit
        self.count = 1  # the document's root
        self.columns: dict[int, Column] = {}
        self.notes = Collector()
        self.pending = self.notes.pending
        self._claim = self.notes.claim

    def document(self) -> Any:
        line, indent = self._skip(self.next())
        if indent != 0:
            raise Unsure  # empty, or starting indented
        self._claim(())  # the top of the file
        value, line = self._block(line, 0, 0, ())
        if self._skip(line)[1] != -1:
            raise Unsure
        self._claim(Collector.END)
        return value

    def _skip(self, line: str) -> tuple[str, int]:
        """The first line from this one that is not blank or a comment, and its indent."""
        while True:
            if line:
                body = line.lstrip(" ")
                if body and body[0] != "#":
                    return line, (len(line) - len(body) if line != END else -1)
                if body:  # a comment: kept, so it counts against the budget as a value
                    self.pending.append(body.rstrip(" "))
                    self._add(1)
            line = self.next()

    def _claim_key(self, line: str, col: int, where: Where) -> None:
        """Pending comments stand before line: claim them if it holds a key at col."""
        if line == END or not line.startswith(" " * col) or line[col : col + 1] in ("", " ", "-"):
            return  # an outer level's line: it claims them
        self._claim((where, self.scalars.key(line[col:])[0]))

    def _uncomment(self, text: str, where: Where) -> str:
        """The value text before an end-of-line comment, which stands beside where."""
        value = self.notes.beside(text, where)
        if value is None:
            raise Unsure
        self._add(1)
        return value

    def _add(self, values: int) -> None:
        self.count += values
        if self.count > self.limit:
            raise TooLarge

    def _block(self, line: str, col: int, depth: int, where: Where) -> tuple[Any, str]:
        """The mapping or sequence at where whose first line (at column col) is line."""
        if line.startswith("-", col) and line[col + 1 : col + 2] in (" ", ""):
            return self._sequence(line, col, depth, where)
        key, text = self.scalars.key(line[col:])
        self._claim((where, key))
        return self._mapping(col, key, text, depth, where)

    def _column(self, col: int) -> Column:
        column = self.columns.get(col)
        if column is None:
            column = self.columns[col] = Column(col)
        return column

    def _mapping(self, col: int, key: str, text: str, depth: int, where: Where) -> tuple[Any, str]:
        """Keys at col of the mapping at where; the first one (key, and text after ': ')
        is on the line just read."""
        if depth > _MAX_DEPTH:
            raise Unsure
        column = self.columns.get(col) or self._column(col)
        value_key, block_key, item = column.value_key, column.block_key, column.item
        inner = col + 2
        nxt, scalars, text_first = self.next, self.scalars, TEXT_FIRST
        memo, pending = scalars.memo, self.pending
        result: dict[str, Any] = {}
        while True:
            if key in result:
                raise Unsure  # a duplicate key: libyaml's path reports it
            if not text:  # "key:": a block on the next lines, or null
                line = nxt()
                if line.startswith(item):  # "key:\n- item" (sources, aliases, tags)
                    items: list[Any] = []
                    text = line[inner:]
                    # plain text items are read here; anything else, and long lists,
                    # by _sequence (the mapping's own checks end the list right)
                    while True:
                        if (
                            text[:1] not in text_first
                            or ": " in text
                            or " #" in text
                            or text[-1] in " :"
                            or len(items) == 64
                        ):
                            items, line = self._sequence(line, col, depth + 1, (where, key), items)
                            break
                        items.append(text)
                        line = nxt()
                        if not line.startswith(item):
                            body = line.lstrip(" ")
                            if not body or body[0] == "#":  # the list may go on after these
                                line = self._skip(line)[0]
                                if line.startswith(item):
                                    self._claim(((where, key), len(items)))
                            if not line.startswith(item):
                                self.count += len(items)
                                break
                        text = line[inner:]
                    result[key] = items
                else:
                    result[key], line = self._nested(line, col, depth, (where, key))
                if pending:  # comments after a list or block stand before the next key
                    self._claim_key(line, col, where)
            elif text[0] in text_first:
                if ": " in text or " #" in text or text[-1] in " :":
                    if " #" in text:
                        text = self._uncomment(text, (where, key))
                        continue
                    raise Unsure
                result[key] = text
                line = nxt()
            else:
                value = memo.get(text, memo)  # dates, control words: read before
                if value is memo:
                    try:
                        value = scalars.value(text)
                    except Unsure:  # perhaps a value with a comment after it
                        text = self._uncomment(text, (where, key))
                        continue
                    if value is CLIP or value is STRIP:
                        result[key], line = read_literal(nxt, value, col)
                        value = memo
                if value is not memo:
                    result[key] = value
                    line = nxt()
            head, sep, text = line.partition(": ")
            found = value_key(head) if sep else block_key(line)
            if found is not None:
                key = found
                continue
            while not line:
                line = nxt()
            if col and line[0] != " " and line[0] != "#":
                break  # a line at column 0 (or the end) ends this mapping
            line, indent = self._skip(line)
            if indent != col:
                if indent > col:
                    raise Unsure  # a plain scalar continued, or bad indentation
                break
            head, sep, text = line.partition(": ")
            found = value_key(head) if sep else block_key(line)
            if found is not None:  # a known key after comments or blank lines
                key = found
            else:
                key, text = scalars.key(line[col:])
                if len(result) >= MAX_KEYS:
                    raise Unsure(f"a mapping of more than {MAX_KEYS} keys")
                self._add(2)  # a key name learnt at this column
                column.learn(line, key)
            if pending:
                self._claim((where, key))
        if len(result) > MAX_KEYS:
            raise Unsure(
                f"a mapping of {len(result):,} keys ends above this line (at most {MAX_KEYS})"
            )
        self.count += 2 * len(result)  # (inline: once per mapping)
        if self.count > self.limit:
            raise TooLarge
        return result, line

    def _nested(self, line: str, col: int, depth: int, where: Where) -> tuple[Any, str]:
        """The value at where of a 'key:' at col whose next line is line: a block, or null."""
        line, indent = self._skip(line)
        if indent > col:
            return self._block(line, indent, depth + 1, where)
        if indent == col and line.startswith("-", col) and line[col + 1 : col + 2] in (" ", ""):
            return self._sequence(line, col, depth + 1, where)  # "key:\n- item"
        return None, line

    def _sequence(
        self, line: str, col: int, depth: int, where: Where, result: list[Any] | None = None
    ) -> tuple[Any, str]:
        """Items '- ...' at col of the list at where; line (just read) is the first (after
        those in result)."""
        if depth > _MAX_DEPTH:
            raise Unsure
        column = self.columns.get(col) or self._column(col)
        prefix, item_key, spaces = column.item, column.item_key, column.spaces
        inner = col + 2
        nxt, scalars, text_first = self.next, self.scalars, TEXT_FIRST
        memo, pending = scalars.memo, self.pending
        if result is None:
            result = []
        append = result.append
        counted = 0  # items already in self.count
        most = self.limit - self.count  # items this list may hold before counting again
        while True:
            if pending:
                self._claim((where, len(result)))
            text = line[inner:]
            if (": " not in text and text[-1:] != ":") or text[:1] in ("'", '"'):
                first = text[:1]
                if first in text_first:
                    if text[-1] == " " or " #" in text:
                        line = line[:inner] + self._uncomment(text, (where, len(result)))
                        continue
                    value = text
                    line = nxt()
                else:
                    if not text or first == " ":
                        raise Unsure  # an empty item, or odd indentation
                    value = memo.get(text, memo)
                    if value is memo:
                        try:
                            value = scalars.value(text)
                        except Unsure:  # perhaps a value with a comment after it
                            line = line[:inner] + self._uncomment(text, (where, len(result)))
                            continue
                    if value is CLIP or value is STRIP:
                        value, line = read_literal(nxt, value, col)
                    else:
                        line = nxt()
                if len(result) >= most:
                    raise TooLarge
                append(value)
            else:  # "- key: value": a mapping whose first key shares the dash's line
                head, sep, rest = line.partition(": ")
                key = item_key(head) if sep else column.item_block_key(line)
                if key is None:
                    key, rest = scalars.key(text)
                    self._add(2)  # a key name learnt at this column
                    column.learn_item(line, key)
                self.count += len(result) + 1 - counted
                if self.count > self.limit:
                    raise TooLarge
                counted = len(result) + 1
                value, line = self._mapping(inner, key, rest, depth + 1, (where, result))
                append(value)
                most = self.limit - self.count + counted
            if line.startswith(prefix):
                continue
            if line.startswith(spaces) and line[col : col + 1] not in ("", " ", "-", "#"):
                break  # a key at this column: the end of a "key:\n- item" list
            line, indent = self._skip(line)
            if indent != col or not line.startswith(prefix):
                if indent > col or (indent == col and line[col] == "-"):
                    raise Unsure  # deeper, "-" alone or "-x"
                break
        if depth > 1 and len(result) > MAX_ITEMS:
            raise Unsure(
                f"a list of {len(result):,} items ends above this line (at most {MAX_ITEMS})"
            )
        self._add(len(result) - counted)
        return result, line
