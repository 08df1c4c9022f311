"""The main screen's as-of view: the whole situation as it stood on an earlier date, read-only.

model/history.situation_on keeps what the file knew on that day; the tables,
the strip, the brief, the map and the timeline then show it with the words they
use for today. Edits are refused while it is shown (the past is read from the
histories, not edited), and the banner says how to come back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Protocol, TypeVar

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from sitrep.app.bindings import key_by_id, keys_of
from sitrep.editing.document import Document
from sitrep.model.dates import days_after, days_before
from sitrep.model.derived.history import situation_on
from sitrep.model.situation import Situation

if TYPE_CHECKING:
    from sitrep.app.screens.main_sync import DocumentSync

READ_ONLY = "Not changed: the past is read-only. Press {key} to return to the present and edit."

P = ParamSpec("P")
R = TypeVar("R")


class _HasPast(Protocol):
    past: PastView


S = TypeVar("S", bound=_HasPast)


def editing(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R | None]:
    """An action that changes the document: refused (and the user told why) in the past."""

    def guarded(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
        if self.past.refuse():
            return None
        return method(self, *args, **kwargs)

    guarded.__doc__ = method.__doc__
    return guarded


class PastView:
    """Which date the screen shows (None: as it stands), and showing another one."""

    def __init__(self, screen: Screen[Any], document: Document) -> None:
        self.screen = screen
        self.document = document
        self.sync: DocumentSync | None = None
        """Redraws the tables, strip and panes with the situation shown (set by the screen)."""
        self.day: dt.date | None = None
        self._past: Situation | None = None

    @property
    def active(self) -> bool:
        """True while an earlier date is shown."""
        return self.day is not None

    def situation(self) -> Situation:
        """The situation shown: as it stood on the day, or as it stands."""
        if self.day is None or self._past is None:
            return self.document.situation
        return self._past

    def step(self, days: int) -> dt.date:
        """The day `days` from the one shown (from the as-of date when none is)."""
        start = self.day or self.document.situation.header.as_of
        return days_after(start, days) if days > 0 else days_before(start, -days)

    def ask(self) -> None:
        """Ask for a date (the as-of date to start with); when viewing one, go back."""
        if self.active:
            self.show_day(None)
            return
        from sitrep.app.dialogs.date import DateScreen

        as_of = self.document.situation.header.as_of
        screen = DateScreen(
            "View as of a date",
            f"The situation as the file knew it on a date up to {as_of.isoformat()}: "
            "holders, counts, figures, the brief and the map. Read-only.",
            as_of,
            action="View",
        )
        self.screen.app.push_screen(screen, self.show_day)

    def show_day(self, day: dt.date | None) -> None:
        """Show the situation on day (None, or the as-of date or later: as it stands)."""
        if day is None and not self.active:
            return  # the date dialog was cancelled
        if day is not None and day >= self.document.situation.header.as_of:
            if not self.active:
                self.screen.notify("That is the situation as it stands.", markup=False)
                return
            day = None
        self.day = day
        self._past = situation_on(self.document.situation, day) if day is not None else None
        banner = self.screen.query_one("#past-banner", Static)
        banner.update(self.banner())
        banner.display = self.active
        if self.sync is not None:
            self.sync.show_situation()
        self.screen.refresh_bindings()

    def refuse(self) -> bool:
        """While the past is shown, say why an edit is refused; True then."""
        if not self.active:
            return False
        (key,) = self._keys("as_of")
        self.screen.notify(READ_ONLY.format(key=key), severity="warning", markup=False)
        return True

    def banner(self) -> Content:
        """'Viewing as of DATE — read-only; press KEY to return', and the keys that step."""
        if self.day is None:
            return Content("")
        key, back, forward = self._keys("as_of", "day_back", "day_forward")
        return Content.assemble(
            ("Viewing as of ", ""),
            (self.day.strftime("%a %d %b %Y"), "bold"),
            (" — read-only; press ", ""),
            (key, "bold"),
            (" to return to ", ""),
            (self.document.situation.header.as_of.strftime("%d %b %Y"), ""),
            (f"  ·  {back} {forward} a day back or on", "$text-muted"),
        )

    def _keys(self, *ids: str) -> list[str]:
        """The first key of each binding, as the user's keymap has it."""
        app = self.screen.app
        keymap: dict[str, str] = getattr(app, "keymap", {})
        shown = []
        for binding_id in ids:
            key = key_by_id(binding_id)
            keys = keys_of(key, keymap) if key is not None else []
            shown.append(app.get_key_display(Binding(keys[0], "")) if keys else "?")
        return shown
