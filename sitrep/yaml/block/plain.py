"""One-line YAML scalars and keys, read exactly as yamlnodes reads them, without nodes.

The fast reader (yamlfast) calls this for every value that is not obviously text.
A plain scalar gets the value libyaml's loader plus yamlnodes' rules give it: YAML
1.1 decides whether it is text at all, YAML 1.2's core schema then decides what
it is (so ``no`` and ``2021-08-13`` stay text, ``1e5`` and ``0123`` too). Single
and escape-free double quotes are read here; anything else raises Unsure and the
text goes to libyaml. tests/test_benchmarks_fastload.py compares both paths.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.yaml.nodes import YAML11_FIRST, core_value, yaml11_typed


class Unsure(Exception):
    """This text is outside the subset the fast reader handles: let libyaml read it."""


class BlockHeader:
    """The header of a literal block, ``|`` (clip: keep one final line break) or ``|-``."""

    def __init__(self, clip: bool) -> None:
        self.clip = clip


CLIP = BlockHeader(clip=True)
STRIP = BlockHeader(clip=False)

KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_NULL_KEYS = frozenset({"null", "Null", "NULL"})  # libyaml's path refuses them as keys
INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
"""First characters that make a scalar something other than plain text (and a space)."""
TEXT_FIRST = frozenset(
    chr(code) for code in range(0x21, 0x7F) if chr(code) not in INDICATORS | YAML11_FIRST
)
"""First characters of a plain scalar that is text whatever follows (ASCII only)."""
_WORD_FIRST = YAML11_FIRST - INDICATORS - frozenset("0123456789+-.")
# The only words YAML 1.1 tags as bool or null that yamlnodes does not keep as text.
_WORDS: dict[str, Any] = {
    **dict.fromkeys(("~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
# An integer like -12 or a decimal like 36.0856: the same number for YAML 1.1 and 1.2
# (no leading zero, no sign but "-", no "_").
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?\Z")
_MEMO_LIMIT = 1 << 16


class Scalars:
    """Reads one-line values and keys, remembering the ones that repeat (dates, words)."""

    def __init__(self) -> None:
        self.memo: dict[str, Any] = {}
        """Plain words and numbers already read (dates, control words...) and their values."""
        self.keys: dict[str, str | None] = {}

    def value(self, text: str) -> Any:
        """A value after 'key: ' or '- ': the scalar, or CLIP/STRIP for a literal block."""
        value = self.memo.get(text, self)
        if value is not self:
            return value
        number = _NUMBER.match(text)
        if number:  # mostly coordinates and counts, each different: not remembered
            try:
                return float(text) if number.group(1) else int(text)
            except ValueError:  # too many digits: libyaml's path reports it at its line
                raise Unsure from None
        first = text[0]
        if first in INDICATORS and (first != "-" or text[1:2] in ("", " ")):
            return _indicated(text)
        if ": " in text or " #" in text or text[-1] in " :":
            raise Unsure  # a mapping in a value, a comment, or trailing space
        if first not in YAML11_FIRST:
            return text
        value = _WORDS.get(text, text) if first in _WORD_FIRST else _number(text)
        if len(self.memo) < _MEMO_LIMIT:
            self.memo[text] = value
        return value

    def key(self, text: str) -> tuple[str, str]:
        """Split 'key: value' or 'key:' (value "") and check the key is a plain name."""
        name, sep, value = text.partition(": ")
        if not sep:
            if text[-1:] != ":":
                raise Unsure  # a bare word: a multi-line plain scalar, or a top-level text
            name = text[:-1]
        key = self.keys.get(name, self)
        if key is self:
            key = self.keys[name] = name if KEY.match(name) and name not in _NULL_KEYS else None
        if key is None:
            raise Unsure
        return key, value  # type: ignore[return-value]


def _number(text: str) -> Any:
    """A plain scalar starting with a digit, a sign or a point."""
    if not yaml11_typed(text):
        return text
    try:
        return core_value(text)
    except ValueError:  # too many digits: libyaml's path reports it at its line
        raise Unsure from None


def _indicated(text: str) -> Any:
    """A value starting with an indicator: a quoted scalar or a literal block header."""
    first, last = text[0], text[-1]
    if first == "|":
        if text == "|-":
            return STRIP
        if text == "|":
            return CLIP
    elif len(text) > 1 and first == last == "'":
        inner = text[1:-1]
        if "'" not in inner.replace("''", ""):
            return inner.replace("''", "'")
    elif len(text) > 1 and first == last == '"':
        inner = text[1:-1]
        if '"' not in inner and "\\" not in inner:
            return inner
    raise Unsure
