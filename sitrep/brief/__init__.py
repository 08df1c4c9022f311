"""Markdown brief export. Imports no Textual."""

from sitrep.brief.render import render_brief

__all__ = ["render_brief"]
