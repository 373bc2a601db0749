"""Shared helpers for the per-language resource tests: hand-built articles run through real stages."""

from __future__ import annotations

from newsgraph.api import Extractor
from newsgraph.gazetteer import load_gazetteer
from newsgraph.model import Article, Entity, Meta, Span
from newsgraph.settings import Settings
from newsgraph.stages.clean import CleanStage
from newsgraph.stages.times import TimesStage

PUBLISHED = "2024-10-16"  # a Wednesday


def time_values(text: str, lang: str, published: str = PUBLISHED) -> dict[str, str]:
    """Times stage on one sentence: expression text -> normalised value."""
    article = Article(
        text=text,
        lang=lang,
        meta=Meta(published=published),
        sentences=[Span(start=0, end=len(text), text=text)],
    )
    stage = TimesStage(Settings())
    stage.setup()
    return {time.text: time.value for time in stage(article).times}


def cleaned(raw: str) -> Article:
    """Clean stage on a raw page text."""
    return CleanStage(Settings())(Article(raw=raw, meta=Meta()))


def country_of(lang: str, surface: str, form: str) -> str | None:
    """ISO alpha-3 of a country surface form (name, genitive or adjective) in a language."""
    gazetteer = load_gazetteer(lang)
    if form == "adjective":
        return gazetteer.adjective_country(surface)
    match = gazetteer.best(surface, (form,))
    return match.place.country if match else None


def extract(text: str, lang: str, published: str = PUBLISHED) -> Article:
    """The full default pipeline on a raw text in a known language."""
    return Extractor(Settings()).extract_text(text, lang=lang, published=published)


def entity_named(article: Article, name: str) -> Entity:
    """The entity whose name is `name` (fails the test when there is none)."""
    found = [entity for entity in article.entities if entity.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in article.entities]}"
    return found[0]
