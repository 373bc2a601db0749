"""Where stages are found: the `newsgraph.stages` entry-point group, plus stages registered in code.

A package adds a stage by declaring it in its own metadata, as spaCy registers factories:

    [project.entry-points."newsgraph.stages"]
    my_stage = "my_package.module:MyStage"

The object an entry point names is a stage factory: called with the Settings, it returns a stage.
Any process with the package installed (a forked or spawned worker, a remote runner) finds the
stage by name without importing its module by hand. `register_stage` registers a factory in the
running process only, for tests and notebooks; it wins over an entry point of the same name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import EntryPoint, entry_points

from newsgraph.errors import ConfigError
from newsgraph.pipeline.contract import Stage
from newsgraph.settings import Settings

ENTRY_POINT_GROUP = "newsgraph.stages"
StageFactory = Callable[[Settings], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator registering a stage factory under `name` in this process."""

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


@lru_cache(maxsize=1)
def _entry_points() -> dict[str, EntryPoint]:
    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


def registering_modules() -> list[str]:
    """Modules whose `register_stage` calls this process ran (not `__main__`): a spawned worker
    imports them, so a stage registered in code (not by an entry point) exists there too."""
    return sorted(
        {factory.__module__ for factory in _REGISTRY.values()} - {"__main__", "__mp_main__"}
    )


def available_stages() -> list[str]:
    """Names of every stage an installed package declares or this process registered."""
    return sorted(set(_entry_points()) | set(_REGISTRY))


def stage_factory(name: str) -> StageFactory:
    """The factory of a stage by name; ConfigError naming the known stages when there is none."""
    if name in _REGISTRY:
        return _REGISTRY[name]
    points = _entry_points()
    if name in points:
        try:
            factory: StageFactory = points[name].load()
        except (ImportError, AttributeError) as error:
            raise ConfigError(
                f"stage {name!r}: cannot load entry point {points[name].value!r} ({error})"
            ) from error
        return factory
    known = ", ".join(available_stages())
    if not known:
        raise ConfigError(
            f"unknown stage {name!r}: no package declares any {ENTRY_POINT_GROUP!r} entry point; "
            "install newsgraph (pip install -e .) so its metadata is found"
        )
    raise ConfigError(f"unknown stage {name!r}; known stages: {known}")


def create_stage(name: str, settings: Settings) -> Stage:
    """Instantiate a stage by name."""
    return stage_factory(name)(settings)
