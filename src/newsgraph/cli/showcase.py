"""`newsgraph demo`: the bundled samples through the whole pipeline into an archive, then a summary."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from newsgraph.api import Extractor
from newsgraph.archive import EventQuery, open_archive
from newsgraph.cli.archive_views import render_events, render_quotes, render_search, show_overview
from newsgraph.cli.render import render_article
from newsgraph.model import Article
from newsgraph.settings import Settings


def run_demo(settings: Settings, corpus: Path, console: Console) -> list[Article]:
    """Extract every sample, print each, store them in the archive and show a few queries."""
    extractor = Extractor(settings)
    articles: list[Article] = []
    with console.status("loading models and processing the sample corpus…"):
        for outcome in extractor.extract_paths([corpus]):
            if outcome.failure is not None:
                console.print(f"[yellow]skipped[/] {outcome.failure}")
            elif outcome.article is not None:
                articles.append(outcome.article)
    for article in articles:
        render_article(console, article)
    with open_archive(settings.database, settings) as archive:
        archive.add_articles(articles)
        console.rule(f"[bold]The archive ({settings.database})")
        show_overview(archive, console)
        console.print('\n[bold]newsgraph search "militært samarbeid"')
        render_search(console, archive.search("militært samarbeid", limit=5))
        console.print("\n[bold]newsgraph events --country RUS --country CHN --type CONSULT")
        render_events(
            console, archive.events(EventQuery(countries=["RUS", "CHN"], types=["CONSULT"]))
        )
        console.print('\n[bold]newsgraph quotes --speaker "Dong Jun"')
        render_quotes(console, archive.quotes(speaker="Dong Jun", limit=5))
    return articles
