"""80x24 is a first-class size and 200x60 uses its room, on the sample and on every
example crisis: no card cuts a number, the columns that matter stay, the footer
keeps Help and Quit, and a card left out (or figures not shown) says '+N more'."""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from sitrep.app.widgets.figures import FigureCard
from sitrep.app.widgets.fit import cut
from sitrep.app.widgets.footer import SitrepFooter
from sitrep.storage.sample import sample_path
from tests.app.host import main_screen, open_app, table

EXAMPLES = sorted((Path(__file__).parents[2] / "data" / "examples").glob("*.yaml"))
FILES = [sample_path(), *EXAMPLES]
CUT_NUMBER = re.compile(r"\d[\d,.]*…")
"""A number that runs into an ellipsis: '4,1…'."""


def copy(path: Path, folder: Path) -> Path:
    target = folder / path.name
    shutil.copyfile(path, target)
    return target


def card_lines(app: object) -> dict[str, list[str]]:
    """Each shown card's lines as text."""
    cards = main_screen(app).query(FigureCard)  # type: ignore[arg-type]
    return {card.card: str(card.render()).splitlines() for card in cards if card.display}


def assert_no_cut_number(cards: dict[str, list[str]]) -> None:
    for name, lines in cards.items():
        for line in lines:
            assert not CUT_NUMBER.search(line), f"{name}: {line!r} cuts a number"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
async def test_no_card_cuts_a_number_and_none_is_left_out_unsaid(
    path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    app, _ = open_app(copy(path, tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        cards = card_lines(app)
        assert_no_cut_number(cards)
        more = main_screen(app).query_one("#figure-more")
        if size[0] < 100:  # the figures card gives its room, and '+1 more' says so
            assert set(cards) == {"control", "seat", "evacuations"}
            assert more.display and "+1" in str(more.render())
            return
        assert set(cards) == {"control", "seat", "figures", "evacuations"}
        assert not more.display
        title, *body = cards["figures"]
        count = int(re.findall(r"\d+", title)[0]) if re.search(r"\d", title) else len(body)
        if count > 2:  # two figures and '+N more', or one and '+N+1 more'
            text = " ".join(body)
            assert text.endswith((f"+{count - 2} more", f"+{count - 1} more"))
            assert (f"+{count - 1} more" in text) == (body[-1] == f"+{count - 1} more")


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("pane", ["1", "2", "3", "4", "5", "6"])
async def test_footer_keeps_help_and_quit(tmp_path: Path, size: tuple[int, int], pane: str) -> None:
    app, _ = open_app(copy(sample_path(), tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.press(pane)
        await pilot.pause()
        footer = main_screen(app).query_one(SitrepFooter)
        keys = list(footer.query(FooterKey))
        actions = {key.action for key in keys}
        assert {"help", "quit"} <= actions
        for key in keys:  # every key whole on the screen, none under another
            assert key.region.right <= size[0]
        spans = sorted((k.region.x, k.region.right) for k in keys)
        assert all(a[1] <= b[0] for a, b in pairwise(spans))


async def test_the_columns_that_matter_stay_at_80x24(tmp_path: Path) -> None:
    app, _ = open_app(copy(sample_path(), tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        places = table(app, "places")
        shown = {c.title for c, w in zip(places.columns, places.sizes.used, strict=True) if w}
        assert {"Place", "Capital", "Control"} <= shown
        assert table(app, "places").virtual_size.width <= places.scrollable_content_region.width
        title = str(main_screen(app).view("places").query_one(".section-title").render())
        assert "● confirmed" in title and "◆ reported" in title  # the Conf column's marks


@pytest.mark.parametrize(
    "text",
    ["at least 4,100 people killed", "about 100 + about 150 + more than 1,000", "12.5% of 3,958"],
)
def test_a_cut_never_falls_inside_a_number(text: str) -> None:
    for width in range(1, len(text) + 1):
        shown = "".join(piece for piece, _ in cut([(text, "")], width))
        assert len(shown) <= width
        assert not CUT_NUMBER.search(shown), f"{shown!r} at {width}"
        assert text.startswith(shown.removesuffix("…").rstrip())
