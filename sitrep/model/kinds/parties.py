"""Parties (who can hold ground) and sources (where facts come from)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sitrep.model.base import Entry, Id, Text
from sitrep.model.scalars import Day

PartyStatus = Literal["active", "merged", "dissolved"]
SourceKind = Literal["official", "party_statement", "media", "un_ngo"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]


class Party(Entry):
    """Someone who can hold ground: a government, an armed group, a coalition's member."""

    id: Id
    name: Text
    short: str | None = Field(default=None, description="Short name for narrow columns")
    in_text: str | None = Field(
        default=None, description="How running text names it, e.g. 'the rebels'"
    )
    aliases: list[str] = Field(default_factory=list, description="Other names")
    side: Id | None = Field(
        default=None,
        description="Parties on the same side are allies; a party is on its own side by default",
    )
    seat: Id | None = Field(
        default=None, description="Id of the place that is this party's seat of government"
    )
    status: PartyStatus = "active"
    status_since: Day | None = Field(default=None, description="When it merged or dissolved")
    merged_into: Id | None = Field(default=None, description="Id of the party it merged into")
    sources: list[Id] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _status_is_complete(self) -> Party:
        if self.status != "active" and self.status_since is None:
            raise ValueError(f"a party that {self.status} needs status_since (a date)")
        if self.status == "merged" and self.merged_into is None:
            raise ValueError("a merged party needs merged_into (the id of the party it joined)")
        if self.status != "merged" and self.merged_into is not None:
            raise ValueError("merged_into is only for a party whose status is merged")
        return self

    @property
    def label(self) -> str:
        """The short name for columns."""
        return self.short or self.name

    @property
    def prose(self) -> str:
        """The name in a sentence: 'the rebels', 'government forces'."""
        return self.in_text or self.name

    @property
    def side_id(self) -> str:
        """The side it fights on (its own id when none is given)."""
        return self.side or self.id


class Source(Entry):
    """Where a fact comes from. Entries cite sources by id."""

    id: Id
    publisher: Text
    title: str | None = None
    url: str | None = None
    kind: SourceKind = "media"
    reliability: Reliability | None = Field(
        default=None, description="Admiralty source reliability grade, A (reliable) to F"
    )
    published: Day | None = None
    note: str | None = None
