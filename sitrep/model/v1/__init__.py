"""Format version 1, frozen: read old files with their own rules, then migrate them.

Version 1 files are validated by these models, so their errors point at their own
lines; sitrep.model.v1.migrate turns the result into a version 2 situation. Nothing
but the loader and the migration imports this package. Do not change it.
"""
