"""An input for figures as people type them, with the reading shown as they type.

``3000``, ``3,000``, ``about 600``, ``at least 389,645``, ``100k-200k``,
``undisclosed`` or ``hundreds of thousands``: the line under the input says how
the text was read ("→ at least 389,645") or why it cannot be.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from sitrep.app.safe import safe
from sitrep.model.numbers.figure import Figure, FigureError


def reading(figure: Figure) -> Content:
    """How a figure was read: as written, with the number(s) when the words alone do not
    say them ('→ 1.5m (1,500,000)', '→ hundreds (200–999)')."""
    text = f"→ {figure}"
    plain = str(Figure(figure.kind, figure.low, figure.high))
    if figure.kind == "words":
        text += f" ({figure.low:,}–{figure.high:,})"
    elif figure.kind == "more_than":
        text += f" ({figure.low:,} or more)"
    elif figure.is_known and plain != str(figure):
        text += f" ({plain})"
    return Content(text)


class FigureInput(Widget):
    """A one-line input that parses figures with Figure.parse as the user types."""

    DEFAULT_CSS = """
    FigureInput {
        height: auto;
        & > Input { background: $boost; }
        & > Input.-figure-invalid { background: $error 15%; }
        & > Input.-figure-invalid:focus { background: $error 25%; }
        & > .figure-reading { color: $text-muted; height: auto; }
        & > .figure-reading.-error { color: $text-error; }
        & > .figure-reading.-empty { display: none; }
    }
    """

    class Changed(Message):
        """The text changed; figure is the reading (None if empty or unreadable)."""

        def __init__(
            self, figure_input: FigureInput, figure: Figure | None, error: str | None
        ) -> None:
            super().__init__()
            self.figure_input = figure_input
            self.figure = figure
            self.error = error

        @property
        def control(self) -> FigureInput:
            """The FigureInput that changed."""
            return self.figure_input

    def __init__(
        self,
        value: Figure | str | None = None,
        *,
        placeholder: str = "3,000 · about 600 · at least 50 · 100k-200k · undisclosed",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._initial = "" if value is None else str(value)
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        """The input and the reading line under it."""
        yield Input(
            self._initial, placeholder=self._placeholder, compact=True, select_on_focus=False
        )
        yield Static(classes="figure-reading -empty", markup=False)

    def on_mount(self) -> None:
        """Show the reading of the initial text (unless the app quit while it was built)."""
        if self.query(Input) and self.query(".figure-reading"):
            self._show()

    @property
    def text(self) -> str:
        """What the user typed."""
        return self.query_one(Input).value

    @property
    def figure(self) -> Figure | None:
        """The figure read from the text; None when empty or unreadable."""
        return self._parse()[0]

    @property
    def error(self) -> str | None:
        """Why the text cannot be read as a figure; None when it can (or is empty)."""
        return self._parse()[1]

    def focus(self, scroll_visible: bool = True) -> FigureInput:
        """Focus the input inside."""
        self.query_one(Input).focus(scroll_visible)
        return self

    def _parse(self) -> tuple[Figure | None, str | None]:
        if not self.text.strip():
            return None, None
        try:
            return Figure.parse(self.text), None
        except FigureError as exc:
            return None, str(exc)

    def _show(self) -> tuple[Figure | None, str | None]:
        figure, error = self._parse()
        line = self.query_one(".figure-reading", Static)
        line.set_class(error is not None, "-error")
        line.set_class(figure is None and error is None, "-empty")
        line.update(reading(figure) if figure else safe(error and f"✗ {error}"))
        self.query_one(Input).set_class(error is not None, "-figure-invalid")
        return figure, error

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        figure, error = self._show()
        self.post_message(self.Changed(self, figure, error))
