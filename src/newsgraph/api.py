"""The Python API: the same calls the CLI makes.

>>> from newsgraph.api import Extractor
>>> article = Extractor().extract_text("Statsministeren besøkte Bergen i går.")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest import InputFailure, article_from_text, read_paths
from newsgraph.model import Article, Meta
from newsgraph.pipeline import Pipeline
from newsgraph.runners.lifecycle import ArticleTimeout, time_budget
from newsgraph.settings import Settings, load_settings


@dataclass(frozen=True)
class Outcome:
    """One item of a batch: a processed article, or the input that gave none."""

    article: Article | None = None
    failure: InputFailure | None = None


class Extractor:
    """A loaded pipeline: build once, extract many."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.pipeline = Pipeline.from_settings(self.settings)

    def extract_text(
        self,
        text: str,
        *,
        source_url: str | None = None,
        published: str | None = None,
        external_id: str | None = None,
        path: str | None = None,
        lang: str | None = None,
    ) -> Article:
        """Run the pipeline on one raw text (plain text or HTML)."""
        meta = Meta(
            source_url=source_url,
            published=published,
            published_from="metadata" if published else None,
            external_id=external_id,
        )
        article = article_from_text(text, meta, path or external_id or "<text>", "text")
        article.lang = lang
        return self.pipeline.run(article)

    def extract_path(self, path: Path) -> list[Article]:
        """Process every article of a path; raises InputError when it holds none."""
        outcomes = list(self.extract_paths([path]))
        articles = [o.article for o in outcomes if o.article is not None]
        failures = [o.failure for o in outcomes if o.failure is not None]
        if not articles and failures:
            raise InputError(failures[0].path, failures[0].reason)
        return articles

    def extract_paths(self, paths: Iterable[Path]) -> Iterator[Outcome]:
        """Process many inputs; a bad input or a failing stage never stops the batch."""
        for item in read_paths(list(paths), self.settings.max_input_bytes):
            if isinstance(item, InputFailure):
                yield Outcome(failure=item)
                continue
            try:
                with time_budget(self.settings.article_time_budget_s):
                    article = self.pipeline.run(item)
            except ArticleTimeout as timeout:
                path = item.meta.input_path or "<input>"
                yield Outcome(failure=InputFailure(path, str(timeout)))
                continue
            yield Outcome(article=article)


def extract_text(
    text: str,
    *,
    source_url: str | None = None,
    published: str | None = None,
    external_id: str | None = None,
    path: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """One-off extraction with a fresh Extractor (build an Extractor to process many)."""
    return Extractor(settings).extract_text(
        text, source_url=source_url, published=published, external_id=external_id, path=path
    )
