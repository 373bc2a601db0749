"""Stage contract, registry of named stages, and the pipeline with its error policy.

A stage declares `name`, the layers it `requires` and `provides`, loads its models and lexicons once
in `setup()`, and enriches articles in batches through `pipe(articles)` (or one at a time through
`__call__`). Stages are found by name through the `newsgraph.stages` entry-point group
(`pipeline.registry`). The Pipeline checks at build time that each requirement is provided by an
earlier stage, runs batches end to end through every stage, and checks after each stage that the
layers it promised are set.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator

from newsgraph import __version__
from newsgraph.collector import collector_paused
from newsgraph.errors import ConfigError, NewsgraphError, StageError
from newsgraph.model import Article, StageFailure
from newsgraph.pipeline.contract import (
    INGEST_LAYERS,
    BatchStage,
    PerArticle,
    Stage,
    missing_layers,
    unknown_layers,
)
from newsgraph.pipeline.registry import (
    ENTRY_POINT_GROUP,
    StageFactory,
    available_stages,
    create_stage,
    register_stage,
    stage_factory,
)
from newsgraph.settings import Settings

# A NewsgraphError in these stages means there is no article to analyse: later stages are skipped.
STOPPING_STAGES = ("clean", "language")
# Allocations between collections of the youngest generation once the models are loaded
# (Python's default is 700).
GC_YOUNG_THRESHOLD = 50_000

__all__ = [
    "ENTRY_POINT_GROUP",
    "INGEST_LAYERS",
    "BatchStage",
    "PerArticle",
    "Pipeline",
    "Stage",
    "StageFactory",
    "available_stages",
    "create_stage",
    "register_stage",
    "stage_factory",
]

StageResult = Article | Exception


class Pipeline:
    """An ordered list of stages, checked for requirements, run over batches of articles."""

    def __init__(self, stages: list[Stage], settings: Settings) -> None:
        self.stages = stages
        self.settings = settings
        self._check_requirements()
        self._ready = False
        # CPU seconds spent in each stage by this process, for cost tables and benchmarks.
        self.stage_seconds: dict[str, float] = dict.fromkeys((s.name for s in stages), 0.0)

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        """Build the pipeline named by `settings.stages`."""
        return cls([create_stage(name, settings) for name in settings.stages], settings)

    @property
    def batch_size(self) -> int:
        """Articles that travel through the stages together (`nlp_batch_size`)."""
        return max(1, self.settings.nlp_batch_size)

    def _check_requirements(self) -> None:
        provided = set(INGEST_LAYERS)
        for stage in self.stages:
            unknown = unknown_layers(stage)
            if unknown:
                raise ConfigError(
                    f"stage {stage.name!r} names {', '.join(unknown)}, which the Article record "
                    "does not have; requires/provides must name Article fields"
                )
            missing = [layer for layer in stage.requires if layer not in provided]
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                    "provides; put the providing stage before it"
                )
            provided.update(stage.provides)

    def setup(self) -> None:
        """Load every stage's models once.

        What setup loaded (models, gazetteers: millions of small objects) lives as long as the
        process, so it is moved out of the garbage collector's reach (`gc.freeze`): otherwise
        every full collection walks it again, seconds that land on whichever article is running,
        and in forked workers the walk would also copy the shared pages.
        """
        if not self._ready:
            # Collections while millions of long-lived objects arrive would walk them again and
            # again (a third of a second of start-up). Nor is there one before freezing: loading
            # leaves next to no cyclic garbage (a few thousand objects of spaCy's config parsing),
            # and a full collection over everything loaded costs 0.15-0.4 s of every start. The
            # freeze comes inside the pause: the first collection after it would otherwise walk
            # every object the set-up made, all still in the youngest generation.
            with collector_paused():
                for stage in self.stages:
                    stage.setup()
                gc.freeze()
            # An article allocates hundreds of thousands of short-lived records (tokens, words,
            # matches) and few cycles: collecting the youngest generation every 700 allocations
            # spends a tenth of the CPU walking objects that are about to be freed anyway.
            if gc.get_threshold()[0] < GC_YOUNG_THRESHOLD:
                gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
            self._ready = True

    def run(self, article: Article) -> Article:
        """Run all stages on one article; a failing stage is recorded (or raised when strict)."""
        return self.run_batch([article])[0]

    def run_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run the pipeline over many articles in batches, never stopping on one."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)

    def run_batch(self, articles: list[Article]) -> list[Article]:
        """Run one batch through every stage in turn; the articles come back in input order."""
        self.setup()
        results = list(articles)
        for article in results:
            article.provenance.newsgraph_version = __version__
        active = list(range(len(results)))
        for stage in self.stages:
            if not active:
                break
            started = time.process_time()
            outcomes = self._run_stage(stage, [results[i] for i in active])
            self.stage_seconds[stage.name] += time.process_time() - started
            still_active = []
            for index, outcome in zip(active, outcomes, strict=True):
                if isinstance(outcome, Article):
                    results[index] = outcome
                    outcome = self._checked(stage, outcome)
                if isinstance(outcome, Exception):
                    self._record(stage, results[index], outcome)
                    stops = isinstance(outcome, NewsgraphError) and stage.name in STOPPING_STAGES
                    if stops:
                        continue
                else:
                    outcome.provenance.stages.append(stage.name)
                still_active.append(index)
            active = still_active
        return results

    def _run_stage(self, stage: Stage, batch: list[Article]) -> list[StageResult]:
        """The stage's output for each article of the batch, or the exception it raised."""
        if isinstance(stage, BatchStage) and len(batch) > 1:
            try:
                out = list(stage.pipe(batch))
            except Exception:
                # One bad article must not cost the others: redo the batch one by one.
                pass
            else:
                if len(out) == len(batch):
                    return list(out)
        outcomes: list[StageResult] = []
        for article in batch:
            try:
                outcomes.append(stage(article))
            except Exception as error:
                if self.settings.strict:
                    raise StageError(stage.name, article.id, error) from error
                outcomes.append(error)
        return outcomes

    def _checked(self, stage: Stage, article: Article) -> StageResult:
        """The article, or a StageError when the stage left a promised layer unset."""
        missing = missing_layers(stage, article)
        if not missing:
            return article
        error = StageError(stage.name, article.id, f"left {', '.join(missing)} unset")
        if self.settings.strict:
            raise error
        return error

    def _record(self, stage: Stage, article: Article, error: Exception) -> None:
        failure = (
            error if isinstance(error, StageError) else StageError(stage.name, article.id, error)
        )
        article.failures.append(StageFailure(stage=stage.name, message=str(failure)))
