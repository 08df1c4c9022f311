"""Map labels stay beside their own dots: at every size, no other place's mark is as
near a label as its own (the issue: at 80x24 'Kabul ●' named another place's dot)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from rich.cells import cell_len

from sitrep.app.widgets.map.layout import terminal_layout
from sitrep.geo.marks import map_data
from sitrep.geo.outline import situation_outline
from sitrep.storage.sample import sample_path
from sitrep.yaml.io import load_situation

FILES = [sample_path(), *sorted((Path(__file__).parents[3] / "data" / "examples").glob("*.yaml"))]
SIZES = [(48, 15), (50, 16), (52, 17), (46, 14), (90, 38), (140, 50), (30, 10)]


def distance(col: int, row: int, x: int, y: int, width: int) -> int:
    """Cells from a mark to a label; a row counts as two columns (cells are tall)."""
    dx = x - col if col < x else max(0, col - (x + width - 1))
    return dx + 2 * abs(row - y)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize(("cols", "rows"), SIZES, ids=lambda s: str(s))
def test_no_label_reads_as_another_places(path: Path, cols: int, rows: int) -> None:
    situation = load_situation(path)
    data = map_data(situation, situation_outline(situation, path.parent))
    layout = terminal_layout(data, cols, rows)
    assert layout is not None
    covered = {
        (label.col + k, row)
        for row, labels in layout.label_rows.items()
        for label in labels
        for k in range(cell_len(label.text))
    }
    shown = [
        (c, r, i)
        for r, marks in layout.glyph_rows.items()
        for c, i in marks
        if (c, r) not in covered
    ]
    assert layout.label_of, "some places are labelled at every size"
    for labels in layout.label_rows.values():  # two labels never run into one name
        spans = sorted((label.col, label.col + cell_len(label.text)) for label in labels)
        assert all(end + 2 <= start for (_, end), (start, _) in pairwise(spans))
    for mark, label in layout.label_of.items():
        col, row = layout.positions[mark]
        width = cell_len(label.text)
        own = distance(col, row, label.col, label.row, width)
        assert own <= 4, f"{label.text!r} is {own} cells from its mark"
        for c, r, other in shown:
            if other == mark or (c, r) == (col, row):
                continue
            d = distance(c, r, label.col, label.row, width)
            tie = d == own and (r == label.row or row != label.row)
            assert d > own or (d == own and not tie), (
                f"{label.text!r} at {cols}x{rows} is as near {data.marks[other].label!r}"
                f" ({d}) as its own mark ({own})"
            )
