"""The command palette's commands, generated from the bindings (no second list to keep)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from sitrep.app.bindings import KEYS, Key
from sitrep.app.screens.help import key_text


class BindingCommands(Provider):
    """Every action that has a binding, with its keys as help text."""

    def _namespace(self, key: Key) -> DOMNode | None:
        if key.scope == "app":
            return self.app
        if key.scope == "screen":
            return self.screen
        return getattr(self.screen, "current_table", None)

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """Every command that applies where the user is: its title, help text and runner."""
        for key, help_text, run in self._keys():
            yield key.title, help_text, run

    def _keys(self) -> Iterator[tuple[Key, str, Callable[[], object]]]:
        keymap = getattr(self.app, "keymap", {})
        for key in KEYS:
            if not key.palette:
                continue
            namespace = self._namespace(key)
            if namespace is None or not self._available(key, namespace):
                continue
            keys = key_text(self.app, key, keymap)
            run = partial(self.app.run_action, key.action, namespace)
            yield key, f"{key.group} · keys: {keys}", run

    def _available(self, key: Key, namespace: DOMNode) -> bool:
        action = key.action.split("(")[0]
        if "." in action:  # 'app.save' runs on the app, but only where the binding lives
            return bool(self.screen.id == "main")
        checked = namespace.check_action(action, ())
        return bool(checked) and hasattr(namespace, f"action_{action}")

    async def discover(self) -> Hits:
        """Every command, in the order of the help screen."""
        for name, help_text, run in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches what was typed; the action's own word ranks first.

        "und" finds Undo before "Delete the entry (u undoes it)".
        """
        matcher = self.matcher(query)
        for key, help_text, run in self._keys():
            score = max(matcher.match(key.description), matcher.match(key.title) / 2)
            if score > 0:
                title = key.title
                yield Hit(score, matcher.highlight(title), run, text=title, help=help_text)
