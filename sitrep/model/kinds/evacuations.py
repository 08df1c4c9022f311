"""Evacuations: who is getting people out, how, with what, and their embassies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sitrep.model.base import Confidence, Entry, Id, Text
from sitrep.model.numbers.figure import FigureField
from sitrep.model.scalars import Day

ActorKind = Literal["state", "organisation", "company", "other"]
EvacuationStatus = Literal["none", "planned", "announced", "under_way", "completed", "suspended"]
Means = Literal["air", "sea", "land"]
EmbassyStatus = Literal["unknown", "open", "reduced", "temporarily_closed", "closed", "relocated"]

EVACUATING: frozenset[str] = frozenset(
    {"planned", "announced", "under_way", "completed", "suspended"}
)
"""Statuses of entries that are evacuations (status none is an embassy change only)."""


class Evacuation(Entry):
    """One actor's evacuation (a state or an organisation), and its embassy's status."""

    actor: Text = Field(description="The state or organisation")
    actor_kind: ActorKind = "state"
    status: EvacuationStatus = Field(
        default="none", description="none: no evacuation (an embassy change only)"
    )
    confidence: Confidence = Field(
        default="confirmed", description="How sure the evacuation itself is"
    )
    according_to: str | None = Field(
        default=None, description="Who reports it (for reported/claimed)"
    )
    evacuees: FigureField | None = Field(
        default=None, description="People to evacuate, or evacuated"
    )
    nationalities: list[str] = Field(
        default_factory=list, description="Who is evacuated, where known"
    )
    means: list[Means] = Field(default_factory=list)
    route: str | None = None
    destinations: list[str] = Field(default_factory=list)
    troops: FigureField | None = Field(
        default=None, description="Troops deployed for the evacuation (not other deployments)"
    )
    purpose: str | None = None
    wording: str | None = Field(default=None, description="The official wording, quoted")
    announced: Day | None = None
    embassy: EmbassyStatus = Field(
        default="unknown", description="Embassy status; 'unknown' until a source says"
    )
    embassy_since: Day | None = None
    embassy_confidence: Confidence = "confirmed"
    embassy_sources: list[Id] = Field(default_factory=list)
    sources: list[Id] = Field(default_factory=list)
    checked: Day | None = Field(default=None, description="When it was last confirmed")
    note: str | None = None

    @property
    def is_evacuation(self) -> bool:
        """Whether this entry is an evacuation (planned or beyond), not just an embassy change."""
        return self.status in EVACUATING

    @property
    def all_sources(self) -> list[str]:
        """Every source it cites, its embassy's included, each once."""
        return list(dict.fromkeys([*self.sources, *self.embassy_sources]))
