"""Benchmarks for sitrep (run with python -m benchmarks.run); not part of the package."""
