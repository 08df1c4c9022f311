"""The footer of the main screen: Textual's Footer, rebuilt only when its keys change.

Textual's Footer recomposes (unmounts and mounts every key) whenever the
screen's bindings *may* have changed: on every focus change and every time a
dialog closes. With a dozen keys that costs ~20 ms of styling and layout, paid
after each edit. This footer first checks whether the keys it would show are
different, and keeps its widgets when they are not.

It also shows only the keys that fit, leaving out the least important first
(RANK), so Help and Quit stay visible at 80 columns; the rest are in help (?)
and the command palette. Nothing runs past the edge (no stray characters).
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

RANK = (
    "help",
    "quit",
    "save",
    "add",
    "edit",
    "holder",
    "undo",
    "filter",
    "palette",
    "delete",
    "export",
    "sort",
    "confidence",
)
"""Binding ids in the order they keep their place in a narrow footer. Keys of the
focused widget (the map's, say) come right after Help and Quit; others after these."""
FIRST = 2
"""How many of RANK go before the focused widget's own keys."""

Shown = tuple[Binding, bool, str, str]
"""A binding shown in the footer, whether it is enabled, its tooltip, its keys as shown."""


def key_width(app_display: str, description: str) -> int:
    """Cells a compact footer key takes: key, space, description, margin."""
    return cell_len(app_display) + 1 + cell_len(description) + 1


def grouped(by_action: dict[str, Shown]) -> list[Shown]:
    """Bindings of one group (the map's arrows) as one key: '←→↑↓ Nearest place'."""
    out: list[Shown] = []
    for binding, enabled, tooltip, display in by_action.values():
        group = binding.group
        last = out[-1][0] if out else None
        if group is not None and last is not None and last.group is group:
            first, on, tip, keys = out[-1]
            out[-1] = (first, on or enabled, tip, keys + display)
            continue
        if group is not None:
            binding = Binding(
                binding.key, binding.action, group.description, id=binding.id, group=group
            )
        out.append((binding, enabled, tooltip or binding.description, display))
    return out


def fitting(keys: list[tuple[Shown, int]], room: int) -> list[Shown]:
    """The keys (each with its width) that fit in room cells, in their order, the least
    important (by RANK) left out first."""

    def rank(item: tuple[int, tuple[Shown, int]]) -> tuple[int, int]:
        number, ((binding, *_), _) = item
        if binding.id in RANK[:FIRST]:
            return RANK.index(binding.id), number
        if binding.id in RANK:
            return len(RANK) + RANK.index(binding.id), number
        return FIRST, number

    kept: list[int] = []
    used = 0
    for number, (_, width) in sorted(enumerate(keys), key=rank):
        if used + width <= room:
            kept.append(number)
            used += width
    return [keys[n][0] for n in sorted(kept)]


class SitrepFooter(Footer):
    """A Footer that recomposes only when the keys it shows, or their state, change."""

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(compact=compact, id=id)
        self._shown: Hashable = None
        """What the footer was last composed with (see keys_shown)."""

    def fitted(self) -> tuple[list[Shown], Shown | None]:
        """The keys that fit the footer's width, and the palette key if it fits too."""
        app = self.app
        active = self.screen.active_bindings
        by_action: dict[str, Shown] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                display = app.get_key_display(binding)
                by_action.setdefault(binding.action, (binding, enabled, tooltip, display))
        keys = [(shown, key_width(shown[3], shown[0].description)) for shown in grouped(by_action)]
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            _, binding, enabled, tooltip = palette
            display = app.get_key_display(binding)
            palette_binding = Binding(
                binding.key, binding.action, binding.description, id="palette"
            )
            shown = (palette_binding, enabled, tooltip or binding.description, display)
            keys.append((shown, key_width(display, binding.description) + 1))
        chosen = fitting(keys, self.size.width or self.app.size.width)
        with_palette = next((k for k in chosen if k[0].id == "palette"), None)
        return [k for k in chosen if k[0].id != "palette"], with_palette

    def keys_shown(self) -> Hashable:
        """Everything compose() draws from: each shown binding, its state and its display."""
        keys, palette = self.fitted()
        return (tuple(keys), palette, self.compact)

    def compose(self) -> ComposeResult:
        """The keys that fit, the palette key docked on the right when it fits too."""
        if not self._bindings_ready:
            return
        keys, palette = self.fitted()
        for binding, enabled, tooltip, display in keys:
            yield FooterKey(
                binding.key,
                display,
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        if palette is not None:
            binding, enabled, tooltip, display = palette
            yield FooterKey(
                binding.key,
                display,
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=tooltip,
            )

    def on_resize(self) -> None:
        """Another width may fit more keys, or fewer."""
        if self._bindings_ready and self.is_attached:
            self.call_after_refresh(self._recompose_if_changed)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Recompose after the next refresh, if the keys shown have changed by then."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self.keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
