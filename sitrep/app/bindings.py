"""Every key binding of the app, in one place: the footer, help and palette come from here.

Each binding has an id, so a user can remap it in the settings (``[keys]`` table:
binding id -> keys, comma-separated). Every action has two keys where it can
(a plain letter and an F-key or a control key), because terminals swallow some.

The table is pure data: importing this module imports no Textual (Textual is
imported when a binding is made), so `sitrep config --init` reads it cheaply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from textual.binding import Binding, BindingType

Scope = Literal["app", "screen", "table"]
"""Where an action runs: the app, the main screen, or the focused entry table."""


@dataclass(frozen=True)
class Key:
    """One remappable action: its binding id, default keys, and where it is described."""

    id: str
    keys: str
    action: str
    description: str
    group: str
    scope: Scope
    show: bool = False
    """Show it in the footer."""
    palette: bool = True
    """List it in the command palette."""
    long: str = ""
    """A longer description for help and the palette (the footer shows the short one)."""

    @property
    def title(self) -> str:
        """The description for help and the palette."""
        return self.long or self.description

    def binding(self) -> Binding:
        """The Textual binding for this key."""
        from textual.binding import Binding

        return Binding(
            self.keys, self.action, self.description, show=self.show, id=self.id, tooltip=self.long
        )


def _pane(number: int, name: str, letter: str = "") -> Key:
    keys = f"{number},{letter}" if letter else str(number)
    return Key(f"pane_{number}", keys, f"show_pane({number})", f"{name} pane", "Panes", "screen")


KEYS: tuple[Key, ...] = (
    # -- file ------------------------------------------------------------------
    Key("save", "ctrl+s,f2", "app.save", "Save", "File", "screen", show=True),
    Key(
        "export",
        "x,f6",
        "app.export",
        "Export",
        "File",
        "screen",
        show=True,
        long="Export the brief (FILE.md)",
    ),
    Key(
        "import",
        "i,ctrl+o",
        "import_table",
        "Import",
        "File",
        "screen",
        long="Import places or figures from a CSV",
    ),
    Key("copy_brief", "Y,f7", "app.copy_brief", "Copy brief to clipboard", "File", "screen"),
    Key("quit", "q,ctrl+q", "quit", "Quit", "File", "app", show=True),
    # -- edit ------------------------------------------------------------------
    Key("add", "a,insert", "add", "Add", "Edit", "screen", show=True, long="Add an entry"),
    Key("edit", "e,enter", "edit", "Edit", "Edit", "screen", show=True, long="Edit the entry"),
    Key(
        "delete",
        "d,delete",
        "delete",
        "Delete",
        "Edit",
        "screen",
        show=True,
        long="Delete the entry (u undoes it)",
    ),
    Key(
        "holder",
        "h,f5",
        "holder",
        "Control",
        "Edit",
        "screen",
        show=True,
        long="Record a change of control",
    ),
    Key(
        "confidence",
        "c,f12",
        "confidence",
        "Confidence",
        "Edit",
        "screen",
        show=True,
        long="Record how sure its control is",
    ),
    Key("undo", "u,ctrl+z", "undo", "Undo", "Edit", "screen", show=True),
    Key("redo", "U,ctrl+y", "redo", "Redo", "Edit", "screen"),
    Key("edit_header", "H,f4", "edit_header", "Edit header", "Edit", "screen"),
    Key(
        "conflicts",
        "C,ctrl+g",
        "conflicts",
        "Merge conflicts",
        "Edit",
        "screen",
        long="Resolve merge conflicts one by one",
    ),
    Key(
        "next_report",
        "N,ctrl+n",
        "next_report",
        "Next report",
        "Edit",
        "screen",
        long="Start the next report (u undoes it)",
    ),
    # -- panes -----------------------------------------------------------------
    _pane(1, "Places"),
    _pane(2, "Evacuations"),
    _pane(3, "Figures & notes"),
    _pane(4, "Outlook & sources"),
    _pane(5, "Brief (live)", "b"),
    _pane(6, "Map", "m"),
    _pane(7, "Timeline", "t"),
    Key(
        "as_of",
        "A,ctrl+t",
        "as_of",
        "As of",
        "Panes",
        "screen",
        long="View a past date (read-only)",
    ),
    Key(
        "day_back",
        "left_square_bracket,less_than_sign",
        "step_day(-1)",
        "Day back",
        "Panes",
        "screen",
        show=True,
        long="Show the situation a day earlier",
    ),
    Key(
        "day_forward",
        "right_square_bracket,greater_than_sign",
        "step_day(1)",
        "Day on",
        "Panes",
        "screen",
        show=True,
        long="Show the situation a day later",
    ),
    Key("next_table", "tab", "next_table", "Next table", "Panes", "screen"),
    Key("previous_table", "shift+tab", "previous_table", "Previous table", "Panes", "screen"),
    # -- table -----------------------------------------------------------------
    Key(
        "filter",
        "slash,f3",
        "filter",
        "Filter",
        "Table",
        "screen",
        show=True,
        long="Filter as you type (Esc clears)",
    ),
    Key(
        "sort", "s,f8", "sort", "Sort", "Table", "screen", show=True, long="Sort by the next column"
    ),
    Key("reverse_sort", "S,f9", "reverse_sort", "Reverse sort", "Table", "screen"),
    Key(
        "detail_down",
        "J,ctrl+down",
        "scroll_detail(4)",
        "Scroll the detail down",
        "Table",
        "screen",
    ),
    Key("detail_up", "K,ctrl+up", "scroll_detail(-4)", "Scroll the detail up", "Table", "screen"),
    # -- rows (the focused table) ------------------------------------------------
    Key("cursor_up", "up,k", "cursor_up", "Row up", "Rows", "table", palette=False),
    Key("cursor_down", "down,j", "cursor_down", "Row down", "Rows", "table", palette=False),
    Key("first_row", "home,g", "first_row", "First row", "Rows", "table"),
    Key("last_row", "end,G", "last_row", "Last row", "Rows", "table"),
    Key("page_up", "pageup", "page_up", "Page up", "Rows", "table", palette=False),
    Key("page_down", "pagedown", "page_down", "Page down", "Rows", "table", palette=False),
    # -- app -------------------------------------------------------------------
    Key("help", "question_mark,f1", "help", "Help", "Help", "app", show=True),
    Key("palette", "ctrl+p", "command_palette", "Command palette", "Help", "app", palette=False),
    Key("theme", "T,f10", "change_theme", "Change theme", "Help", "app"),
)
"""Every binding of the main screen, in the order help lists them."""

GROUPS: tuple[str, ...] = ("File", "Edit", "Panes", "Table", "Rows", "Help")


def bindings(scope: Scope) -> list[BindingType]:
    """The Textual bindings of one scope, for a class's BINDINGS."""
    return [key.binding() for key in KEYS if key.scope == scope]


def key_by_id(binding_id: str) -> Key | None:
    """The key with this binding id, if any."""
    return next((key for key in KEYS if key.id == binding_id), None)


def keys_of(key: Key, keymap: Mapping[str, str]) -> list[str]:
    """The keys bound to an action once the user's keymap is applied."""
    return [k.strip() for k in keymap.get(key.id, key.keys).split(",") if k.strip()]


LAZY_MODULES = (
    "sitrep.app.forms.entry",
    "sitrep.app.forms.header",
    "sitrep.app.forms.holder",
    "sitrep.app.widgets.map.pane",
    "sitrep.app.widgets.timeline.pane",
)
"""Modules with bindings of their own that the app imports only when first needed."""


def declared_ids() -> set[str]:
    """The id of every binding any widget or screen of the app declares."""
    import importlib

    from textual.binding import Binding
    from textual.dom import DOMNode

    for module in LAZY_MODULES:
        importlib.import_module(module)
    ids: set[str] = set()
    classes: list[type[DOMNode]] = [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def unknown_ids(keymap: Iterable[str]) -> list[str]:
    """Binding ids in a user's keymap that no binding has (typos in the settings)."""
    unknown = set(keymap) - {key.id for key in KEYS}
    return sorted(unknown - declared_ids()) if unknown else []
