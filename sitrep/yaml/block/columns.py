"""What the fast reader (yamlreader) learns about the lines at one indentation."""

from __future__ import annotations

from sitrep.yaml.block.plain import Unsure

MAX_KEY_NAMES = 1000
"""Most different key names at one indentation (an entry has about 20 fields)."""


class Column:
    """What the reader learnt about the lines at one indentation: their keys by head."""

    def __init__(self, col: int) -> None:
        self.col = col
        self.spaces = " " * col
        self.item = self.spaces + "- "
        self.value_heads: dict[str, str] = {}  # "  key" (before ": ") -> key
        self.block_lines: dict[str, str] = {}  # "  key:" -> key
        self.item_heads: dict[str, str] = {}  # "  - key" (before ": ") -> key
        self.item_blocks: dict[str, str] = {}  # "  - key:" -> key
        self.value_key = self.value_heads.get
        self.block_key = self.block_lines.get
        self.item_key = self.item_heads.get
        self.item_block_key = self.item_blocks.get
        self.learnt = 0

    def _count(self) -> None:
        # A situation file has a few dozen key names; millions would each cost a slow
        # line and memory in three dicts.
        self.learnt += 1
        if self.learnt > MAX_KEY_NAMES:
            raise Unsure(f"more than {MAX_KEY_NAMES:,} different keys at this indentation")

    def learn(self, line: str, key: str) -> None:
        """Remember the head of a valid key line at this column."""
        self._count()
        end = self.col + len(key)
        if line.startswith(": ", end):
            self.value_heads[line[:end]] = key
        elif len(line) == end + 1:
            self.block_lines[line] = key

    def learn_item(self, line: str, key: str) -> None:
        """Remember the head of a valid '- key: value' line at this column."""
        self._count()
        end = self.col + 2 + len(key)
        if line.startswith(": ", end):
            self.item_heads[line[:end]] = key
        elif len(line) == end + 1:
            self.item_blocks[line] = key
