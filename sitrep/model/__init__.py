"""The situation model: pydantic models, YAML I/O and derived figures. Imports no Textual."""

from sitrep.model.entries import (
    Assessment,
    Displacement,
    Evacuation,
    Note,
    Party,
    Place,
    Source,
)
from sitrep.model.figure import Figure, FigureError, sum_figures
from sitrep.model.situation import FORMAT_VERSION, Header, Path, Situation

__all__ = [
    "FORMAT_VERSION",
    "Assessment",
    "Displacement",
    "Evacuation",
    "Figure",
    "FigureError",
    "Header",
    "Note",
    "Party",
    "Path",
    "Place",
    "Situation",
    "Source",
    "sum_figures",
]
