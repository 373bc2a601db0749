"""The stage contract: what a stage declares and the two ways it is called.

    name, requires, provides   class attributes: the stage's name and the Article layers it
                               reads and writes (checked when the pipeline is built)
    setup()                    load models and lexicons once, before the first article
    pipe(articles) -> articles a batch in, the same articles out, in the same order
    __call__(article)          one article; a convenience that runs a batch of one

Stages that gain from batching (the nlp stage streams through spaCy's `nlp.pipe`) implement
`pipe`; the others inherit it from `PerArticle`, which maps `__call__`. A stage without `pipe`
(written against the older contract) still works: the pipeline maps `__call__` itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar, Protocol, runtime_checkable

from newsgraph.model import Article

# Layers present on an Article straight from ingest.
INGEST_LAYERS = frozenset({"raw", "meta"})
# Layers that must hold something whenever the article has text.
NON_EMPTY_WITH_TEXT = frozenset({"sentences", "tokens"})


@runtime_checkable
class Stage(Protocol):
    """What every pipeline stage offers."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def setup(self) -> None:
        """Load models and lexicons once."""

    def __call__(self, article: Article) -> Article:
        """Add this stage's layer to the article and return it."""


@runtime_checkable
class BatchStage(Stage, Protocol):
    """A stage that also takes batches."""

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Add this stage's layer to every article, yielding them in input order."""


class PerArticle:
    """Mixin giving a per-article stage the batch call."""

    def __call__(self, article: Article) -> Article:  # pragma: no cover - overridden
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run `__call__` on each article in turn."""
        for article in articles:
            yield self(article)


def unknown_layers(stage: Stage) -> list[str]:
    """Layers a stage names that the Article record does not have."""
    known = set(Article.model_fields)
    return [layer for layer in (*stage.requires, *stage.provides) if layer not in known]


def missing_layers(stage: Stage, article: Article) -> list[str]:
    """Layers the stage promised but left unset on this article (None, or empty over text)."""
    missing = []
    for layer in stage.provides:
        value = getattr(article, layer, None)
        if value is None or (layer in NON_EMPTY_WITH_TEXT and not value and article.text.strip()):
            missing.append(layer)
    return missing
