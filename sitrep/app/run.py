"""Start the TUI on a file: `sitrep [FILE]` ends up here (cli.py calls run_app)."""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.editing.document import Document
from sitrep.errors import SitrepDataError, SitrepIOError
from sitrep.settings import load_settings
from sitrep.storage.diskstate import DiskState, load_with_state
from sitrep.storage.sample import DEFAULT_FILE, default_file

if TYPE_CHECKING:
    from sitrep.app.app import SitrepApp


@dataclass
class Opened:
    """What the app opens: a document, or the problems of an invalid file."""

    name: str
    document: Document | None
    error: SitrepDataError | None = None
    new_file: Path | None = None
    disk: DiskState | None = None
    """The file's content as loaded (for the sample, the sample's), for crash safety."""


def open_situation(path: Path | None, cwd: Path | None = None) -> Opened:
    """Load FILE, or ./sitrep.yaml, or else the bundled sample as a new unsaved situation.

    Raises SitrepIOError when FILE does not exist or cannot be read; an invalid
    file is returned with its problems, for the error screen.
    """
    cwd = cwd or Path.cwd()
    if path is None:
        path, is_sample = default_file(cwd)
        if is_sample:  # never written: the first save goes to ./sitrep.yaml
            situation, disk = load_with_state(path)
            document = Document(situation, None)
            return Opened(DEFAULT_FILE, document, new_file=cwd / DEFAULT_FILE, disk=disk)
    if not path.exists():
        raise SitrepIOError(f"{path}: no such file; create it with: sitrep new {path}")
    try:
        situation, disk = load_with_state(path)
    except SitrepDataError as exc:
        return Opened(path.name, None, error=exc)
    return Opened(path.name, Document(situation, path), disk=disk)


def build_app(path: Path | None, cwd: Path | None = None, *, freeze_gc: bool = False) -> SitrepApp:
    """The app on FILE (see open_situation), with the user's settings.

    freeze_gc: keep the garbage collector off the objects made before the first
    screen (for a real run; see run_app).
    """
    opened = open_situation(path, cwd)
    if freeze_gc:
        # The situation lives as long as the app: out of the collector's sight before
        # Textual is imported, else each full collection during the import walks every
        # loaded object again (0.8 s more at 100,000 places).
        gc.freeze()
    settings, problem = load_settings()
    from sitrep.app.app import SitrepApp  # Textual is imported only now

    return SitrepApp(
        opened.document,
        settings=settings,
        settings_problem=problem,
        load_error=opened.error,
        file_name=opened.name,
        new_file=opened.new_file,
        disk=opened.disk,
        freeze_gc=freeze_gc,
    )


def run_app(path: Path | None) -> int:
    """Run the TUI; returns the exit code (2 when FILE does not exist, 1 if invalid)."""
    try:
        app = build_app(path, freeze_gc=True)
    except SitrepIOError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return exc.exit_code
    # The loaded situation lives as long as the app: keep the garbage collector from
    # walking its objects again and again (full collections at 10,000 entries cost
    # tens of milliseconds, felt as stutters in the keys). The app freezes again
    # once its first screen is up.
    gc.freeze()
    try:
        app.run()
    finally:
        app.collector.stop()
    return app.return_code or 0
