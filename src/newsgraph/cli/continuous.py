"""`newsgraph watch` and `newsgraph follow`: continuous ingest from a drop folder or feeds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli import archive_views as views
from newsgraph.cli.app import app
from newsgraph.cli.archive import DbOption
from newsgraph.cli.extract import ConfigOption, build_settings, error_line
from newsgraph.errors import NewsgraphError
from newsgraph.runners import lifecycle
from newsgraph.runners.local import IngestReport

StagesOption = Annotated[
    str | None, typer.Option(help="comma-separated stage names to run (default: all)")
]


def _show(report: IngestReport) -> None:
    if report.read:
        views.render_report(Console(stderr=True), report)


def _interrupted(stored: int) -> typer.Exit:
    typer.echo(f"interrupted: {stored:,} stored, rerun to resume", err=True)
    return typer.Exit(130)


@app.command()
def watch(
    folder: Annotated[Path, typer.Argument(help="drop folder to watch", file_okay=False)],
    db: DbOption = None,
    poll: Annotated[float, typer.Option(help="seconds between looks at the folder", min=0.1)] = 2,
    workers: Annotated[int | None, typer.Option(help="worker processes")] = None,
    state: Annotated[
        Path | None,
        typer.Option(help="file keeping what is done (default: FOLDER/.newsgraph-watch.json)"),
    ] = None,
    stages: StagesOption = None,
    config: ConfigOption = None,
) -> None:
    """Ingest files as they land in FOLDER, each once; stop with Ctrl-C (safe to restart)."""
    from newsgraph.runners.watch import watch as run_watch

    stage_list = [s.strip() for s in stages.split(",")] if stages else None
    settings = build_settings(config, database=db, workers=workers, stages=stage_list)
    if not folder.is_dir():
        error_line(f"{folder}: not a directory")
        raise typer.Exit(1)
    reports: list[IngestReport] = []

    def on_report(report: IngestReport) -> None:
        reports.append(report)
        _show(report)

    def stored() -> int:
        return sum(report.stored.written for report in reports)

    try:
        with lifecycle.interruptible():
            watched = run_watch(
                folder,
                settings,
                poll_s=poll,
                on_report=on_report,
                state_file=state,
                on_warning=lambda message: typer.echo(f"newsgraph: warning: {message}", err=True),
            )
    except KeyboardInterrupt:
        raise _interrupted(stored()) from None
    except NewsgraphError as error:
        error_line(str(error))
        raise typer.Exit(1) from error
    if watched.reports and watched.reports[-1].interrupted:
        raise _interrupted(stored())


@app.command()
def follow(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed or sitemap addresses")],
    db: DbOption = None,
    state_dir: Annotated[
        Path, typer.Option(help="where fetched pages (WARC) and the follow state are kept")
    ] = Path("newsgraph-follow"),
    interval: Annotated[float, typer.Option(help="seconds between rounds", min=1)] = 300,
    delay: Annotated[float, typer.Option(help="seconds between requests to one host", min=0)] = 1,
    once: Annotated[bool, typer.Option(help="one round, then exit")] = False,
    workers: Annotated[int | None, typer.Option(help="worker processes")] = None,
    stages: StagesOption = None,
    config: ConfigOption = None,
) -> None:
    """Poll feeds and sitemaps over HTTP, archive new pages raw (WARC) and ingest them."""
    from newsgraph.runners.follow import follow as run_follow

    stage_list = [s.strip() for s in stages.split(",")] if stages else None
    settings = build_settings(config, database=db, workers=workers, stages=stage_list)
    stored = [0]

    def on_report(report: IngestReport) -> None:
        stored[0] += report.stored.written
        _show(report)

    try:
        with lifecycle.interruptible():
            follower = run_follow(
                feeds,
                settings,
                state_dir,
                interval_s=interval,
                delay_s=delay,
                rounds=1 if once else None,
                on_report=on_report,
            )
    except KeyboardInterrupt:
        raise _interrupted(stored[0]) from None
    except NewsgraphError as error:
        error_line(str(error))
        raise typer.Exit(1) from error
    if follower.reports and follower.reports[-1].interrupted:
        raise _interrupted(stored[0])
