"""Whole invented articles through clean, language, nlp and entities with the shipped models.

Assertions hold for any reasonable NER: they check what the entity layer's own rules decide
(outlets are organisations, calendar words and common nouns are no names, titles give countries
only when the text names one), not which spans a particular model finds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import article_from_text
from newsgraph.model import Article, Entity, Meta
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.stages.nlp import bundled_model_path

ARTICLES = Path(__file__).resolve().parent / "articles"
CALENDAR_WORDS = {
    "monday",
    "tuesday",
    "sunday",
    "march",
    "mandag",
    "tirsdag",
    "fredag",
    "desember",
    "måndag",
    "tisdagen",
    "dienstag",
    "mittwoch",
}

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    for lang in ("nb", "en"):
        if bundled_model_path(lang) is None:
            pytest.skip(f"no shipped {lang} pipeline")
    settings = Settings(stages=["clean", "language", "nlp", "entities"])
    return Pipeline.from_settings(settings)


def run(pipeline: Pipeline, name: str) -> Article:
    path = ARTICLES / name
    article = pipeline.run(
        article_from_text(path.read_text(encoding="utf-8"), Meta(), name, "text")
    )
    assert not article.failures, article.failures
    return article


def named(article: Article, name: str) -> Entity | None:
    return next((e for e in article.entities if e.name == name), None)


def assert_organisation(article: Article, name: str, country: str | None) -> None:
    entity = named(article, name)
    assert entity is not None, [e.name for e in article.entities]
    assert (entity.type, entity.country) == ("ORG", country)


def assert_no_calendar_names(article: Article) -> None:
    for entity in article.entities:
        assert entity.name.lower() not in CALENDAR_WORDS
        assert not any(word in CALENDAR_WORDS for word in entity.name.lower().split()[1:])


def test_english_agencies_are_organisations_and_titles_give_countries(pipeline: Pipeline) -> None:
    article = run(pipeline, "en-ukraine-india-pact.txt")
    for outlet, country in [("Interfax", "RUS"), ("Reuters", "GBR"), ("AFP", "FRA")]:
        assert_organisation(article, outlet, country)
    for outlet, country in [("BBC", "GBR"), ("Xinhua", "CHN"), ("CNN", "USA")]:
        entity = named(article, outlet)
        assert entity is None or (entity.type, entity.country) == ("ORG", country)
    assert_no_calendar_names(article)
    klimkin = named(article, "Pavlo Klimkin")
    assert klimkin is not None and klimkin.country == "UKR"
    modi = named(article, "Narendra Modi")
    assert modi is None or (modi.country, modi.country_from) == ("IND", "knowledge")
    for state in ("Uttarakhand", "Maharashtra"):
        place = named(article, state)
        assert place is None or (place.type, place.country) == ("GPE", "IND")


def test_english_states_and_titles_in_a_disaster_report(pipeline: Pipeline) -> None:
    article = run(pipeline, "en-uttarakhand-flood.txt")
    assert_organisation(article, "Reuters", "GBR")
    for state in ("Uttarakhand", "Himachal Pradesh", "Punjab"):
        place = named(article, state)
        assert place is None or place.country == "IND"
    blinken = named(article, "Antony Blinken")
    assert blinken is not None and blinken.country == "USA"
    assert not any(e.type == "PER" and e.name == "Monday" for e in article.entities)


def test_norwegian_outlets_calendar_words_and_common_nouns(pipeline: Pipeline) -> None:
    article = run(pipeline, "nb-forsvaret-finnmark.txt")
    for outlet in ("NTB", "NRK", "VG"):
        assert_organisation(article, outlet, "NOR")
    assert_organisation(article, "Interfax", "RUS")
    assert named(article, "Øvelsen") is None
    assert_no_calendar_names(article)
    solberg = named(article, "Erna Solberg")
    assert solberg is not None and (solberg.country, solberg.country_from) == ("NOR", "knowledge")
    gram = named(article, "Bjørn Arild Gram")
    assert gram is not None and gram.country == "NOR"


def test_norwegian_genitive_titles_and_sources(pipeline: Pipeline) -> None:
    article = run(pipeline, "nb-nord-norge-veier.txt")
    assert_organisation(article, "NRK", "NOR")
    rubio = named(article, "Marco Rubio")
    assert rubio is not None and rubio.country == "USA"
    store = named(article, "Jonas Gahr Støre")
    assert store is not None and (store.country, store.country_from) == ("NOR", "knowledge")
    assert_no_calendar_names(article)


@pytest.mark.parametrize(
    ("name", "outlets"),
    [
        ("nn-brann-bergen.txt", [("NRK", "NOR")]),
        ("sv-storm-stockholm.txt", [("TT", "SWE"), ("SVT", "SWE")]),
        ("da-storm-kobenhavn.txt", [("Ritzau", "DNK")]),
        ("de-sturm-hamburg.txt", [("Reuters", "GBR")]),
    ],
)
def test_other_languages_run_cleanly_and_know_outlets(
    pipeline: Pipeline, name: str, outlets: list[tuple[str, str]]
) -> None:
    article = run(pipeline, name)
    for outlet, country in outlets:
        assert_organisation(article, outlet, country)
    assert_no_calendar_names(article)
