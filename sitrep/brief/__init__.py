"""Markdown brief export. Imports no Textual."""
