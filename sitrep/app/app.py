"""The sitrep Textual app: one situation, its settings, and the flows that keep it safe.

The app is where the parts are put together. The screens show things:
MainScreen shows and edits the situation, ErrorScreen lists the problems of an
invalid file. The flows (sitrep.app.flows) do what goes through questions:
saving, quitting, recovering after a crash, exporting. The app's actions only
hand over to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, InvalidThemeError
from textual.theme import Theme

from sitrep.app import toastfix  # noqa: F401  (Textual 8: never a negative toast timer)
from sitrep.app.bindings import bindings, unknown_ids
from sitrep.app.commands import BindingCommands
from sitrep.app.flows.files import FileFlows
from sitrep.app.flows.save import SaveFlow
from sitrep.app.keyqueue import KeyQueue
from sitrep.app.memory import CHECK_EVERY, QuietCollector
from sitrep.app.panes import STOPS
from sitrep.app.remaps import stolen_keys
from sitrep.app.safe import Severity, clean
from sitrep.app.screens.error import ErrorScreen
from sitrep.app.screens.help import HelpScreen
from sitrep.app.screens.main import MainScreen
from sitrep.app.session import Session
from sitrep.editing.document import Document
from sitrep.errors import SitrepError
from sitrep.settings import Settings, update_settings
from sitrep.storage.diskstate import DiskState
from sitrep.storage.guard import Guard
from sitrep.storage.sample import DEFAULT_FILE

SITREP_THEME = Theme(
    name="sitrep",
    primary="#2a9d8f",
    secondary="#8fa1b3",
    accent="#c9a7ff",
    warning="#e3b341",
    error="#f85149",
    success="#56d364",
    foreground="#d9e0e8",
    background="#0e1319",
    surface="#141b23",
    panel="#1c2530",
    dark=True,
)
"""A calm dark theme: slate greys with a teal primary, so the party colors
(orange, blue...) stand out from the chrome."""


class SitrepApp(App[int]):
    """A situation in the terminal. Its return code is 0, or 1 after showing an invalid file."""

    CSS_PATH = "sitrep.tcss"
    TITLE = "sitrep"
    BINDINGS: ClassVar = bindings("app")
    COMMANDS: ClassVar = {BindingCommands}

    def __init__(
        self,
        document: Document | None,
        *,
        settings: Settings | None = None,
        settings_problem: str | None = None,
        load_error: SitrepError | None = None,
        file_name: str = DEFAULT_FILE,
        new_file: Path | None = None,
        disk: DiskState | None = None,
        freeze_gc: bool = False,
    ) -> None:
        super().__init__()
        self.freeze_gc = freeze_gc
        """Freeze the garbage collector's view of memory once the first screen is up
        (run_app sets it; tests, which start many apps in one process, do not)."""
        self.collector = QuietCollector()
        self.settings = settings or Settings()
        self.settings_problem = settings_problem
        self.load_error = load_error
        self.load_name = file_name
        self.files: FileFlows | None = None
        """Saving, quitting, crash safety and exports of the open situation (None: invalid file)."""
        if document is not None:
            session = Session(document, disk, new_file or Path.cwd() / DEFAULT_FILE, self._warn)
            saving = SaveFlow(
                self, session, self.say, reload=self.show_reloaded, saved=self.refresh_header
            )
            timestamp = self.settings.brief.timestamp
            self.files = FileFlows(self, session, self.say, saving=saving, timestamp=timestamp)
        self.keys = KeyQueue(self, self._handle_input)
        """Keys are handled one at a time, each where the one before left the focus."""
        self.keymap: dict[str, str] = {}
        """The user's key remaps (binding id -> keys), as set from the settings."""
        self.register_theme(SITREP_THEME)

    def on_mount(self) -> None:
        """Apply the settings, then show the situation (or what is wrong with it)."""
        self._apply_settings()
        if self.files is None:
            error = self.load_error or SitrepError("no situation")
            self.push_screen(ErrorScreen(self.load_name, error))
        else:
            self.push_screen(self._main_screen(STOPS[0]))
            self.files.safety.start()
        if self.freeze_gc:
            self.call_after_refresh(self._start_quiet_collector)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    # -- the open situation ----------------------------------------------------------
    @property
    def document(self) -> Document | None:
        """The situation being worked on (None when the file is invalid)."""
        return self.files.session.document if self.files is not None else None

    @property
    def guard(self) -> Guard | None:
        """The crash journal and disk state of the situation's file."""
        return self.files.session.guard if self.files is not None else None

    def say(self, message: str, *, severity: Severity = "information") -> None:
        """Tell the user something; user text in it is shown as is, never as markup."""
        self.notify(clean(message), severity=severity, markup=False)

    def _warn(self, message: str) -> None:
        self.say(message, severity="warning")

    def _main_screen(self, stop: str) -> MainScreen:
        assert self.files is not None
        produced_by = self.settings.produced_by
        return MainScreen(self.files.session, say=self.say, produced_by=produced_by, stop=stop)

    async def show_reloaded(self, document: Document, disk: DiskState) -> None:
        """Show a document just read again from disk, in a new main screen, where the user was.

        The new screen is made knowing the stop to show: it opens there, and no
        later switch races the focus its mount gives.
        """
        assert self.files is not None
        self.files.session.replace(document, disk)
        old = self.screen
        stop = old.stop if isinstance(old, MainScreen) else STOPS[0]
        if isinstance(old, MainScreen):  # gone first: the new one has the same id
            await self.pop_screen()
        await self.push_screen(self._main_screen(stop))

    def refresh_header(self) -> None:
        """The header shows the saved state at once (after a save)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.refresh_derived()

    def _start_quiet_collector(self) -> None:
        """Freeze what the first screen made, then collect out of the keys' way (memory.py)."""
        self.collector.start()
        self.set_interval(CHECK_EVERY, self.collector.reclaim_if_quiet, name="quiet gc")

    async def on_event(self, event: events.Event) -> None:
        """Note when the last key came (the collector waits for quiet); keys go in turn."""
        if isinstance(event, events.Key):
            self.collector.key_pressed()
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            await self.keys.offer(event)
            return
        await super().on_event(event)

    async def _handle_input(self, event: events.Key | events.Paste) -> None:
        await super().on_event(event)

    async def _on_exit_app(self) -> None:
        self.keys.stop()
        await super()._on_exit_app()

    def _apply_settings(self) -> None:
        if self.settings_problem:
            self.say(self.settings_problem, severity="warning")
        try:
            self.theme = self.settings.theme
        except InvalidThemeError:
            self.theme = SITREP_THEME.name
            themes = ", ".join(sorted(self.available_themes))
            self.say(
                f"settings: no theme {self.settings.theme!r}; the themes are: {themes}",
                severity="warning",
            )
        unknown = unknown_ids(self.settings.keys)
        if unknown:
            names = ", ".join(unknown)
            self.say(
                f"settings: [keys]: unknown binding ids {names}; ? lists them", severity="warning"
            )
        self.keymap = {k: v for k, v in self.settings.keys.items() if k not in unknown}
        for problem in stolen_keys(self.keymap):
            self.say(f"settings: {problem}", severity="warning")
        self.set_keymap(self.keymap)

    def _theme_changed(self, theme: Theme) -> None:
        """Remember a theme picked in the app: the theme key alone, set in the settings file.

        Every other key, comment and change made to the file meanwhile stays; a
        file that does not load cleanly is never written (the user is told why).
        """
        if theme.name == self.settings.theme:
            return
        self.settings = self.settings.model_copy(update={"theme": theme.name})
        try:
            update_settings({"theme": theme.name})
        except SitrepError as exc:
            self.say(f"Theme not saved (used until you quit): {exc}", severity="error")

    # -- actions -------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Help lists the keys of a situation: not shown over an invalid file."""
        return not (action == "help" and self.files is None)

    def action_help(self) -> None:
        """Show every key, grouped."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    async def action_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        if self.files is None:
            self.exit()
        else:
            self.files.quitting.quit()

    def action_exit_invalid(self) -> None:
        """Quit from the error screen (exit code 1: the file is invalid)."""
        self.exit(return_code=1)

    def action_save(self) -> None:
        """Save the situation (asking first before replacing a file changed meanwhile)."""
        if self.files is not None:
            self.files.saving.save_now()

    def action_export(self) -> None:
        """Write the brief next to the situation file (FILE.md)."""
        if self.files is not None:
            self.files.brief.export()

    def action_copy_brief(self) -> None:
        """Copy the brief to the clipboard (through the terminal)."""
        if self.files is not None:
            self.files.brief.copy()
