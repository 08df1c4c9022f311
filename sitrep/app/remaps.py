"""What is wrong with a user's [keys] remaps: a key taken from another action.

Bindings of the app and of the main screen are live together, so a key remapped
onto an action of either scope takes it from any other action of both: the key
would then do one of the two, never both, and the user must hear which.
"""

from __future__ import annotations

from collections.abc import Mapping

from sitrep.app.bindings import KEYS, Key, keys_of

SHARED: dict[str, str] = {"app": "main", "screen": "main", "table": "table"}
"""Scopes whose keys are live at the same time share a name here."""


def stolen_keys(keymap: Mapping[str, str]) -> list[str]:
    """One sentence per key a remap gives to an action that another action already has."""
    problems: list[str] = []
    for remapped in (key for key in KEYS if key.id in keymap):
        for pressed in keys_of(remapped, keymap):
            other = _holder(pressed, remapped, keymap)
            if other is not None:
                problems.append(
                    f"[keys] {remapped.id} = {keymap[remapped.id]!r}: {pressed} is also "
                    f"{other.id} ({other.title}); remap {other.id} too"
                )
    return problems


def _holder(pressed: str, remapped: Key, keymap: Mapping[str, str]) -> Key | None:
    scope = SHARED[remapped.scope]
    return next(
        (
            key
            for key in KEYS
            if key is not remapped
            and SHARED[key.scope] == scope
            and pressed in keys_of(key, keymap)
        ),
        None,
    )
