"""`newsgraph demo`: the bundled samples through the whole pipeline into an archive, then a summary."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from newsgraph.api import Extractor
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
    return articles
