"""A workaround for Textual 8: a toast mounted after its notification has already
expired (a busy machine, a burst of messages) starts a timer with a negative delay,
and Textual's timer loop never ends on a negative interval: the app spins at 100%
CPU for ever. Clamp the delay so the toast simply goes at once."""

from __future__ import annotations

from typing import Any

from textual.notifications import Notification
from textual.widgets._toast import Toast  # Textual exports no public name for it

MIN_TIMEOUT = 0.05
"""Seconds: the shortest a toast is kept (never a negative timer)."""

_original_init = Toast.__init__


def toast_delay(notification: Notification) -> float:
    """How long a toast for this notification stays: what is left of it, never below zero."""
    return max(notification.time_left, MIN_TIMEOUT)


def _init(self: Toast, notification: Notification, *args: Any, **kwargs: Any) -> None:
    _original_init(self, notification, *args, **kwargs)
    self._timeout = toast_delay(notification)


setattr(Toast, "__init__", _init)  # noqa: B010 (assigning a method: mypy refuses the plain form)
