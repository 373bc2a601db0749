"""Archive commands: ingest, failures, search, events, quotes, entity, stats, duplicates, export.

Each is a thin layer over `newsgraph.archive` and the runners (`runners.local`, `runners.ray_runner`): it builds Settings,
opens the archive, calls the same query the Python API offers and prints a table, or JSON Lines
with `--json`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsgraph.archive import Repository, open_archive
from newsgraph.archive.export import ExportFileFormat, ExportWhat, write_rows
from newsgraph.cli import archive_views as views
from newsgraph.cli.app import app
from newsgraph.cli.extract import ConfigOption, build_settings, error_line
from newsgraph.errors import FilterError, NewsgraphError
from newsgraph.ingest import count_inputs
from newsgraph.runners.local import IngestReport, ingest_paths
from newsgraph.service import (
    MAX_LIMIT,
    MAX_OFFSET,
    ArchiveService,
    DuplicateRequest,
    EventRequest,
    QuoteRequest,
    SearchRequest,
    filters,
)
from newsgraph.service.core import utc_today

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="archive: SQLite path or postgresql:// URL (default: `database`)"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="print JSON Lines instead of a table")]
# The bound keeps a huge --limit a clear usage error instead of an integer overflow in SQL.
LimitOption = Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="at most this many results")]
OffsetOption = Annotated[
    int, typer.Option(min=0, max=MAX_OFFSET, help="skip this many results (next page)")
]


@contextmanager
def opened(db: str | None, config: Path | None) -> Iterator[Repository]:
    """The existing archive named by --db (or the settings), with errors as one line and exit 1."""
    settings = build_settings(config, database=db)
    try:
        with open_archive(settings.database, settings, create=False) as archive:
            yield archive
    except NewsgraphError as error:
        error_line(str(error))
        raise typer.Exit(1) from error


@contextmanager
def served(db: str | None, config: Path | None) -> Iterator[ArchiveService]:
    """The service over the archive named by --db; a bad filter or archive error is one line."""
    settings = build_settings(config, database=db)
    try:
        with ArchiveService(settings, pool_size=1, create=False) as service:
            yield service
    except FilterError as error:
        error_line(str(error))
        raise typer.Exit(2) from error
    except ValidationError as error:
        error_line("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()))
        raise typer.Exit(2) from error
    except NewsgraphError as error:
        error_line(str(error))
        raise typer.Exit(1) from error


def print_json(answers: Sequence[BaseModel] | BaseModel) -> None:
    """Answers as JSON Lines on stdout."""
    for answer in answers if isinstance(answers, Sequence) else [answers]:
        sys.stdout.write(answer.model_dump_json() + "\n")


class Runner(StrEnum):
    """Where `ingest` runs the pipeline."""

    local = "local"
    ray = "ray"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files and directories to archive")],
    db: DbOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="worker processes, or Ray actors with --runner ray (default: one per core)"
        ),
    ] = None,
    batch_size: Annotated[int | None, typer.Option(help="articles per transaction")] = None,
    stages: Annotated[
        str | None, typer.Option(help="comma-separated stage names to run (default: all)")
    ] = None,
    runner: Annotated[
        Runner, typer.Option(help="local: processes on this machine; ray: a Ray cluster")
    ] = Runner.local,
    address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to join: auto or ray://HOST:PORT (default: start one here)"),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="also write Parquet shards per layer under this folder (--runner ray)"),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Process articles into the archive; safe to rerun (stored inputs are skipped).

    A killed run loses at most the batch in flight: run the same command again to finish.
    """
    if runner is Runner.local and (address is not None or out is not None):
        error_line("--address and --out need --runner ray")
        raise typer.Exit(2)
    stage_list = [s.strip() for s in stages.split(",")] if stages else None
    settings = build_settings(
        config, database=db, workers=workers, batch_size=batch_size, stages=stage_list
    )
    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles · {task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    total = count_inputs(list(paths))
    # Redrawn on each update, not by a refresh thread: with no other thread running, the local
    # runner can fork its workers from the loaded pipeline (runners.local.can_fork).
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("loading models", total=total, start=False, rate="–/s")
        progress.refresh()

        def update(report: IngestReport) -> None:
            if report.ready and not progress.tasks[0].started:
                progress.start_task(task)
            progress.update(
                task,
                total=max(total, report.read),
                completed=report.done,
                description="ingesting",
                rate=f"{report.articles_per_second:.1f}/s",
                refresh=True,
            )

        try:
            if runner is Runner.ray:
                from newsgraph.runners.ray_runner import ingest_paths as ingest_on_ray

                report = ingest_on_ray(paths, settings, update, address=address, out=out)
            else:
                report = ingest_paths(paths, settings, update)
        except NewsgraphError as error:
            error_line(str(error))
            raise typer.Exit(1) from error
    views.render_report(Console(), report)
    if report.interrupted:
        stored = report.stored.written + report.stored.failures
        typer.echo(f"interrupted: {stored:,} stored, rerun to resume", err=True)
        raise typer.Exit(130)
    if report.processed + report.skipped == 0:
        error_line("no input held an article; see `newsgraph failures`")
        raise typer.Exit(1)


@app.command()
def failures(
    db: DbOption = None,
    limit: LimitOption = 100,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List inputs and stages that failed, with the reason."""
    with opened(db, config) as archive:
        found = archive.failures(limit=limit)
    if as_json:
        print_json(found)
    else:
        views.render_failures(Console(), found)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='words (all must occur), "quoted phrases", pre*')],
    lang: Annotated[str | None, typer.Option(help="only articles in this language")] = None,
    db: DbOption = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Full-text search over titles, text, quotes and entity names."""
    with served(db, config) as service:
        hits = service.search(SearchRequest(q=query, lang=lang, limit=limit, offset=offset))
    if as_json:
        print_json(hits.items)
    else:
        views.render_search(Console(), hits.items)


@app.command()
def events(
    country: Annotated[
        list[str] | None,
        typer.Option(help="country code or name, any language (repeat: all required)"),
    ] = None,
    dyad: Annotated[str | None, typer.Option(help="two countries, e.g. USA-CHN")] = None,
    event_type: Annotated[
        list[str] | None,
        typer.Option("--type", help="PLOVER category or CAMEO root (repeat: any of)"),
    ] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode of the categories")] = None,
    min_confidence: Annotated[
        str | None,
        typer.Option(help="low, medium or high: stories with a report of at least this level"),
    ] = None,
    since: Annotated[str | None, typer.Option(help="events on or after: ISO date or 7d")] = None,
    until: Annotated[str | None, typer.Option(help="events on or before: ISO date or 7d")] = None,
    lang: Annotated[str | None, typer.Option(help="stories reported in this language")] = None,
    entity: Annotated[str | None, typer.Option(help="name of an actor")] = None,
    exclude_translations: Annotated[
        bool,
        typer.Option(
            "--exclude-translations",
            help="only stories with a report that is not a translation",
        ),
    ] = False,
    independent_sources: Annotated[
        bool,
        typer.Option(
            "--independent-sources",
            help="only stories reported by 2 or more independent publishers",
        ),
    ] = False,
    reports: Annotated[bool, typer.Option(help="list each story's reports")] = True,
    db: DbOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Story-level events (reports in any language merged), newest first."""
    with served(db, config) as service:
        request = EventRequest(
            country=country or [],
            dyad=dyad,
            category=event_type or [],
            mode=mode,
            min_confidence=min_confidence,
            since=since,
            until=until,
            lang=lang,
            entity=entity,
            exclude_translations=exclude_translations,
            independent_sources=independent_sources,
            reports=reports,
            limit=limit,
            offset=offset,
        )
        stories = service.events(request)
    if as_json:
        print_json(stories.items)
    else:
        views.render_events(Console(), stories.items, reports)


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="the speaker's name")] = None,
    contains: Annotated[str | None, typer.Option(help="words the quote contains")] = None,
    lang: Annotated[str | None, typer.Option(help="only quotes in this language")] = None,
    db: DbOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Quotations, by speaker and/or containing words, newest first."""
    with served(db, config) as service:
        request = QuoteRequest(
            speaker=speaker, contains=contains, lang=lang, limit=limit, offset=offset
        )
        found = service.quotes(request)
    if as_json:
        print_json(found.items)
    else:
        views.render_quotes(Console(), found.items)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="the entity's name, in any language it is stored")],
    db: DbOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Mentions, titles, quotes and events of one entity over time."""
    with served(db, config) as service:
        profile = service.entity(name, limit=limit)
    if as_json:
        print_json(profile)
    else:
        views.render_entity(Console(), profile)


@app.command()
def stats(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """Counts, languages, publishers, dates and size of the archive."""
    with served(db, config) as service:
        found = service.stats()
    if as_json:
        print_json(found)
    else:
        views.render_stats(Console(), found)


@app.command()
def duplicates(
    article: Annotated[str | None, typer.Option(help="only links of this article id")] = None,
    relation: Annotated[
        str | None, typer.Option(help="exact, copy, rewrite or translation")
    ] = None,
    db: DbOption = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Copies, rewrites and translations of earlier articles."""
    with served(db, config) as service:
        request = DuplicateRequest(
            article_id=article, relation=relation, limit=limit, offset=offset
        )
        links = service.duplicates(request)
    if as_json:
        print_json(links.items)
    else:
        views.render_duplicates(Console(), links.items)


@app.command()
def export(
    out: Annotated[Path, typer.Option(help="file to write")],
    what: Annotated[
        ExportWhat, typer.Option(help="articles, events or quotes")
    ] = ExportWhat.events,
    file_format: Annotated[
        ExportFileFormat, typer.Option("--format", help="jsonl, csv or parquet")
    ] = ExportFileFormat.csv,
    since: Annotated[
        str | None,
        typer.Option(
            help="events dated, or articles/quotes published, on or after: an ISO date or a"
            " relative one (7d, 2w, 3m, 1y, yesterday)"
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(help="events only: ISO alpha-3 the report involves (repeat: all required)"),
    ] = None,
    event_type: Annotated[
        list[str] | None,
        typer.Option("--type", help="events only: PLOVER category (repeat: any of)"),
    ] = None,
    min_confidence: Annotated[
        str | None,
        typer.Option(help="events only: low, medium or high, the least confidence level kept"),
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Write articles, events (one GDELT-like row each, with CAMEO codes) or quotes to a file."""
    with opened(db, config) as archive:
        try:
            day = filters.day(since, utc_today(), field="since") if since else None
            rows = archive.export_rows(
                what.value,
                since=day,
                countries=country or [],
                types=event_type or [],
                min_confidence=min_confidence,
            )
            count = write_rows(rows, what.value, file_format.value, out)
        except NewsgraphError as error:
            error_line(str(error))
            raise typer.Exit(1) from error
    typer.echo(f"wrote {count:,} {what.value} to {out}", err=True)
