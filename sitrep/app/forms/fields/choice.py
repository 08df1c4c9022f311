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
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

_GAP = "  "


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
        """Each choice with a filled or empty circle; the chosen one stands out. Choices
        that do not fit go on the next line, whole."""
        chosen_style = "bold $accent" if self.has_focus else "bold"
        lines: list[list[Content]] = []
        for (value, words), (row, _) in zip(self.choices, self._places(), strict=True):
            if row == len(lines):
                lines.append([])
            mark = "●" if value == self.value else "○"
            style = chosen_style if value == self.value else "$text-muted"
            lines[row].append(Content.styled(f"{mark} {words}", style))
        return Content("\n").join(Content(_GAP).join(line) for line in lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the choices take at this width."""
        return 1 + max((row for row, _ in self._places(width)), default=0)

    def _places(self, width: int | None = None) -> list[tuple[int, int]]:
        """(row, column) of each choice, wrapped at the bar's width."""
        width = width or self.size.width or 10**6
        places: list[tuple[int, int]] = []
        row = x = 0
        for _, words in self.choices:
            size = len(words) + 2
            if x and x + len(_GAP) + size > width:
                row, x = row + 1, 0
            elif x:
                x += len(_GAP)
            places.append((row, x))
            x += size
        return places

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
        for (value, words), (row, x) in zip(self.choices, self._places(), strict=True):
            if event.y == row and x <= event.x < x + len(words) + 2:
                self.value = value
                return

    def on_resize(self) -> None:
        """Wrap the choices again."""
        self.refresh(layout=True)

    def on_focus(self, event: events.Focus) -> None:
        """Light the chosen value."""
        self.refresh()

    def on_blur(self, event: events.Blur) -> None:
        """Dim it again."""
        self.refresh()
