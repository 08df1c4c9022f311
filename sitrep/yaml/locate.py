"""Line and column of values in a YAML text, found without building its node tree.

When the fast reader read a file but the situation in it is invalid, the
problems still need their FILE:LINE:COL. Composing libyaml's node tree for
that costs 600 bytes per value (too much at 100,000 places); this streams
libyaml's parser events instead, keeps only the open containers, and stops as
soon as every asked-for place has gone by. The positions are the ones
``yamlnodes.locate`` finds in the tree, which is built from the same events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from sitrep.model.situation import Path
from sitrep.yaml.nodes import LOADER

Target = tuple[Path, bool]
"""A path in the data, and whether to point at its key rather than its value."""


class _Open:
    """A mapping or sequence being read, and where its next child goes."""

    __slots__ = ("index", "is_mapping", "key", "path", "watched")

    def __init__(self, path: Path, *, is_mapping: bool, watched: bool) -> None:
        self.path = path
        self.is_mapping = is_mapping
        self.key: str | None = None  # a mapping's key just read, waiting for its value
        self.index = 0
        self.watched = watched  # whether any target lies inside it


def locate_all(text: str, targets: Sequence[Target]) -> list[tuple[int, int] | None]:
    """The 0-based (line, column) of each target, as yamlnodes.locate would give it.

    Walks as far down each path as the text goes, so a missing field points at
    the entry that lacks it. None only for a text with no value at all.
    """
    wanted: dict[Path, list[int]] = {}  # every prefix of every target's path
    for n, (path, _key) in enumerate(targets):
        for end in range(len(path) + 1):
            wanted.setdefault(path[:end], []).append(n)
    found: list[tuple[int, int] | None] = [None] * len(targets)
    final = [False] * len(targets)  # found for good: what holds it is closed

    def settle(watchers: Sequence[int]) -> int:
        new = [n for n in watchers if not final[n]]
        for n in new:
            final[n] = True
        return len(new)

    left = len(targets)
    stack: list[_Open] = []
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            if done.watched:
                left -= settle(wanted.get(done.path, ()))
        elif isinstance(event, yaml.NodeEvent):
            starts = isinstance(event, yaml.CollectionStartEvent)
            top = stack[-1] if stack else None
            here: Path = ()
            if top is not None and not top.watched:
                if starts:
                    stack.append(_Open((), is_mapping=False, watched=False))
                continue
            spot = _spot(event.start_mark)
            if top is not None and top.is_mapping and top.key is None:  # a key
                top.key = event.value if isinstance(event, yaml.ScalarEvent) else ""
                for n in wanted.get((*top.path, top.key), ()):
                    path, key = targets[n]
                    if key and len(path) == len(top.path) + 1 and not final[n]:
                        found[n], final[n] = spot, True
                        left -= 1
                if starts:  # a complex key: never a target
                    stack.append(_Open((), is_mapping=False, watched=False))
                continue
            if top is not None and top.is_mapping:
                here, top.key = (*top.path, str(top.key)), None
            elif top is not None:
                here, top.index = (*top.path, top.index), top.index + 1
            watchers = wanted.get(here, ())
            for n in watchers:
                if not final[n]:
                    found[n] = spot
            if starts:
                mapping = isinstance(event, yaml.MappingStartEvent)
                stack.append(_Open(here, is_mapping=mapping, watched=bool(watchers)))
            else:
                left -= settle(watchers)  # a scalar: nothing lies under it
        if not left:
            break
    return found


def _spot(mark: Any) -> tuple[int, int]:
    return (mark.line, mark.column) if mark is not None else (0, 0)
