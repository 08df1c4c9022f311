"""The terminal layout of the map: places in their cells, labels that never collide."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from sitrep.app.widgets.map.layout import fit_label, terminal_layout
from sitrep.geo.marks import map_data
from sitrep.geo.outline import situation_outline
from sitrep.model.situation import Situation
from sitrep.storage.sample import sample_path


@pytest.mark.parametrize(("cols", "rows"), [(90, 38), (50, 21), (20, 8)])
def test_every_place_gets_a_cell_and_labels_do_not_overlap(
    sample: Situation, cols: int, rows: int
) -> None:
    data = map_data(sample, situation_outline(sample, sample_path().parent))
    layout = terminal_layout(data, cols, rows)
    assert layout is not None
    assert len(layout.positions) == 37  # 34 provinces, 2 airports, a town
    assert all(0 <= c < cols and 0 <= r < rows for c, r in layout.positions)
    glyph_cells = {(c, r) for r, row in layout.glyph_rows.items() for c, _ in row}
    kabul = next(i for i, m in enumerate(data.marks) if m.place_id == "kabul")
    assert kabul in layout.label_of  # the seat of government is always labelled
    used: set[tuple[int, int]] = set()
    for row, labels in layout.label_rows.items():
        for label in labels:
            cells = {(label.col + k, row) for k in range(cell_len(label.text))}
            assert all(0 <= c < cols for c, _ in cells)
            assert not cells & used  # no two labels share a cell
            if label.mark != kabul:  # only the seat's label may ever cover a glyph
                assert not cells & glyph_cells
            used |= cells
    assert len(layout.outline) == rows and all(len(line) == cols for line in layout.outline)


def test_big_canvas_labels_every_sample_place_but_a_few(sample: Situation) -> None:
    data = map_data(sample, None)
    layout = terminal_layout(data, 90, 38)
    assert layout is not None
    assert len(layout.label_of) >= 30
    glyphs = sum(len(row) for row in layout.glyph_rows.values())
    assert glyphs >= 32  # at most a couple of places share a cell at this size


def test_places_keep_their_geography(sample: Situation) -> None:
    data = map_data(sample, None)
    layout = terminal_layout(data, 90, 38)
    assert layout is not None
    at = {m.place_id: layout.positions[i] for i, m in enumerate(data.marks)}
    assert at["herat"][0] < at["kabul"][0] < at["badakhshan"][0]  # west to east
    assert at["badakhshan"][1] < at["kabul"][1] < at["kandahar"][1]  # north to south


def test_nothing_to_draw_or_no_room(sample: Situation) -> None:
    data = map_data(sample, None)
    assert terminal_layout(data, 2, 2) is None
    sample.places.clear()
    assert terminal_layout(map_data(sample, None), 80, 20) is None


def test_labels_are_cleaned_and_cut() -> None:
    assert fit_label("Kan\x1b[31mdahar") == "Kan␛[31mdahar"
    long = fit_label("A very long place name that goes on and on")
    assert cell_len(long) <= 24 and long.endswith("…")
    assert cell_len(fit_label("東京都東京都東京都東京都東京都")) <= 24
