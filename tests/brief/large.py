"""Made-up situations of any size for the brief's limits (not real events, no real names).

``grown(n)`` is a front line over ``n`` places that two parties hold, fight over
or have lost track of, in areas (``within``) of unequal size, with histories
whose changes fall before and inside the period, a retracted claim, figures and
notes: rendered with a small limit it shows every summary the brief can give.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitrep.model.situation import Situation

AS_OF = dt.date(2024, 3, 10)
PERIOD_START = dt.date(2024, 3, 4)
KINDS = ("district", "town", "village")


def header() -> dict[str, Any]:
    return {
        "title": "Testland: made-up front line",
        "region": "Testland",
        "as_of": AS_OF,
        "period_start": PERIOD_START,
        "produced_by": "Test desk",
    }


def parties() -> list[dict[str, Any]]:
    return [
        {"id": "first", "name": "First Movement", "in_text": "the First Movement"},
        {"id": "second", "name": "Second Front", "in_text": "the Second Front"},
    ]


def sources(count: int = 4) -> list[dict[str, Any]]:
    return [
        {"id": f"src{i}", "publisher": f"Agency {i}", "kind": "un_ngo", "reliability": "B"}
        for i in range(1, count + 1)
    ]


def history(i: int) -> list[dict[str, Any]]:
    """Place i's control: first held, then (for most) a change on a day before or in the period."""
    first = "first" if i % 3 else "second"
    other = "second" if first == "first" else "first"
    day = AS_OF - dt.timedelta(days=(i * 5) % 23)  # some in the period, some before it
    source = [f"src{i % 4 + 1}"]
    steps: list[dict[str, Any]] = [{"holder": first}]
    if i % 7 == 0:
        steps.append({"date": day, "state": "contested", "parties": [first, other]})
    elif i % 11 == 0:
        steps.append({"date": day, "state": "unclear"})
    elif i % 2:
        steps.append({"date": day, "holder": other, "how": "fighting", "sources": source})
    else:
        steps.append({"date": day, "holder": first, "confidence": "claimed", "sources": source})
    if i % 13 == 5:  # a claim retracted in the period
        steps[-1]["retracted"] = AS_OF - dt.timedelta(days=1)
    return steps


def grown(
    n: int, *, within: bool = True, control: bool = True, notes: int = 5, figures: int = 4
) -> Situation:
    """n places (plus three areas they are within), as described in the module docstring."""
    areas = ["north", "south", "west"] if within else []
    places: list[dict[str, Any]] = [
        {"id": a, "name": f"{a.title()} Area", "kind": "region"} for a in areas
    ]
    for i in range(n):
        place: dict[str, Any] = {"id": f"p{i:04d}", "name": f"Place {i:04d}", "kind": KINDS[i % 3]}
        if areas:  # unequal areas: half north, a third south, the rest west
            place["within"] = areas[0 if i % 6 < 3 else 1 if i % 6 < 5 else 2]
        if control:
            place["control"] = history(i)
        places.append(place)
    return Situation.model_validate(
        {
            "header": header(),
            "parties": parties() if control else [],
            "sources": sources(),
            "places": places,
            "figures": [_figure(i) for i in range(figures)],
            "notes": [
                {
                    "date": AS_OF - dt.timedelta(days=i),
                    "text": f"Note number {i}.",
                    "sources": [f"src{i % 4 + 1}"],
                }
                for i in range(notes)
            ],
        }
    )


def _figure(i: int) -> dict[str, Any]:
    return {
        "id": f"fig{i}",
        "topic": "displacement",
        "counted": f"people displaced from area {i}",
        "area": "Testland",
        "series": [
            {
                "as_of": AS_OF - dt.timedelta(days=2 * i),
                "value": 1000 * (i + 1),
                "sources": ["src1"],
            }
        ],
    }
