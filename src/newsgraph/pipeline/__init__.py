"""Stage protocol, registry of named stages, and the runner with its error policy.

A stage declares `name`, the layers it `requires` and `provides`, loads its models and lexicons once in
`setup()`, and enriches an Article in `__call__`. Stages plug in by name with `@register_stage`; the
Pipeline checks at build time that each requirement is provided by an earlier stage.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import ClassVar, Protocol, runtime_checkable

from newsgraph import __version__
from newsgraph.errors import ConfigError, NewsgraphError, StageError
from newsgraph.model import Article, StageFailure
from newsgraph.settings import Settings

# Layers present on an Article straight from ingest.
INGEST_LAYERS = frozenset({"raw", "meta"})
STAGE_MODULES = ("clean", "language", "nlp", "entities", "times", "quotes", "events")


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


StageFactory = Callable[[Settings], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Class decorator registering a stage factory under `name`."""

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def _load_builtin_stages() -> None:
    for module in STAGE_MODULES:
        name = f"newsgraph.stages.{module}"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise


def available_stages() -> list[str]:
    """Names of every registered stage."""
    _load_builtin_stages()
    return sorted(_REGISTRY)


def create_stage(name: str, settings: Settings) -> Stage:
    """Instantiate a registered stage."""
    _load_builtin_stages()
    if name not in _REGISTRY:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"unknown stage {name!r}; known stages: {known}")
    return _REGISTRY[name](settings)


class Pipeline:
    """An ordered list of stages, checked for requirements, run article by article."""

    def __init__(self, stages: list[Stage], settings: Settings) -> None:
        self.stages = stages
        self.settings = settings
        self._check_requirements()
        self._ready = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        """Build the pipeline named by `settings.stages`."""
        return cls([create_stage(name, settings) for name in settings.stages], settings)

    def _check_requirements(self) -> None:
        provided = set(INGEST_LAYERS)
        for stage in self.stages:
            missing = [layer for layer in stage.requires if layer not in provided]
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                    "provides; put the providing stage before it"
                )
            provided.update(stage.provides)

    def setup(self) -> None:
        """Load every stage's models once."""
        if not self._ready:
            for stage in self.stages:
                stage.setup()
            self._ready = True

    def run(self, article: Article) -> Article:
        """Run all stages; a failing stage is recorded on the article (or raised when strict)."""
        self.setup()
        article.provenance.newsgraph_version = __version__
        for stage in self.stages:
            try:
                article = stage(article)
                article.provenance.stages.append(stage.name)
            except Exception as error:
                failure = StageError(stage.name, article.id, error)
                if self.settings.strict:
                    raise failure from error
                article.failures.append(StageFailure(stage=stage.name, message=str(failure)))
                if isinstance(error, NewsgraphError) and stage.name in ("clean", "language"):
                    break
        return article

    def run_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run the pipeline over many articles, never stopping on one."""
        for article in articles:
            yield self.run(article)
