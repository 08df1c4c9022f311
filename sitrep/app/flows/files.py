"""The flows of one open situation, put together: save, quit, crash safety, exports.

The app makes the save flow (it tells the app when to reload or redraw the
header); the others are made here around it.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from sitrep.app.flows.export import BriefExport
from sitrep.app.flows.quit import QuitFlow
from sitrep.app.flows.safety import CrashSafety
from sitrep.app.flows.save import SaveFlow
from sitrep.app.safe import Say
from sitrep.app.session import Session


class FileFlows:
    """What the app does with the open file; each flow gets what it needs, no more."""

    def __init__(
        self, app: App[Any], session: Session, say: Say, *, saving: SaveFlow, timestamp: bool
    ) -> None:
        self.session = session
        self.saving = saving
        self.quitting = QuitFlow(app, session, self.saving)
        self.safety = CrashSafety(app, session, say, saving=lambda: saving.busy)
        self.brief = BriefExport(app, session, say, timestamp=timestamp)
