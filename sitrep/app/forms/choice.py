"""A one-line choice among a few words: ● controlled  ○ contested.

Left and right change the choice; Enter is left to the screen (to confirm), which
is why this is not a RadioSet (whose Enter toggles a button).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

_GAP = "  "
_NBSP = "\u00a0"
"""Within a choice, so a narrow bar wraps between choices, never inside one."""


class ChoiceBar(Widget, can_focus=True):
    """Choose one of a few values shown in words on one line."""

    DEFAULT_CSS = """
    ChoiceBar {
        height: auto;
        width: 1fr;
        &:focus { background: $boost; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous choice", show=False, id="choice.previous"),
        Binding("right", "move(1)", "Next choice", show=False, id="choice.next"),
    ]

    value: reactive[str] = reactive("")

    class Changed(Message):
        """The choice changed."""

        def __init__(self, choice_bar: ChoiceBar, value: str) -> None:
            super().__init__()
            self.choice_bar = choice_bar
            self.value = value

        @property
        def control(self) -> ChoiceBar:
            """The ChoiceBar that changed."""
            return self.choice_bar

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        value: str,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """choices are (value, words) pairs; value must be one of them."""
        super().__init__(id=id, classes=classes)
        self.choices = list(choices)
        self.set_reactive(ChoiceBar.value, value)

    def render(self) -> Content:
        """Each choice with a filled or empty circle; the chosen one stands out."""
        chosen_style = "bold $accent" if self.has_focus else "bold"
        parts: list[Content | str | tuple[str, str]] = []
        for index, (value, words) in enumerate(self.choices):
            if index:
                parts.append(_GAP)
            shown = words.replace(" ", _NBSP)
            if value == self.value:
                parts.append((f"●{_NBSP}{shown}", chosen_style))
            else:
                parts.append((f"○{_NBSP}{shown}", "$text-muted"))
        return Content.assemble(*parts)

    def _index(self) -> int:
        values = [v for v, _ in self.choices]
        return values.index(self.value) if self.value in values else 0

    def action_move(self, step: int) -> None:
        """Choose the previous or next value (wrapping around)."""
        self.value = self.choices[(self._index() + step) % len(self.choices)][0]

    def watch_value(self, value: str) -> None:
        """Tell the form."""
        self.post_message(self.Changed(self, value))

    def on_click(self, event: events.Click) -> None:
        """Choose the words that were clicked."""
        x = 0
        for value, words in self.choices:
            width = len(words) + 2
            if x <= event.x < x + width:
                self.value = value
                return
            x += width + len(_GAP)

    def on_focus(self, event: events.Focus) -> None:
        """Light the chosen value."""
        self.refresh()

    def on_blur(self, event: events.Blur) -> None:
        """Dim it again."""
        self.refresh()
