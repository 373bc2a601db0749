"""The PLOVER ontology: categories, their modes and legacy names, read from resources/common/plover.toml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.errors import ConfigError
from newsgraph.resources import COMMON, load_resource


@dataclass(frozen=True)
class Category:
    """One PLOVER category with its modes (name -> description)."""

    name: str
    description: str
    quad: str
    directed: bool
    modes: dict[str, str] = field(default_factory=dict)
    place_target: bool = False
    place_source: bool = False
    political_act: bool = False


@dataclass(frozen=True)
class Ontology:
    """The categories PLOVER defines and the older names that map onto them."""

    version: str
    categories: dict[str, Category]
    legacy: dict[str, str]
    intent_cooperation: str = "AGREE"
    intent_conflict: str = "THREATEN"
    refused: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str | None:
        """The current category for `name` (current or legacy, any case); None when unknown."""
        upper = name.strip().upper()
        if upper in self.categories:
            return upper
        return self.legacy.get(upper)

    def category(self, name: str) -> Category:
        """The category called `name`; ConfigError when PLOVER has no such category."""
        canonical = self.canonical(name)
        if canonical is None:
            known = ", ".join(self.categories)
            raise ConfigError(f"unknown PLOVER category {name!r}; known: {known}")
        return self.categories[canonical]

    def intent(self, category: str) -> str:
        """The category of an announced or planned `category` event (AGREE or THREATEN)."""
        quad = self.category(category).quad
        return self.intent_cooperation if quad.endswith("cooperation") else self.intent_conflict

    def check_mode(self, category: str, mode: str | None) -> None:
        """Raise ConfigError when `mode` is not a mode of `category`."""
        if mode is None:
            return
        if mode not in self.category(category).modes:
            known = ", ".join(self.category(category).modes) or "none"
            raise ConfigError(f"PLOVER category {category} has no mode {mode!r}; modes: {known}")


def _category(name: str, table: dict[str, object]) -> Category:
    modes = table.get("modes", {})
    if not isinstance(modes, dict):
        raise ConfigError(f"plover.toml: modes of {name} must be a table")
    return Category(
        name=name,
        description=str(table.get("description", "")),
        quad=str(table.get("quad", "")),
        directed=bool(table.get("directed", True)),
        modes={str(key): str(value) for key, value in modes.items()},
        place_target=bool(table.get("place_target", False)),
        place_source=bool(table.get("place_source", False)),
        political_act=bool(table.get("political_act", False)),
    )


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Read the PLOVER ontology once."""
    data = load_resource(COMMON, "plover")
    categories = data.get("categories")
    if not isinstance(categories, dict) or not categories:
        raise ConfigError("resources/common/plover.toml: no [categories] found")
    legacy = {str(k).upper(): str(v).upper() for k, v in data.get("legacy", {}).items()}
    for old, new in legacy.items():
        if new not in categories:
            raise ConfigError(f"plover.toml: legacy name {old} maps to unknown category {new}")
    recode = data.get("recode", {})
    ontology = Ontology(
        version=str(data.get("version", "")),
        categories={name: _category(name, table) for name, table in categories.items()},
        legacy=legacy,
        intent_cooperation=str(recode.get("intent_cooperation", "AGREE")),
        intent_conflict=str(recode.get("intent_conflict", "THREATEN")),
        refused={str(k): str(v) for k, v in recode.get("refused", {}).items()},
    )
    for name in (ontology.intent_cooperation, ontology.intent_conflict, *ontology.refused.values()):
        ontology.category(name)
    return ontology
