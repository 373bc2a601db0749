"""The events stage: PLOVER-coded events with actors, place, date and evidence (newsgraph.events)."""

from __future__ import annotations

from typing import ClassVar

from newsgraph.errors import ConfigError
from newsgraph.events import EventCoder, GazetteerGeo, Geo, NoGeo, load_lexicon
from newsgraph.model import Article
from newsgraph.pipeline import PerArticle
from newsgraph.resources import base_language, resource_languages_of, resource_version
from newsgraph.settings import Settings


class EventsStage(PerArticle):
    """Fills `article.events`; languages without an events lexicon get none."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = (
        "text",
        "lang",
        "sentences",
        "tokens",
        "entities",
        "times",
    )
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.coders: dict[str, EventCoder] = {}

    def setup(self) -> None:
        """Build the coder of the preloaded languages; others load on first use."""
        for lang in resource_languages_of(self.settings.preload_languages):
            self.coder(lang)

    def coder(self, lang: str) -> EventCoder | None:
        """The event coder of a language (resource folder), built on first use; None when the
        language has no events lexicon."""
        if lang not in self.coders:
            lexicon = load_lexicon(lang)
            if not lexicon.rules:
                return None
            self.coders[lang] = EventCoder(lexicon, self._geo(lang), gate=self.settings.event_gate)
        return self.coders[lang]

    @staticmethod
    def _geo(lang: str) -> Geo:
        """The gazetteer of the language; without one, actors keep only their entities' countries."""
        try:
            return GazetteerGeo(lang)
        except ConfigError:
            return NoGeo()

    def __call__(self, article: Article) -> Article:
        """Code the article's events."""
        lang = base_language(article.lang)
        coder = self.coder(lang)
        if coder is None:
            article.events = []
            return article
        article.events = coder.code(article)
        article.provenance.lexicons[f"events:{lang}"] = resource_version(lang, "events")
        return article
