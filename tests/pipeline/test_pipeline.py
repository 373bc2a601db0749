"""The stage registry, requirement checks and the error policy."""

from __future__ import annotations

from typing import ClassVar

import pytest

from newsgraph.errors import ConfigError, StageError
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, available_stages, create_stage
from newsgraph.settings import Settings


class Exploding:
    name: ClassVar[str] = "exploding"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("boom",)

    def setup(self) -> None:
        pass

    def __call__(self, article: Article) -> Article:
        raise ValueError("kaboom")


def test_builtin_stages_are_registered() -> None:
    assert {"clean", "language", "nlp"} <= set(available_stages())


def test_unknown_stage_is_a_config_error_listing_known_ones() -> None:
    with pytest.raises(ConfigError, match="known stages"):
        create_stage("nope", Settings())


def test_missing_requirement_is_caught_at_build_time() -> None:
    settings = Settings(stages=["language"])
    with pytest.raises(ConfigError, match="requires text"):
        Pipeline.from_settings(settings)


def test_failing_stage_is_recorded_and_article_kept() -> None:
    settings = Settings()
    pipeline = Pipeline([create_stage("clean", settings), Exploding()], settings)
    article = pipeline.run(Article(raw="Teksten er her."))
    assert article.text == "Teksten er her."
    assert article.failures[0].stage == "exploding"
    assert "kaboom" in article.failures[0].message
    assert article.provenance.stages == ["clean"]


def test_strict_mode_raises_stage_error() -> None:
    settings = Settings(strict=True)
    pipeline = Pipeline([create_stage("clean", settings), Exploding()], settings)
    with pytest.raises(StageError, match="exploding"):
        pipeline.run(Article(raw="Teksten er her."))


def test_batch_continues_after_a_failure() -> None:
    settings = Settings()
    pipeline = Pipeline([create_stage("clean", settings), Exploding()], settings)
    results = list(pipeline.run_many([Article(raw="A."), Article(raw="B.")]))
    assert [a.text for a in results] == ["A.", "B."]
