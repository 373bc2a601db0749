"""Name and text normalisation shared by every matching rule of the evaluation."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsgraph.model import Article, Entity


def normalise(text: str) -> str:
    """NFKC, casefold and collapse whitespace: the form every name comparison uses."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def normalise_all(texts: Iterable[str | None]) -> set[str]:
    """The normalised forms of the non-empty texts."""
    return {form for text in texts if text and (form := normalise(text))}


def entity_names(entity: Entity) -> set[str]:
    """Every normalised name an entity goes by: its name, canonical name and mention texts."""
    return normalise_all([entity.name, entity.canonical, *(m.text for m in entity.mentions)])


def entities_names(article: Article, entity_ids: Iterable[str | None]) -> list[set[str]]:
    """The names of each entity id that exists in the article (unknown ids are skipped)."""
    found = (article.entity(entity_id) for entity_id in entity_ids if entity_id)
    return [entity_names(entity) for entity in found if entity is not None]


class GoldNames:
    """Expands a name used in gold (speaker, actor, location) to its gold entity's aliases."""

    def __init__(self, gold_entities: Sequence[Mapping[str, Any]]) -> None:
        self._groups: list[set[str]] = [
            normalise_all([entity.get("name"), *entity.get("aliases", [])])
            for entity in gold_entities
        ]

    def expand(self, name: str) -> set[str]:
        """The normalised name plus the aliases of the gold entity it names, if any."""
        form = normalise(name)
        for group in self._groups:
            if form in group:
                return group
        return {form}

    def matches(self, name: str, candidates: Iterable[set[str]]) -> bool:
        """Whether any candidate name set shares a name with `name` or its aliases."""
        wanted = self.expand(name)
        return any(wanted & names for names in candidates)
