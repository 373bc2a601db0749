"""The spaCy adapter fills sentences, tokens and names from the shipped pipelines."""

from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.stages.nlp import NlpStage, bundled_model_path

pytestmark = pytest.mark.models


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        (
            "nb",
            "Statsminister Jonas Gahr Støre møtte Sveriges statsminister i Stockholm i går. Møtet varte i to timer.",
            "Jonas Gahr Støre",
        ),
        (
            "en",
            "Prime Minister Keir Starmer met the French president in Paris on Monday. The talks lasted two hours.",
            "Keir Starmer",
        ),
    ],
)
def test_shipped_pipeline_tags_one_sentence(lang: str, text: str, person: str) -> None:
    assert bundled_model_path(lang) is not None
    article = NlpStage(Settings())(Article(text=text, lang=lang))
    assert len(article.sentences) == 2
    assert all(article.text[t.start : t.end] == t.text for t in article.tokens)
    assert any(t.pos in ("VERB", "AUX") for t in article.tokens)
    assert any(n.text == person and n.label == "PER" for n in article.names)
    assert "nlp:" + lang in article.provenance.models


def test_unsupported_language_gets_tokens_and_sentences_only() -> None:
    article = NlpStage(Settings())(Article(text="Tämä on hyvä. Me lähdemme.", lang="fi"))
    assert len(article.sentences) == 2
    assert article.names == []


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        (
            "da",
            "Statsminister Mette Frederiksen besøgte Aarhus i går. Mødet varede to timer.",
            "Mette Frederiksen",
        ),
        (
            "sv",
            "Statsminister Ulf Kristersson besökte Göteborg i går. Mötet varade två timmar.",
            "Ulf Kristersson",
        ),
    ],
)
def test_danish_and_swedish_ner_runs_inside_the_bokmal_pipeline(
    lang: str, text: str, person: str
) -> None:
    if bundled_model_path(lang) is None:
        pytest.skip(f"no {lang} NER model shipped")
    article = NlpStage(Settings())(Article(text=text, lang=lang))
    assert article.provenance.models["nlp:" + lang].startswith("newsgraph-" + lang)
    assert len(article.sentences) == 2
    assert any(t.dep for t in article.tokens)
    assert any(n.text == person and n.label == "PER" for n in article.names)


def test_german_model_finds_names_without_a_parser() -> None:
    if bundled_model_path("de") is None:
        pytest.skip("no de model shipped")
    text = "Die Ministerin sprach am Dienstag in Berlin mit der Deutschen Bank. Dann reiste sie ab."
    article = NlpStage(Settings())(Article(text=text, lang="de"))
    assert len(article.sentences) == 2
    assert article.provenance.models["nlp:de"].startswith("newsgraph-de")
    assert ("Berlin", "LOC") in {(n.text, n.label) for n in article.names}


def test_nynorsk_uses_the_bokmal_pipeline() -> None:
    article = NlpStage(Settings())(Article(text="Ho reiste til Bergen i går.", lang="nn"))
    assert article.provenance.models["nlp:nn"].startswith("newsgraph-nb")


def test_line_breaks_end_sentences_and_whitespace_tokens_are_dropped() -> None:
    text = "Statsministeren i Bergen\n\nHun kom i går og talte lenge om skolen."
    article = NlpStage(Settings())(Article(text=text, lang="nb"))
    assert article.sentences[0].text == "Statsministeren i Bergen"
    assert all(token.text.strip() for token in article.tokens)
    assert [token.i for token in article.tokens] == list(range(len(article.tokens)))
    assert all(0 <= token.head < len(article.tokens) for token in article.tokens)


def test_pipe_over_mixed_languages_gives_what_one_by_one_gives() -> None:
    texts = [
        ("nb", "Statsminister Jonas Gahr Støre kom til Bergen i går. Han talte lenge."),
        ("en", "Prime Minister Keir Starmer visited Paris on Monday. He spoke at length."),
        ("nn", "Ho reiste til Bergen i går."),
        ("de", "Das ist gut. Wir gehen."),
        ("nb", "Regjeringen la fram budsjettet i Oslo."),
    ]
    stage = NlpStage(Settings(nlp_batch_size=2))
    batched = list(stage.pipe(Article(text=text, lang=lang) for lang, text in texts))
    single = [stage(Article(text=text, lang=lang)) for lang, text in texts]
    assert [a.text for a in batched] == [text for _, text in texts]
    for one, other in zip(batched, single, strict=True):
        assert one.tokens == other.tokens
        assert one.sentences == other.sentences
        assert one.names == other.names


def test_languages_served_by_one_pipeline_load_it_once() -> None:
    stage = NlpStage(Settings(preload_languages=["nb", "nn", "no"]))
    stage.setup()
    assert list(stage.loaded) == ["bundled:nb"]


def test_a_language_with_its_own_ner_loads_its_own_pipeline() -> None:
    stage = NlpStage(Settings(preload_languages=["nb", "da"]))
    stage.setup()
    assert list(stage.loaded) == ["bundled:nb", "bundled:da"]
