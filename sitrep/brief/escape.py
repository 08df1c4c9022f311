"""Make user text safe for Markdown: nothing a user writes can become markup.

Every string that comes from the situation file goes through :func:`inline`
before it is put into the brief. The result is plain text to any CommonMark
(or GitHub-flavoured) renderer: no HTML, no links (not even the bare URLs a
linkifier would find; see docs/safety.md for e-mail addresses), no emphasis, no headings,
no list markers, no table breaks, no control characters (sitrep.text says which
characters are unsafe: controls, bidirectional controls, separators, noncharacters).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from sitrep.text import UNSAFE

_TERMINAL_SEQUENCES = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]?           # CSI: colours, cursor moves (ESC [ ... final)
    | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)    # OSC: titles, hyperlinks (to BEL or ST)
    | \x1b[P^_X][^\x07\x1b\x9c]*(?:\x1b\\|\x9c)     # DCS, PM, APC, SOS strings
    | \x1b[ -/]*[0-~]?                   # any other escape (an unterminated string's opener)
    | \x9b[0-?]*[ -/]*[@-~]?             # 8-bit CSI
    | [\x90\x98\x9d-\x9f][^\x07\x1b\x9c]*(?:\x07|\x9c)  # 8-bit OSC, DCS, PM, APC, SOS
    """,
    re.VERBOSE,
)
_LINE_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]")
_SPACES = re.compile(r" {2,}")

_BACKSLASHED = frozenset("\\`*_[]#|~$")
"""Characters escaped wherever they appear (code, emphasis, links, headings, tables, math)."""
_ENTITIES = {"<": "&lt;", ">": "&gt;"}
_ENTITY_START = re.compile(r"&(?=[#A-Za-z0-9])")
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")
_TLDS = "biz|com|edu|gov|net|org|pro|web|xxx|aero|asia|coop|info|museum|name|shop|рф"
_LINKISH = re.compile(
    rf"(?<=\w)\.(?=(?:[^\W\d_]{{2}}|{_TLDS})(?![^\W\d_]))|(?i:(?<=\bwww)\.)|@|:(?=/)|(?<=/)/",
    re.IGNORECASE,
)
"""What lets a renderer see a link in plain text: a dot before a top-level domain
linkifiers know (two letters, or com, org...: example.org, file.md), the dot of
'www.', '@' (e-mail), '://' and '//'. Each is backslash-escaped: it shows the
same, but no linkifier (GFM autolinks, markdown-it's linkify) finds a link."""

WEB_SCHEMES = ("http", "https")
_URL_SAFE = ";/?:@&=+$,-_.!~*'()#%[]"


def clean(text: str) -> str:
    """Drop terminal escapes and unsafe characters; fold all line breaks into single spaces."""
    text = _TERMINAL_SEQUENCES.sub("", text)
    text = _LINE_BREAKS.sub(" ", text)
    text = UNSAFE.sub("", text)
    return _SPACES.sub(" ", text).strip()


_INERT = str.maketrans({**{c: "\\" + c for c in _BACKSLASHED}, **_ENTITIES})
"""Each markup character to its escape, in one pass (str.translate)."""


_INERT_ALREADY = re.compile(r"[^\W_]+(?:[ '-][^\W_]+)*")
"""Text inline() leaves as it is: letters and digits, single spaces, hyphens and
apostrophes between them (most names). None of these is a control, a markup or
link character, nor a block start (it begins with a letter or digit, and a digit
run ends before '.' or ')'); the brief of 100,000 places has 400,000 such cells."""


def inline(text: str) -> str:
    """User text as inert Markdown on one line: safe in a paragraph, list item or table cell."""
    if _INERT_ALREADY.fullmatch(text):
        return text
    return _escaped(text)


def _escaped(text: str) -> str:
    text = _ENTITY_START.sub("&amp;", clean(text)).translate(_INERT)
    text = _LINKISH.sub(_backslashed, text)
    return _BLOCK_START.sub(_escape_block_start, text, count=1)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def cell(text: str | None, empty: str = "—") -> str:
    """User text for a table cell; ``empty`` (already safe) when there is nothing to show."""
    escaped = inline(text) if text is not None else ""
    return escaped or empty


def web_url(url: str) -> str | None:
    """A percent-encoded http(s) URL, safe inside ``<...>`` or ``(...)``; None if not one."""
    cleaned = clean(url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    encoded = quote(cleaned, safe=_URL_SAFE)
    return encoded.replace("(", "%28").replace(")", "%29")


def relative_path(path: str) -> str:
    """A file path as a percent-encoded relative link target (no scheme can survive)."""
    return quote(clean(path).replace("\\", "/"), safe="/._-~")
