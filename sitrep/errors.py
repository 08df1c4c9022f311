"""The one family of errors sitrep raises on purpose.

The CLI prints them and exits 1 (bad data) or 2 (usage, I/O); the TUI shows
them in a modal. Anything else escaping is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


class SitrepError(Exception):
    """Base of every error sitrep reports to a user."""

    exit_code = 2

    def lines(self) -> list[str]:
        """The error as lines to print, one problem per line."""
        return [str(self)]


class SitrepUsageError(SitrepError):
    """The command was called wrongly (bad option, file already exists...)."""

    exit_code = 2


class SitrepIOError(SitrepError):
    """A file could not be read or written."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a situation file, at a line and column when known (1-based)."""

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column or 1}: {self.message}"


class SitrepDataError(SitrepError):
    """A situation file is not valid: one or more problems, each at its place."""

    exit_code = 1

    def __init__(self, problems: list[Problem], trailer: list[Problem] | None = None) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.message)
        )
        self.trailer = list(trailer or [])
        """Lines after the problems, in this order: 'and 9,800 more problems'..."""
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem, ``FILE:LINE:COL: message``, then the trailer."""
        return [str(p) for p in self.problems + self.trailer]
