"""The quotes stage: registration, layer contract, and the reference article end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.evaluate.layers import score_quotes
from newsgraph.ingest import article_from_text
from newsgraph.model import Article, Entity, Meta, Span
from newsgraph.pipeline import Pipeline, create_stage
from newsgraph.settings import Settings
from newsgraph.stages.quotes import QuotesStage
from stages.models import model_path

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO.parent / "shared" / "gold" / "nb" / "nguoiduatin-belousov-beijing.gold.json"


def test_quotes_stage_is_registered_with_its_layers() -> None:
    stage = create_stage("quotes", Settings())
    assert isinstance(stage, QuotesStage)
    assert stage.requires == ("text", "lang", "sentences", "tokens", "entities")
    assert stage.provides == ("quotes",)


def test_quotes_stage_needs_the_entities_stage_before_it() -> None:
    settings = Settings(stages=["clean", "language", "nlp", "quotes", "entities"])
    with pytest.raises(ConfigError, match="entities"):
        Pipeline.from_settings(settings)


def test_quotes_stage_fills_quotes_and_records_its_lexicons() -> None:
    text = "«Vi er klare», sa Hansen."
    start = text.index("Hansen")
    hansen = Entity(
        id="e1",
        name="Ola Hansen",
        type="PER",
        mentions=[Span(start=start, end=start + 6, text="Hansen")],
    )
    article = Article(text=text, lang="nb", entities=[hansen])
    article = QuotesStage(Settings())(article)
    assert [(q.text, q.kind, q.speaker) for q in article.quotes] == [
        ("Vi er klare", "direct", "e1")
    ]
    assert "quotes:nb" in article.provenance.lexicons


@pytest.mark.models
def test_reference_article_every_gold_quote_found_and_attributed(reference_path: Path) -> None:
    if not GOLD.is_file():
        pytest.skip("../shared gold is not beside this checkout")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    settings = Settings(
        models={"nb": model_path("nb")},
        stages=["clean", "language", "nlp", "entities", "quotes"],
    )
    article = Pipeline.from_settings(settings).run(
        article_from_text(reference_path.read_text(encoding="utf-8"), Meta(), "ref", "text")
    )
    result = score_quotes(article, gold)
    assert result.counts.fn == 0, result.missed
    assert result.counts.fp == 0, result.spurious
    speaker = result.attributes["quote_speaker"]
    assert speaker.correct == speaker.total == len(gold["quotes"]), result.wrong
    addressee = result.attributes["quote_addressee"]
    assert addressee.correct == addressee.total == 1, result.wrong
