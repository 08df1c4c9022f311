"""The entries of a situation, in one place to import them from.

Field order in each model is the key order in the YAML file, so keep it stable:
a new optional field goes at the end of its model.
"""

from __future__ import annotations

from sitrep.model.base import Confidence, Entry, Id, Text
from sitrep.model.kinds.evacuations import (
    EVACUATING,
    ActorKind,
    EmbassyStatus,
    Evacuation,
    EvacuationStatus,
    Means,
)
from sitrep.model.kinds.figures import FigureEntry, FigurePoint, Measure, Topic
from sitrep.model.kinds.notes import Assessment, Note, OutlookKind
from sitrep.model.kinds.parties import Party, PartyStatus, Reliability, Source, SourceKind
from sitrep.model.kinds.places import (
    HELD,
    ControlChange,
    ControlEvent,
    ControlState,
    HowChanged,
    Place,
    PlaceKind,
)

__all__ = [
    "EVACUATING",
    "HELD",
    "ActorKind",
    "Assessment",
    "Confidence",
    "ControlChange",
    "ControlEvent",
    "ControlState",
    "EmbassyStatus",
    "Entry",
    "Evacuation",
    "EvacuationStatus",
    "FigureEntry",
    "FigurePoint",
    "HowChanged",
    "Id",
    "Means",
    "Measure",
    "Note",
    "OutlookKind",
    "Party",
    "PartyStatus",
    "Place",
    "PlaceKind",
    "Reliability",
    "Source",
    "SourceKind",
    "Text",
    "Topic",
]
