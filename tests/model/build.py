"""Small situations for model tests, written as the data a file would hold."""

from __future__ import annotations

from typing import Any

from sitrep.model.situation import Situation
from sitrep.model.validation.problems import cross_entry_problems


def situation(**sections: Any) -> Situation:
    """A valid situation with these sections (a header is filled in unless given)."""
    data: dict[str, Any] = {
        "header": {
            "title": "Test",
            "region": "Testland",
            "as_of": "2024-05-10",
            "period_start": "2024-05-03",
            "period_end": "2024-05-10",
        }
    }
    data.update(sections)
    s = Situation.model_validate(data)
    assert cross_entry_problems(s) == [], cross_entry_problems(s)
    return s


def place(pid: str, *control: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A place with a control history (each change a dict)."""
    return {"id": pid, "name": pid.title(), "control": list(control), **fields}


PARTIES = [
    {"id": "gov", "name": "Government", "in_text": "the government", "side": "state"},
    {"id": "militia", "name": "Allied militia", "side": "state"},
    {"id": "rebels", "name": "Rebels", "in_text": "the rebels"},
]

SEATED = [{**PARTIES[0], "seat": "capital"}, *PARTIES[1:]]
"""The parties, the government with its seat at the place 'capital'."""
