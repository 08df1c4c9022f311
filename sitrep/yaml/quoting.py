"""Unsafe characters in the YAML sitrep writes: always escaped, never raw. No Textual.

PyYAML writes bidirectional controls (U+202E...) and noncharacters (U+FDD0...)
raw, even inside double quotes: a reviewer reading the file in git would see
text reordered or hidden. The dumper here writes any scalar holding a character
sitrep.text calls unsafe in double quotes, each such character as an escape
(``\\u202E``), so the file shows what is there and reads back the same string.
Everything else is written exactly as PyYAML writes it.
"""

from __future__ import annotations

import re
from typing import Any

from yaml import SafeDumper

from sitrep.text import UNSAFE, UNSAFE_RANGES, char_class, without

_PYYAML_PRINTABLE = ((0xA0, 0xD7FF), (0xE000, 0xFEFE), (0xFF00, 0xFFFD), (0x10000, 0x10FFFE))
"""The non-ASCII characters PyYAML writes as themselves (allow_unicode)."""
PRINTABLE_RANGES = without(_PYYAML_PRINTABLE, UNSAFE_RANGES)
"""The non-ASCII characters sitrep writes as themselves: PyYAML's less the unsafe."""
PRINTABLE = char_class(PRINTABLE_RANGES)
"""PRINTABLE_RANGES as the body of a regular-expression character class."""
_RAW_UNSAFE = re.compile(f"[{char_class(without(_PYYAML_PRINTABLE, PRINTABLE_RANGES))}]")
"""The unsafe characters PyYAML would write raw (bidi controls, noncharacters, LS, PS)."""

_ALWAYS_ESCAPED = '"\\\x85\u2028\u2029\ufeff'


class Dumper(SafeDumper):
    """PyYAML's safe dumper, escaping every unsafe character in double quotes."""

    def analyze_scalar(self, scalar: str) -> Any:
        analysis = super().analyze_scalar(scalar)
        if _RAW_UNSAFE.search(scalar):
            # Only double quotes can escape: plain, single-quoted and block styles are raw.
            analysis.allow_flow_plain = analysis.allow_block_plain = False
            analysis.allow_single_quoted = analysis.allow_block = False
        return analysis

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        if not _RAW_UNSAFE.search(text):
            super().write_double_quoted(text, split)
            return
        body = "".join(self._escaped(char) for char in text)
        self.write_indicator('"', True)
        self.column += len(body)
        self.stream.write(body)
        self.write_indicator('"', False)

    def _escaped(self, char: str) -> str:
        """A character as PyYAML writes it in double quotes, unsafe ones always escaped."""
        if not (
            char in _ALWAYS_ESCAPED
            or UNSAFE.match(char)
            or not ("\x20" <= char <= "\x7e" or ("\xa0" <= char <= "\ufffd"))
        ):
            return char
        if char in self.ESCAPE_REPLACEMENTS:
            return "\\" + str(self.ESCAPE_REPLACEMENTS[char])
        code = ord(char)
        if code <= 0xFF:
            return f"\\x{code:02X}"
        if code <= 0xFFFF:
            return f"\\u{code:04X}"
        return f"\\U{code:08X}"
