"""What the main screen shows: header, key figures, one tab per pane, the footer.

A pane shows its sections' tables stacked, with the detail of the selected
entry beside them; the brief and the map panes get an empty host, filled when
first shown (main_panes.py).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static, TabbedContent, TabPane

from sitrep.app.panes import BRIEF, MAP, PANES, SECTION_TITLES, TIMELINE, Pane
from sitrep.app.widgets.detail import EntryDetail
from sitrep.app.widgets.figures import KeyFigures
from sitrep.app.widgets.footer import SitrepFooter
from sitrep.app.widgets.header import SitrepHeader
from sitrep.app.widgets.table.columns import COLUMNS
from sitrep.app.widgets.table.section import SectionView
from sitrep.model.situation import Situation


def compose_main(situation: Situation, first: Pane) -> ComposeResult:
    """The main screen's widgets, its tabs starting on the first pane shown."""
    yield SitrepHeader(id="header")
    yield Static(Content(""), id="past-banner")  # shown while viewing an earlier date
    yield KeyFigures(id="figures")
    with TabbedContent(id="panes", initial=f"pane-{first.id}"):
        for number, pane in enumerate(PANES, 1):
            with TabPane(f"{number} {pane.title}", id=f"pane-{pane.id}"):
                if pane.id == BRIEF:
                    yield Container(id="brief-host")  # made when first shown
                elif pane.id == MAP:
                    yield Container(id="map-host")  # the map is made when first shown
                elif pane.id == TIMELINE:
                    yield Container(id="timeline-host")  # made when first shown
                else:
                    with Horizontal(classes="pane-body"):
                        with Vertical(classes="pane-tables"):
                            for section in pane.sections:
                                columns = COLUMNS[section](situation)
                                title = SECTION_TITLES[section]
                                yield SectionView(section, title, columns)
                        yield EntryDetail(id=f"detail-{pane.id}", classes="detail")
    yield SitrepFooter(compact=True)
