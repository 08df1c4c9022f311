"""Humanitarian notes and the outlook (forecasts and assessments, kept apart from facts)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sitrep.model.base import Entry, Id, Text
from sitrep.model.scalars import Day

OutlookKind = Literal["forecast", "assessment"]


class Note(Entry):
    """A dated humanitarian note."""

    date: Day
    text: Text
    sector: str | None = None
    tags: list[str] = Field(default_factory=list)
    sources: list[Id] = Field(default_factory=list)


class Assessment(Entry):
    """An outlook item: a forecast or assessment, kept apart from facts."""

    statement: Text
    by: Text = Field(description="Who made the assessment")
    kind: OutlookKind = "forecast"
    horizon: str | None = Field(default=None, description="e.g. '30 to 90 days'")
    made_on: Day | None = None
    sources: list[Id] = Field(default_factory=list)
    note: str | None = None
