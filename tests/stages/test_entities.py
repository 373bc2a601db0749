"""The entities stage: registration, layer contract, and end to end with the shipped models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from entities.article_builder import build_article

from newsgraph.evaluate.layers import score_entities
from newsgraph.ingest import article_from_text
from newsgraph.model import Article, Meta
from newsgraph.pipeline import Pipeline, create_stage
from newsgraph.settings import Settings
from newsgraph.stages import entities as entities_stage
from newsgraph.stages.entities import EntitiesStage
from newsgraph.stages.nlp import NlpStage
from stages.models import model_path

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO.parent / "shared" / "gold" / "nb" / "nguoiduatin-belousov-beijing.gold.json"


def test_entities_stage_is_registered_with_its_layers() -> None:
    stage = create_stage("entities", Settings())
    assert isinstance(stage, EntitiesStage)
    assert stage.requires == ("text", "lang", "sentences", "tokens", "names")
    assert stage.provides == ("entities",)


def test_entities_stage_setup_loads_the_gazetteer_of_a_preloaded_language_without_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded: list[str | None] = []
    monkeypatch.setattr(entities_stage, "load_gazetteer", loaded.append)
    monkeypatch.setattr(entities_stage, "load_lexicon", lambda lang: None)
    EntitiesStage(Settings(languages=["en", "pt"], preload_languages=["en", "pt"])).setup()
    assert loaded == ["en", "pt"]


def test_entities_stage_fills_entities_and_records_its_lexicons() -> None:
    article = build_article(
        "Tysklands kansler Hans Richter besøkte Paris.",
        "nb",
        [("Hans Richter", "PER"), ("Paris", "GPE")],
    )
    article = EntitiesStage(Settings(languages=["nb"]))(article)
    assert [(e.id, e.name, e.country) for e in article.entities] == [
        ("e1", "Tyskland", "DEU"),
        ("e2", "Hans Richter", "DEU"),
        ("e3", "Paris", "FRA"),
    ]
    assert "nb/titles" in article.provenance.lexicons


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "name", "country", "title"),
    [
        (
            "nb",
            "Sveriges statsminister Ulf Kristersson møtte Norges statsminister i Oslo i går. "
            "Kristersson sa at møtet var nyttig.",
            "Ulf Kristersson",
            "SWE",
            "Prime Minister",
        ),
        (
            "en",
            "French President Emmanuel Macron met the German chancellor in Berlin on Monday. "
            "Macron said the talks were useful.",
            "Emmanuel Macron",
            "FRA",
            "President",
        ),
    ],
)
def test_shipped_model_and_entities_stage_tag_one_sentence(
    lang: str, text: str, name: str, country: str, title: str
) -> None:
    settings = Settings(models={lang: model_path(lang)}, languages=[lang])
    article = NlpStage(settings)(Article(text=text, lang=lang))
    article = EntitiesStage(settings)(article)
    assert not article.failures
    person = next(e for e in article.entities if e.type == "PER")
    assert (person.name, person.country) == (name, country)
    assert title in [t.canonical for t in person.titles]
    assert len(person.mentions) == 2
    assert any(e.type == "GPE" and e.country for e in article.entities)


@pytest.mark.models
def test_french_model_gives_entities_speakers_and_actors_the_rules_missed() -> None:
    text = (
        "Le secrétaire général de l'ONU, António Guterres, a condamné mercredi les frappes "
        "contre Kharkiv.\n\n"
        "Le ministre de la Défense Gérard Longuet a annoncé l'envoi de soldats en Estonie. "
        "« Nous tiendrons parole », a-t-il déclaré."
    )
    settings = Settings(models={"fr": model_path("fr")}, languages=["fr"])
    article = Pipeline.from_settings(settings).run(
        article_from_text(text, Meta(), "fr-check", "text")
    )
    assert not article.failures
    by_name = {e.name: e for e in article.entities}
    assert by_name["António Guterres"].type == "PER"
    assert by_name["Gérard Longuet"].type == "PER"
    assert "Défense Gérard Longuet" not in by_name
    assert by_name["ONU"].type == "ORG"
    quote = next(q for q in article.quotes if "tiendrons parole" in q.text)
    assert quote.speaker == by_name["Gérard Longuet"].id
    condemn = next(e for e in article.events if e.trigger and e.trigger.text == "a condamné")
    assert by_name["António Guterres"].id in condemn.source


@pytest.mark.models
def test_reference_article_entities_match_gold(reference_path: Path) -> None:
    if not GOLD.is_file():
        pytest.skip("../shared gold is not beside this checkout")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    settings = Settings(
        models={"nb": model_path("nb")}, stages=["clean", "language", "nlp", "entities"]
    )
    article = Pipeline.from_settings(settings).run(
        article_from_text(reference_path.read_text(encoding="utf-8"), Meta(), "ref", "text")
    )
    result = score_entities(article, gold)
    counts = result.counts
    assert counts.fn == 0, result.missed
    assert counts.tp / (counts.tp + counts.fp) >= 0.9, result.spurious
    assert result.attributes["entity_country"].correct == result.attributes["entity_country"].total
    assert result.attributes["entity_titles"].correct == 4, result.wrong
