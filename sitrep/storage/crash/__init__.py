"""Crash safety: every edit appended to a journal as it happens, the journal files on
disk, and recovering what a sitrep that died left behind.
"""
