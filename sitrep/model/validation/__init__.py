"""Whether a situation holds together: validation at a bounded cost, problems across
entries, warnings, one edited entry against the rest, and 'did you mean'.
"""
