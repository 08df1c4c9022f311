"""The footer of the main screen: Textual's Footer, rebuilt only when its keys change.

Textual's Footer recomposes (unmounts and mounts every key) whenever the
screen's bindings *may* have changed: on every focus change and every time a
dialog closes. With a dozen keys that costs ~20 ms of styling and layout, paid
after each edit. This footer first checks whether the keys it would show are
different, and keeps its widgets when they are not.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class SitrepFooter(Footer):
    """A Footer that recomposes only when the keys it shows, or their state, change."""

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(compact=compact, id=id)
        self._shown: Hashable = None
        """What the footer was last composed with (see keys_shown)."""

    def keys_shown(self) -> Hashable:
        """Everything compose() draws from: each shown binding, its state and its display."""
        app = self.app
        active = self.screen.active_bindings
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        shown = [
            (binding, enabled, tooltip, app.get_key_display(binding))
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        ]
        if palette is not None:
            _, binding, enabled, tooltip = palette
            shown.append((binding, enabled, tooltip, app.get_key_display(binding)))
        return (tuple(shown), self.compact, self.show_command_palette, app.ENABLE_COMMAND_PALETTE)

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
