"""The entities stage: raw NER spans + gazetteer + role patterns -> resolved entities.

Reads the `nlp` stage's tokens and names (no spaCy here), adds the places and organisations the
NER missed, gives persons their titles and countries, merges mentions into entities and numbers
them e1, e2, ... by first mention. Linking helpers for later stages live in newsgraph.entities.
"""

from __future__ import annotations

from typing import ClassVar

from newsgraph.entities import find_entities
from newsgraph.entities.lexicon import load_lexicon
from newsgraph.entities.merge import CANONICAL_LANGUAGE
from newsgraph.gazetteer import load_adjectives, load_gazetteer
from newsgraph.knowledge import knowledge_version, load_knowledge
from newsgraph.model import Article
from newsgraph.pipeline import PerArticle
from newsgraph.resources import COMMON, base_language, resource_languages_of, resource_version
from newsgraph.settings import Settings

RESOURCES = ("countries", "titles", "organisations", "entities", "actors")


class EntitiesStage(PerArticle):
    """Finds, types, titles and merges the entities of an article."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("text", "lang", "sentences", "tokens", "names")
    provides: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self) -> None:
        """Read the actor knowledge, the nationality adjectives of canonical names, and the
        gazetteer of every preloaded language (CLDR's names for one without resource files)
        and the lexicon of each with them (compiled once into the resource cache); other
        languages load on first use."""
        load_knowledge()
        load_adjectives(CANONICAL_LANGUAGE)
        for lang in self.settings.preload_languages:
            load_gazetteer(lang)
        for lang in resource_languages_of(self.settings.preload_languages):
            load_lexicon(lang)

    def __call__(self, article: Article) -> Article:
        """Fill `article.entities`."""
        article.entities = find_entities(article)
        lang = base_language(article.lang)
        for resource in RESOURCES:
            article.provenance.lexicons[f"{lang}/{resource}"] = resource_version(lang, resource)
        article.provenance.lexicons["common/actors"] = resource_version(COMMON, "actors")
        article.provenance.lexicons["common/actors.json.gz"] = knowledge_version()
        return article
