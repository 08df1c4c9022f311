"""sitrep: keep a situation report on a fast-moving crisis in one YAML file."""

__version__ = "0.1.0"
