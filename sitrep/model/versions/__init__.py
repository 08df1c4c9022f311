"""Two versions of a situation: what identifies an entry across them, values as the
file holds them, the field-by-field diff and the report-to-report comparison.
"""
