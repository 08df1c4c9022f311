"""A small situation two analysts edit, and helpers to make their versions of it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from sitrep.model.situation import Situation
from sitrep.yaml.io import parse_situation, to_data

BASE = """\
sitrep: 2

header:
  title: Test desk
  region: Testland
  as_of: 2021-08-13
  period_start: 2021-08-06
  period_end: 2021-08-13

parties:
- id: gov
  name: Government
- id: reb
  name: Rebels
- id: third
  name: Third force

sources:
- id: s1
  publisher: Wire
- id: s2
  publisher: Radio
- id: s3
  publisher: Paper

places:
- id: north
  name: North City
  kind: city
  control:
  - holder: gov
    sources: [s1]
- id: south
  name: South Town
  kind: town
  lat: 10.0
  lon: 20.0
  control:
  - holder: gov
    sources: [s1]
  - date: 2021-08-10
    holder: reb
    sources: [s2]
- id: east
  name: East Port
  kind: city
  sources: [s1]

evacuations:
- actor: Utopia
  status: announced
  sources: [s1]

figures:
- id: idps
  topic: displacement
  counted: IDPs
  area: Testland
  series:
  - as_of: 2021-08-08
    value: 1000
    sources: [s1]

notes:
- date: 2021-08-12
  text: Roads closed.
  sources: [s2]

outlook:
- statement: More fighting expected.
  by: Analyst
"""


def base() -> Situation:
    """The common ancestor."""
    return parse_situation(BASE, "base.yaml")


def edit(s: Situation, change: Callable[[dict[str, Any]], None]) -> Situation:
    """A version of s: change edits its plain data (as the YAML has it) in place."""
    data = copy.deepcopy(to_data(s))
    change(data)
    return Situation.model_validate(data)


def entry(data: dict[str, Any], section: str, key: str) -> dict[str, Any]:
    """The entry of a section with this id (or actor) in plain data."""
    field = "actor" if section == "evacuations" else "id"
    found: dict[str, Any] = next(e for e in data[section] if e[field] == key)
    return found


def setting(section: str, key: str, **fields: Any) -> Callable[[dict[str, Any]], None]:
    """An edit that sets fields of one entry."""

    def change(data: dict[str, Any]) -> None:
        entry(data, section, key).update(fields)

    return change
