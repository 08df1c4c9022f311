"""Help: every binding's keys and description, grouped, generated from the bindings.

Keys shown are the ones in force, so a remap in the settings shows here too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from sitrep.app.bindings import GROUPS, KEYS, Key, keys_of
from sitrep.app.safe import clean
from sitrep.app.widgets.symbols import symbols_help

KEY_WIDTH = 12
ID_WIDTH = 20
"""Room for the binding ids (the longest, form.history_delete, and a space)."""
NARROW = 130
"""Below this width the help's two columns stack (each line fits 80 columns)."""
COLUMNS: tuple[tuple[str, ...], ...] = (
    ("File", "Edit", "Panes", "On the map"),
    ("Table", "Rows", "Control dialog", "In forms", "Help"),
)
MOUSE_TIPS = (
    ("click a title", "Sort by it (again: reverse)"),
    ("click a row", "Select it"),
    ("double-click", "Edit the row"),
    ("ctrl+p", "Every action by name"),
)


def key_text(app: App[object], key: Key, keymap: Mapping[str, str]) -> str:
    """The keys of an action as the footer shows them: 'ctrl+s' -> '^s'."""
    shown = [app.get_key_display(Binding(k, key.action)) for k in keys_of(key, keymap)]
    return " ".join(shown) or "(none)"


def widget_keys() -> dict[str, list[BindingType]]:
    """Bindings of widgets with keys of their own, by help group (imported late: cheap)."""
    from sitrep.app.forms.base import FormScreen
    from sitrep.app.forms.fields.history import HistoryField
    from sitrep.app.forms.fields.refs import PartyField, SourcesField
    from sitrep.app.forms.holder import HolderScreen
    from sitrep.app.widgets.map.pane import MapPane
    from sitrep.app.widgets.table.section import SectionView

    forms = [*FormScreen.BINDINGS, *SourcesField.BINDINGS, *PartyField.BINDINGS]
    return {
        "On the map": list(MapPane.BINDINGS),
        "Table": list(SectionView.BINDINGS),
        "Control dialog": list(HolderScreen.BINDINGS),
        "In forms": [*forms, *HistoryField.BINDINGS],
    }


NOTES = (
    "/ matches every column, shown or not. When the row under the",
    "cursor matched only in text not shown, the title says where",
    "(matched in Note). The cursor goes to the first match.",
    "",
    "⚠ cites no source, in the detail: a fact with no source yet.",
)
"""How the table's filter matches (help is where a user looks it up)."""


def _line(keys: str, description: str, binding_id: str | None = None) -> Content:
    """Keys, the id to remap them by (muted), what they do."""
    return Content.assemble(
        (clean(keys, one_line=True).ljust(KEY_WIDTH), "bold"),
        ((binding_id or "").ljust(ID_WIDTH), "$text-muted"),
        description,
    )


def _widget_lines(
    app: App[object], bindings: list[BindingType], keymap: Mapping[str, str]
) -> list[Content]:
    """A widget's bindings, those of one Binding.Group on one line ("←→↑↓ Nearest place")."""
    lines: list[Content] = []
    grouped: dict[str, list[str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = [k.strip() for k in keymap.get(binding.id or "", binding.key).split(",")]
        if binding.key_display and len(keys) == 1:
            shown = [binding.key_display]
        else:
            shown = [app.get_key_display(binding.with_key(k)) for k in keys]
        if binding.group is not None:
            grouped.setdefault(binding.group.description, []).extend(shown)
        else:
            lines.append(_line(" ".join(shown), binding.description, binding.id))
    grouped_lines = [_line("".join(keys), description) for description, keys in grouped.items()]
    return grouped_lines + lines


def help_group(app: App[object], group: str, keymap: Mapping[str, str]) -> Content:
    """One group's bindings, a line each."""
    lines = [Content.styled(group.upper(), "bold $accent")]
    for key in KEYS:
        if key.group == group:
            lines.append(_line(key_text(app, key, keymap), key.title, key.id))
    lines += _widget_lines(app, widget_keys().get(group, []), keymap)
    return Content("\n").join(lines)


def help_column(app: App[object], groups: Sequence[str], keymap: Mapping[str, str]) -> Content:
    """Several groups, a blank line apart."""
    known = set(GROUPS) | set(widget_keys())
    blocks = [help_group(app, group, keymap) for group in groups if group in known]
    if "Help" in groups:
        mouse = [Content.styled("MOUSE AND PALETTE", "bold $accent")]
        mouse += [_line(tip, text) for tip, text in MOUSE_TIPS]
        blocks.append(Content("\n").join(mouse))
        notes = [Content.styled("FILTER AND MARKS", "bold $accent"), *(Content(n) for n in NOTES)]
        blocks.append(Content("\n").join(notes))
        blocks.append(symbols_help())
    return Content("\n\n").join(blocks)


class HelpScreen(ModalScreen[None]):
    """Every key, grouped; Escape, q, ? or F1 closes it; arrows scroll it."""

    AUTO_FOCUS = "VerticalScroll"

    BINDINGS: ClassVar = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__(classes="dialog-screen")
        self.keymap = dict(keymap)

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Static(
                Content.assemble(
                    ("sitrep keys", "bold"),
                    ("   remap a key by its id (grey): [keys] in the settings", "$text-muted"),
                ),
                classes="dialog-title",
            )
            with VerticalScroll(), Horizontal(id="help-columns"):
                for groups in COLUMNS:
                    yield Static(help_column(self.app, groups, self.keymap), classes="help-column")
            yield Static(
                Content.styled("Esc, q, ? or F1 closes this · sitrep config --init", "$text-muted"),
                classes="dialog-hint",
            )

    def on_resize(self) -> None:
        """Side by side where there is room; one under the other on a narrow terminal."""
        narrow = self.size.width < NARROW
        self.query_one("#help-columns").styles.layout = "vertical" if narrow else "horizontal"
