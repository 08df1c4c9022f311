"""The bundled sample situation (Afghanistan, 13 August 2021), read-only."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_NAME = "afghanistan-2021-08-13.yaml"
DEFAULT_FILE = "sitrep.yaml"
"""The file sitrep opens, checks and exports when none is named."""


def _data_folder() -> Path:
    try:
        return Path(str(resources.files("sitrep.data")))
    except ModuleNotFoundError:
        # Run from a source checkout (`python -m sitrep` in the repo): the data
        # package is the top-level data/ folder, mapped in only by installation.
        return Path(__file__).resolve().parents[2] / "data"


def sample_path() -> Path:
    """Where the bundled sample lives; never write to it."""
    return _data_folder() / SAMPLE_NAME


def data_path(name: str) -> Path:
    """A bundled data file (such as the sample's outline) by name."""
    return _data_folder() / name


def default_file(cwd: Path | None = None) -> tuple[Path, bool]:
    """The file to use when none is named: ./sitrep.yaml if it exists, else the sample.

    Returns the path and whether it is the bundled sample (and so read-only).
    """
    local = cwd / DEFAULT_FILE if cwd is not None else Path(DEFAULT_FILE)
    if local.exists():
        return local, False
    return sample_path(), True
