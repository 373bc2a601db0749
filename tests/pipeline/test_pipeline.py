"""The stage registry, requirement checks and the error policy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

import pytest

from newsgraph.errors import ConfigError, StageError
from newsgraph.model import Article, Span
from newsgraph.pipeline import ENTRY_POINT_GROUP, Pipeline, available_stages, create_stage
from newsgraph.settings import Settings


class Exploding:
    name: ClassVar[str] = "exploding"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("entities",)

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


class Splitting:
    """A batch stage that records how it was called and fails on texts holding 'bad'."""

    name: ClassVar[str] = "splitting"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("sentences",)

    def __init__(self) -> None:
        self.batches: list[int] = []

    def setup(self) -> None:
        pass

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        batch = list(articles)
        self.batches.append(len(batch))
        for article in batch:
            if "bad" in article.text:
                raise ValueError("bad text")
            article.sentences = [article.span(0, len(article.text))]
        yield from batch


class Forgetful:
    """Promises sentences and never sets them."""

    name: ClassVar[str] = "forgetful"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("sentences",)

    def setup(self) -> None:
        pass

    def __call__(self, article: Article) -> Article:
        return article


def test_builtin_stages_are_declared_as_entry_points() -> None:
    from importlib.metadata import entry_points

    declared = {point.name for point in entry_points(group=ENTRY_POINT_GROUP)}
    assert {"clean", "language", "nlp", "entities", "times", "quotes", "events"} <= declared


def test_run_many_hands_batch_stages_whole_batches() -> None:
    settings = Settings(nlp_batch_size=3)
    splitting = Splitting()
    pipeline = Pipeline([create_stage("clean", settings), splitting], settings)
    texts = [f"Setning nummer {n}." for n in range(7)]
    results = list(pipeline.run_many(Article(raw=text) for text in texts))
    assert splitting.batches == [3, 3, 1]
    assert [a.text for a in results] == texts
    assert all(a.sentences == [Span(start=0, end=len(a.text), text=a.text)] for a in results)
    assert all(a.provenance.stages == ["clean", "splitting"] for a in results)


def test_one_failing_article_in_a_batch_costs_only_that_article() -> None:
    settings = Settings(nlp_batch_size=8)
    pipeline = Pipeline([create_stage("clean", settings), Splitting()], settings)
    texts = ["Dette går fint.", "Dette er bad.", "Også fint."]
    results = list(pipeline.run_many(Article(raw=text) for text in texts))
    assert [a.failures == [] for a in results] == [True, False, True]
    assert "bad text" in results[1].failures[0].message
    assert results[0].sentences and results[2].sentences


def test_stage_leaving_a_promised_layer_unset_is_recorded() -> None:
    settings = Settings()
    pipeline = Pipeline([create_stage("clean", settings), Forgetful()], settings)
    article = pipeline.run(Article(raw="Teksten er her."))
    assert article.failures[0].stage == "forgetful"
    assert "left sentences unset" in article.failures[0].message
    assert article.provenance.stages == ["clean"]


def test_stage_naming_a_layer_the_article_lacks_is_a_config_error() -> None:
    class Odd(Forgetful):
        provides: ClassVar[tuple[str, ...]] = ("boom",)

    with pytest.raises(ConfigError, match="boom"):
        Pipeline([create_stage("clean", Settings()), Odd()], Settings())


def test_setup_raises_the_young_generation_threshold_once_models_are_loaded() -> None:
    import gc

    from newsgraph.pipeline import GC_YOUNG_THRESHOLD

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, *saved[1:])
        settings = Settings()
        Pipeline([create_stage("clean", settings), Exploding()], settings).setup()
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, *saved[1:])
    finally:
        gc.set_threshold(*saved)
        gc.unfreeze()


class Watching:
    """Notes whether the garbage collector runs while it sets up."""

    name: ClassVar[str] = "watching"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        self.collecting: bool | None = None

    def setup(self) -> None:
        import gc

        self.collecting = gc.isenabled()

    def __call__(self, article: Article) -> Article:
        return article


def test_stages_set_up_without_collections_and_the_collector_comes_back() -> None:
    import gc

    settings = Settings()
    watching = Watching()
    try:
        assert gc.isenabled()
        Pipeline([create_stage("clean", settings), watching], settings).setup()
        assert watching.collecting is False
        assert gc.isenabled()
        gc.disable()
        again = Watching()
        Pipeline([create_stage("clean", settings), again], settings).setup()
        assert again.collecting is False and not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
