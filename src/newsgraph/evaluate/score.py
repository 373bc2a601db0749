"""Score one article against one gold dict: every layer, attribute and meta check."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from newsgraph.evaluate.events import score_events
from newsgraph.evaluate.layers import score_entities, score_quotes, score_times
from newsgraph.evaluate.meta import check_meta
from newsgraph.evaluate.result import LayerResult
from newsgraph.evaluate.scores import ArticleScore
from newsgraph.model import Article

LayerScorer = Callable[[Article, Mapping[str, Any]], LayerResult]

LAYER_SCORERS: dict[str, LayerScorer] = {
    "entities": score_entities,
    "quotes": score_quotes,
    "times": score_times,
    "events": score_events,
}


def score_article(article: Article, gold: Mapping[str, Any]) -> ArticleScore:
    """Score `article` against a parsed gold file (see shared/gold/README.md for its fields)."""
    score = ArticleScore()
    for layer, scorer in LAYER_SCORERS.items():
        result = scorer(article, gold)
        score.scores.layers[layer] = result.counts
        for name, attribute in result.attributes.items():
            score.scores.attributes[name].add(attribute)
        score.missed[layer] = result.missed
        score.spurious[layer] = result.spurious
        score.wrong[layer] = result.wrong
    score.meta_checks = check_meta(article, gold)
    for check in score.meta_checks:
        score.scores.meta.record(check.passed)
    return score
