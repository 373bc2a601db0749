"""The event precision gate (newsgraph.events.precision_gate): features, the model file, the
filter. Sentences are written for these tests; models are small hand-made weight tables, except
for the checks on the shipped model."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.precision_gate import (
    GateModel,
    PrecisionGate,
    event_features,
    load_gate_model,
    parse_gate_model,
)
from newsgraph.events.words import sentence_views
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article
from .test_grounding import _parsed

Parse = tuple[str, str, str, int]
RUSSIA, UKRAINE = Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")
RUSSLAND, UKRAINA = Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")


def _event(article: Article, word: str, category: str, start: int = 0) -> Event:
    at = article.text.index(word, start)
    end = article.text.find(".", at) + 1
    ids = [entity.id for entity in article.entities]
    return Event(
        id="ev1",
        type=category,
        actors=ids,
        source=ids[:1],
        target=ids[1:],
        start=start,
        end=end,
        trigger=article.span(at, at + len(word)),
        evidence=[article.span(start, end)],
        confidence=0.8,
    )


def _features(
    text: str, word: str, lang: str = "en", parse: list[Parse] | None = None
) -> list[str]:
    names = [RUSSIA, UKRAINE] if lang == "en" else [RUSSLAND, UKRAINA]
    article = _parsed(text, lang, names, parse) if parse else make_article(text, lang, names)
    event = _event(article, word, "ASSAULT")
    return event_features(article, list(sentence_views(article)), event, load_lexicon(lang))


def test_a_plain_report_has_only_its_factuality_and_kind_as_features() -> None:
    features = _features("Russia attacked Ukraine on Monday.", "attacked")
    assert features == ["fact=asserted", "kind=material"]


def test_negation_modal_and_speech_words_of_the_sentence_are_features() -> None:
    features = _features("Russia could never say that it attacked Ukraine.", "attacked")
    assert {"sent_negation", "sent_irrealis", "sent_speech"} <= set(features)
    # Each cue is also paired with the kind of the category: an attack is a deed.
    assert "material|sent_negation" in features


def test_categories_of_words_are_verbal_and_of_deeds_material() -> None:
    article = make_article("Russia accused Ukraine.", "en", [RUSSIA, UKRAINE])
    event = _event(article, "accused", "ACCUSE")
    features = event_features(article, list(sentence_views(article)), event, load_lexicon("en"))
    assert "kind=verbal" in features


def test_norwegian_cue_words_are_read_from_the_bokmal_lexicon() -> None:
    features = _features("Russland har ikke angrepet Ukraina.", "angrepet", "nb")
    assert "sent_negation" in features


def test_the_trigger_words_dependency_relation_is_a_feature_where_there_is_a_parse() -> None:
    parse: list[Parse] = [
        ("Russia", "PROPN", "nsubj", 1),
        ("attacked", "VERB", "ROOT", 1),
        ("Ukraine", "PROPN", "obj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "trig_dep=ROOT" in _features("Russia attacked Ukraine.", "attacked", parse=parse)


def test_model_probability_rises_with_positive_weights() -> None:
    model = GateModel({"fact=asserted": 2.0, "sent_negation": -3.0}, bias=0.0, threshold=0.5)
    assert model.probability(["fact=asserted"]) > 0.8
    assert model.probability([]) == pytest.approx(0.5)
    assert model.probability(["fact=asserted", "sent_negation"]) < 0.5
    # A feature counts once however often it is listed.
    twice = model.probability(["sent_negation", "sent_negation"])
    assert twice == model.probability(["sent_negation"])


def test_malformed_model_file_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"event_gate\.json"):
        parse_gate_model('{"weights": {}, "bias": 0}')
    with pytest.raises(ConfigError):
        parse_gate_model("not json")


def test_gate_drops_events_below_the_threshold_and_keeps_the_rest() -> None:
    text = "Russia attacked Ukraine. Russia did not praise Ukraine."
    article = make_article(text, "en", [RUSSIA, UKRAINE])
    attack = _event(article, "attacked", "ASSAULT")
    praise = _event(article, "praise", "SUPPORT", start=text.index("Russia did"))
    model = GateModel({"sent_negation": -5.0}, bias=1.0, threshold=0.5, languages=frozenset({"en"}))
    gate = PrecisionGate(load_lexicon("en"), model)
    assert gate.filter(article, list(sentence_views(article)), [attack, praise]) == [attack]


def test_languages_the_model_was_not_trained_for_are_not_gated() -> None:
    article = make_article("Russland griff die Ukraine nicht an.", "de", [RUSSLAND, UKRAINE])
    event = _event(article, "griff", "ASSAULT")
    model = GateModel({}, bias=-10.0, threshold=0.5, languages=frozenset({"en"}))
    gate = PrecisionGate(load_lexicon("de"), model)
    assert gate.filter(article, list(sentence_views(article)), [event]) == [event]


def test_shipped_model_is_trained_for_english_and_bokmal() -> None:
    model = load_gate_model()
    assert {"en", "nb"} <= model.languages
    assert 0.0 < model.threshold < 1.0
    assert model.weights


def test_shipped_model_drops_an_asserted_report_in_a_negated_modal_sentence() -> None:
    model = load_gate_model()
    plain = _features("Russia attacked Ukraine on Monday.", "attacked")
    hedged = _features("Russia could never say that it attacked Ukraine.", "attacked")
    assert model.probability(plain) >= model.threshold > model.probability(hedged)


def _code(text: str, gate: bool) -> list[str]:
    article = make_article(text, "en", [RUSSIA, UKRAINE])
    return [e.type for e in EventCoder(load_lexicon("en"), FakeGeo(), gate=gate).code(article)]


def test_shipped_gate_keeps_a_plain_interstate_attack() -> None:
    assert _code("Russia attacked Ukraine on Monday.", gate=True) == ["ASSAULT"]


def test_the_coder_applies_the_gate_only_when_it_is_switched_on() -> None:
    text = "Russia has not said whether it could attack Ukraine, and it never attacked Ukraine."
    hedged = _code(text, gate=False)
    assert hedged
    assert len(_code(text, gate=True)) < len(hedged)
