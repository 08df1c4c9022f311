"""The sections of a situation file: the one registry every layer reads.

A section is a top-level list of entries (``territory:``, ``sources:``...). Its
name, entry model, identifying field and the words people use for it are written
here once; the loader, the checks, the undo document, the journal, the tables,
the forms and the brief all look them up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sitrep.model.conflicts import Conflict
from sitrep.model.entries import (
    Assessment,
    Entry,
    Evacuation,
    FigureEntry,
    Note,
    Party,
    Place,
    Source,
)

Section = Literal[
    "parties", "sources", "places", "evacuations", "figures", "notes", "outlook", "conflicts"
]


@dataclass(frozen=True)
class SectionInfo:
    """What sitrep knows of one section."""

    name: Section
    model: type[Entry]
    key: str | None
    """The field that names an entry uniquely (compared case-insensitively), if any."""
    title: str
    """The heading over its table."""
    noun: str
    """One entry, as a person says it ("place")."""
    plural: str
    form_noun: str
    """One entry in a form's title ("New displacement figure")."""
    facts: bool = True
    """Whether its entries state facts, each of which must cite a source."""

    @property
    def cites_sources(self) -> bool:
        """Whether its entries cite sources (in a field or in their parts)."""
        from sitrep.model.refs import cites

        return cites(self.model)


REGISTRY: tuple[SectionInfo, ...] = (
    SectionInfo("parties", Party, "id", "Parties", "party", "parties", "party", facts=False),
    SectionInfo("sources", Source, "id", "Sources", "source", "sources", "source", facts=False),
    SectionInfo("places", Place, "id", "Places", "place", "places", "place"),
    SectionInfo(
        "evacuations", Evacuation, "actor", "Evacuations", "evacuation", "evacuations", "evacuation"
    ),
    SectionInfo("figures", FigureEntry, "id", "Figures", "figure", "figures", "figure"),
    SectionInfo("notes", Note, None, "Humanitarian notes", "note", "notes", "note"),
    SectionInfo(
        "outlook", Assessment, None, "Outlook", "outlook item", "outlook items", "outlook item"
    ),
    SectionInfo(
        "conflicts",
        Conflict,
        None,
        "Merge conflicts",
        "merge conflict",
        "merge conflicts",
        "merge conflict",
        facts=False,
    ),
)
"""Every section, in file order."""

SECTION: dict[str, SectionInfo] = {info.name: info for info in REGISTRY}
"""A section's info by name."""

SECTIONS: tuple[Section, ...] = tuple(info.name for info in REGISTRY)
"""The section names in file order."""

SECTION_MODELS: dict[str, type[Entry]] = {info.name: info.model for info in REGISTRY}
"""The entry model of each section: the one map the loader, journal, tables and forms use."""

CITING: tuple[Section, ...] = tuple(info.name for info in REGISTRY if info.cites_sources)
"""The sections whose entries cite sources."""

FACTS: tuple[Section, ...] = tuple(info.name for info in REGISTRY if info.facts)
"""The sections whose entries state facts (each must cite a source)."""
