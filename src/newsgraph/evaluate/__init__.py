"""Scoring the extractor's output against hand-checked gold files (shared/gold/README.md).

`score_article(article, gold)` is a pure function; `evaluate_gold_dir(path)` runs the pipeline on
every gold file of a folder and returns a Report with sums overall and per language.
"""

from newsgraph.evaluate.gold import GoldDoc
from newsgraph.evaluate.runner import Extractor, evaluate_gold_dir, pipeline_extractor
from newsgraph.evaluate.score import score_article
from newsgraph.evaluate.scores import (
    ATTRIBUTES,
    LAYERS,
    ArticleScore,
    AttributeScore,
    FileScore,
    LayerScore,
    MetaCheck,
    Report,
    Scores,
)

__all__ = [
    "ATTRIBUTES",
    "LAYERS",
    "ArticleScore",
    "AttributeScore",
    "Extractor",
    "FileScore",
    "GoldDoc",
    "LayerScore",
    "MetaCheck",
    "Report",
    "Scores",
    "evaluate_gold_dir",
    "pipeline_extractor",
    "score_article",
]
