"""A tiny host app for the MapPane on a situation, recording the messages it posts."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer

from sitrep.app.widgets.map.pane import MapPane
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import load_situation


class MapHost(App[None]):
    """Mounts one MapPane (focused) and a footer; keeps what the pane posts."""

    def __init__(self, situation: Situation | None = None, base: Path | None = None) -> None:
        super().__init__()
        self.situation = situation or load_situation(sample_path())
        self.base = base if base is not None else sample_path().parent
        self.selected: list[str] = []
        self.edits: list[str] = []

    def compose(self) -> ComposeResult:
        yield MapPane(self.situation, base=self.base, id="map")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(MapPane).focus()

    def on_map_pane_place_selected(self, event: MapPane.PlaceSelected) -> None:
        self.selected.append(event.place_id)

    def on_map_pane_edit_place(self, event: MapPane.EditPlace) -> None:
        self.edits.append(event.place_id)


if __name__ == "__main__":  # look at it: python tests/map_host.py
    MapHost().run()
