"""The sections of the Markdown brief, one module each, in the words of the top-level
helpers (context, words, control_text, figure_text, markdown, escape).
"""
