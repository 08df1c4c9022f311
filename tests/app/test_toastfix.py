"""A toast for a notification that expired before it was shown never starts a negative
timer (Textual 8 spins for ever on one; seen as a CI run that never ended)."""

from __future__ import annotations

from time import time

from textual.notifications import Notification

from sitrep.app.toastfix import MIN_TIMEOUT, toast_delay


def test_an_expired_notification_makes_a_toast_that_goes_at_once() -> None:
    expired = Notification("said a while ago", timeout=1, raised_at=time() - 60)
    assert expired.time_left < 0
    assert toast_delay(expired) == MIN_TIMEOUT


def test_a_fresh_notification_keeps_its_time() -> None:
    assert 4 < toast_delay(Notification("just said", timeout=5)) <= 5
