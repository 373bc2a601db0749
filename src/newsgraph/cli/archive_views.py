"""Rich tables for the archive's query answers, shared by the archive commands and `demo`."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from newsgraph.archive import (
    ArchiveStats,
    DuplicateLink,
    EntityProfile,
    EventQuery,
    FailureRecord,
    QuoteHit,
    Repository,
    SearchHit,
    StoryEvent,
)
from newsgraph.runners.local import IngestReport

OVERVIEW_ROWS = 5


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_stats(console: Console, stats: ArchiveStats) -> None:
    """Counts, languages, publishers, dates and size of an archive."""
    table = Table(
        "what", "count", title=f"Archive ({stats.backend}, schema v{stats.schema_version})"
    )
    for name, value in sorted(stats.counts.items()):
        table.add_row(name.replace("_", " "), f"{value:,}")
    console.print(table)
    languages = ", ".join(f"{c.value} {c.count:,}" for c in stats.languages)
    publishers = ", ".join(f"{c.value} {c.count:,}" for c in stats.publishers)
    size = f"{stats.size_bytes / 1_048_576:.1f} MiB" if stats.size_bytes is not None else "?"
    console.print(f"languages: {languages or '—'}")
    console.print(f"publishers: {publishers or '—'}")
    console.print(
        f"published: {stats.first_published or '?'} … {stats.last_published or '?'} · size {size}"
    )


def render_search(console: Console, hits: Sequence[SearchHit]) -> None:
    """Full-text hits with their snippets."""
    table = Table("article", "lang", "published", "title", "snippet", title="Search")
    for hit in hits:
        table.add_row(
            hit.article_id,
            hit.lang or "",
            hit.published or "",
            _short(hit.title, 40),
            _short(hit.snippet, 100),
        )
    console.print(table)


def render_events(console: Console, stories: Sequence[StoryEvent], reports: bool = True) -> None:
    """Story-level events; with `reports`, each story's reports and why they were merged."""
    if not reports:
        table = Table(
            "dates", "type", "countries", "actors", "reports", "languages", title="Events"
        )
        for story in stories:
            table.add_row(
                _dates(story),
                story.type,
                "+".join(story.countries),
                _short(", ".join(story.actors), 50),
                str(story.report_count),
                ",".join(story.languages),
            )
        console.print(table)
        return
    tree = Tree("[bold]Events[/] (reports in any language merged into stories)")
    for story in stories:
        node = tree.add(
            f"[bold]{_dates(story)}[/] {story.type} {'+'.join(story.countries)} · "
            f"{_short(', '.join(story.actors), 60)} · {_report_count(story)}"
            f" ({', '.join(story.languages)})"
        )
        for report in story.reports:
            level = f" [{report.confidence_level} confidence]" if report.confidence_level else ""
            node.add(
                f"{report.lang or '?'} {report.article_id} {_short(report.title, 50)}"
                f"{escape(level)} [dim]— {report.reason}[/]"
            )
    console.print(tree)


def _report_count(story: StoryEvent) -> str:
    """How many reports, and in how many articles where one article reports the event twice
    ("2 reports in 1 article"): a reader takes "2 reports" for two articles."""
    count = story.report_count
    text = f"{count} report{'s' if count != 1 else ''}"
    articles = len({report.article_id for report in story.reports})
    if story.reports and articles != count:
        text += f" in {articles} article{'s' if articles != 1 else ''}"
    return text


def _dates(story: StoryEvent) -> str:
    dates = story.date_start or "?"
    if story.date_end and story.date_end != story.date_start:
        dates += f" … {story.date_end}"
    return dates


def render_quotes(console: Console, quotes: Sequence[QuoteHit]) -> None:
    """Quotations with speaker and source article."""
    table = Table("published", "speaker", "lang", "quote", "article", title="Quotes")
    for quote in quotes:
        table.add_row(
            quote.published or "",
            quote.speaker or "—",
            quote.lang or "",
            _short(quote.text, 90),
            quote.article_id,
        )
    console.print(table)


def render_entity(console: Console, profile: EntityProfile) -> None:
    """An entity's names, titles, timeline, quotes and events."""
    console.rule(f"[bold]{profile.name}[/] ({profile.type}, {profile.country or '—'})")
    console.print(
        f"{profile.article_count:,} articles · {profile.mention_count:,} mentions · seen "
        f"{profile.first_seen or '?'} … {profile.last_seen or '?'}"
    )
    console.print("names: " + ", ".join(f"{c.value} ({c.count})" for c in profile.names))
    if profile.titles:
        console.print("titles: " + ", ".join(f"{c.value} ({c.count})" for c in profile.titles))
    if profile.timeline:
        table = Table("month", "articles", "mentions", title="Over time")
        for point in profile.timeline:
            table.add_row(point.month, str(point.articles), str(point.mentions))
        console.print(table)
    if profile.quotes:
        render_quotes(console, profile.quotes)
    if profile.events:
        render_events(console, profile.events, reports=False)


def render_failures(console: Console, failures: Sequence[FailureRecord]) -> None:
    """Recorded failures with their reasons."""
    table = Table("when", "stage", "input or article", "reason", title="Failures")
    for failure in failures:
        where = failure.input_path or failure.article_id or ""
        table.add_row(failure.recorded_at, failure.stage, where, _short(failure.reason, 90))
    console.print(table)


def render_duplicates(console: Console, links: Sequence[DuplicateLink]) -> None:
    """Copies, rewrites and translations with the article they repeat."""
    table = Table("relation", "similarity", "article", "original", "reason", title="Duplicates")
    for link in links:
        table.add_row(
            link.relation,
            f"{link.similarity:.2f}",
            f"{link.lang or ''} {_short(link.title, 35)}",
            f"{link.original_lang or ''} {_short(link.original_title, 35)}",
            _short(link.reason, 60),
        )
    console.print(table)


def render_report(console: Console, report: IngestReport) -> None:
    """Summary of an ingest run."""
    stored = report.stored
    console.print(
        f"read {report.read:,} · already archived {report.skipped:,} · stored {stored.written:,}"
        f" (new versions {stored.new_versions:,}, unchanged {stored.unchanged:,})"
        f" · failures {stored.failures:,} · duplicates {stored.duplicates:,}"
        f" · events {stored.events:,} ({stored.merged_events:,} merged into earlier stories)",
        soft_wrap=True,
    )
    console.print(
        f"{report.elapsed_s:.1f} s · {report.articles_per_second:.1f} articles/s ·"
        f" {report.workers} workers · peak worker memory {report.peak_worker_rss_mb:.0f} MiB",
        soft_wrap=True,
    )


def show_overview(archive: Repository, console: Console) -> None:
    """A few queries that show what an archive holds: for `demo` and first looks."""
    render_stats(console, archive.stats())
    stories = archive.events(EventQuery(limit=OVERVIEW_ROWS))
    if stories:
        render_events(console, stories)
    quotes = archive.quotes(limit=OVERVIEW_ROWS)
    if quotes:
        render_quotes(console, quotes)
    actors = [name for story in stories for name in story.actors]
    speakers = [quote.speaker for quote in quotes if quote.speaker]
    for name in (actors + speakers)[:1]:
        profile = archive.entity(name, limit=OVERVIEW_ROWS)
        if profile is not None:
            render_entity(console, profile)
    links = archive.duplicates(limit=OVERVIEW_ROWS)
    if links:
        render_duplicates(console, links)
