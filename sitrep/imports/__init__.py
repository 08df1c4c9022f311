"""Imports into a situation: places and figures from CSV or HXL CSV tables.

Every CSV is hostile input (sitrep.imports.csvread bounds and decodes it);
nothing is written when any row is bad, and a dry run writes nothing at all.
"""
