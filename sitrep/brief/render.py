"""render_brief: the whole Markdown brief, section by section, in OCHA sitrep order."""

from __future__ import annotations

import datetime as dt

import sitrep
from sitrep.brief import words
from sitrep.brief.context import BriefContext
from sitrep.brief.escape import inline, web_url
from sitrep.brief.limits import LIST_LIMIT
from sitrep.brief.markdown import document, heading, lines, numbered
from sitrep.brief.sections.changes import changes_section
from sitrep.brief.sections.evacuations import evacuations_section
from sitrep.brief.sections.highlights import highlights_section
from sitrep.brief.sections.humanitarian import humanitarian_section, outlook_section
from sitrep.brief.sections.key_figures import key_figures_section
from sitrep.brief.sections.territory import territory_section
from sitrep.model.entries import Source
from sitrep.model.situation import Situation
from sitrep.yaml.block.fast import without_gc


@without_gc  # a full collection walks the whole situation: 1.2 s of 2 at 100,000 places
def render_brief(
    situation: Situation,
    *,
    source_name: str | None = None,
    since: dt.date | None = None,
    previous: Situation | None = None,
    generated_at: dt.datetime | None = None,
    map_path: str | None = None,
    timeline_path: str | None = None,
    reconstructed_from: dt.date | None = None,
    limit: int = LIST_LIMIT,
) -> str:
    """The situation as a Markdown brief (CommonMark with GFM tables).

    ``since`` starts the period used for highlights and changes in the period
    (default: the header's period_start, else seven days before as-of).
    ``previous`` adds 'Changes since the previous report'. ``generated_at`` puts
    the time in the footer; leave it None for byte-for-byte reproducible output.
    ``map_path`` and ``timeline_path`` embed those images (paths relative to the brief).
    Without ``previous``, a report started with ``sitrep next`` compares with the
    report before it, as the histories in the file tell it. ``reconstructed_from``
    is the as-of date of a file whose earlier state (``--as-of``) this brief shows.
    ``limit`` is how many items one list shows in full (places of a group, changes,
    figures, notes); a longer list is summarised and says how to get all of it.
    """
    from_history = previous is None and situation.header.previous is not None
    if from_history:
        from sitrep.model.derived.history import situation_on

        past = situation.header.previous
        assert past is not None
        previous = situation_on(situation, past.as_of)
    ctx = BriefContext.build(situation, since, previous, limit=limit, source_name=source_name)
    blocks = [
        title_block(ctx, reconstructed_from),
        highlights_section(ctx),
        key_figures_section(ctx),
        changes_section(previous, situation, from_history=from_history)
        if previous is not None
        else "",
        territory_section(ctx, map_path, timeline_path),
        evacuations_section(ctx),
        humanitarian_section(ctx),
        outlook_section(ctx),
        sources_section(ctx),
        footer(source_name, generated_at),
    ]
    return document(blocks)


def title_block(ctx: BriefContext, reconstructed_from: dt.date | None = None) -> str:
    """Title, report number and region, as-of date and time, period covered, producer."""
    header = ctx.situation.header
    first = "Situation report"
    if header.report_number is not None:
        first += f" no. {header.report_number}"
    as_of = f"As of {words.day(header.as_of)}"
    if header.as_of_time:
        as_of += f", {header.as_of_time}"
        if header.timezone:
            as_of += f" ({header.timezone})"
    details = [
        inline(f"{first} · {header.region}"),
        inline(as_of),
        f"Period covered: {words.period(ctx.start, ctx.end)}",
    ]
    if header.produced_by:
        details.append(f"Produced by: {inline(header.produced_by)}")
    if reconstructed_from is not None:
        details.append(
            f"Reconstructed from the file's histories as it stood on {words.day(header.as_of)}; "
            f"the file itself stands on {words.day(reconstructed_from)}"
        )
    return f"{heading(1, inline(header.title))}\n\n{lines(details)}"


def sources_section(ctx: BriefContext) -> str:
    """'## Sources': the cited sources, numbered as cited in the brief."""
    cited = ctx.citations.cited()
    title = heading(2, "Sources")
    if not cited:
        return f"{title}\n\nNo sources cited."
    return f"{title}\n\n{numbered([(n, source_line(s)) for n, s in cited])}"


def source_line(source: Source) -> str:
    """'A Relief Agency, “Title”, 12 Aug 2021 (UN/NGO; reliability B). <https://...>'."""
    text = inline(source.publisher)
    if source.title:
        text += f", “{inline(source.title)}”"
    if source.published:
        text += f", {words.day(source.published)}"
    about = [words.say(source.kind)]
    if source.reliability:
        about.append(f"reliability {source.reliability}")
    text += f" ({'; '.join(about)})."
    if source.url:
        url = web_url(source.url)
        text += f" <{url}>" if url else f" {inline(source.url)} (not a web address; not linked)"
    return text


def footer(source_name: str | None, generated_at: dt.datetime | None) -> str:
    """The closing line: made by which sitrep, from which file, and when if asked."""
    text = f"Made with sitrep {sitrep.__version__}"
    if source_name:
        text += f" from {inline(source_name)}"
    if generated_at is not None:
        text += f" on {words.day(generated_at.date())} at {generated_at:%H:%M}"
        text += _zone(generated_at)
    return f"---\n\n{text}."


def _zone(moment: dt.datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return ""
    if not offset:
        return " UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f" UTC{sign}{hours:02d}:{rest:02d}"
