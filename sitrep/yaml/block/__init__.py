"""The fast reader for plain block YAML, the shape sitrep writes: lines, columns,
one-line scalars and the recursive descent; anything else is declined to libyaml.
"""
