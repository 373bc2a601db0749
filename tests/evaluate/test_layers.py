from typing import Any

from newsgraph.evaluate.layers import score_entities, score_quotes, score_times

from .builders import BERG, HOLM, OSLO, article, entity, quote, time

GOLD_ENTITIES: dict[str, Any] = {
    "entities": [
        {
            "name": "Kari Holm",
            "aliases": ["Holm"],
            "type": "PER",
            "country": "NOR",
            "titles": ["finance minister"],
        },
        {"name": "Jonas Berg", "aliases": ["Berg"], "type": "PER", "country": "NOR"},
        {"name": "Oslo", "aliases": [], "type": "GPE", "country": "NOR"},
    ],
    "optional_entities": ["reporters"],
}


def test_entities_match_by_alias_and_type_and_score_attributes() -> None:
    result = score_entities(article(entities=[HOLM, BERG, OSLO]), GOLD_ENTITIES)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (3, 0, 0)
    assert result.attributes["entity_country"].correct == 2  # Berg is SWE, gold says NOR
    assert result.attributes["entity_country"].total == 3
    assert result.attributes["entity_titles"].accuracy == 1.0


def test_entity_of_another_type_does_not_match() -> None:
    oslo_as_org = entity("e3", "Oslo", "ORG", mentions=("Oslo",))
    result = score_entities(article(entities=[oslo_as_org]), GOLD_ENTITIES)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (0, 1, 3)
    assert "ORG Oslo" in result.spurious


def test_split_entity_counts_the_duplicate_as_false_positive() -> None:
    holm_again = entity("e9", "Holm", mentions=("Holm",))
    result = score_entities(article(entities=[HOLM, holm_again]), GOLD_ENTITIES)
    assert (result.counts.tp, result.counts.fp) == (1, 1)


def test_optional_entity_is_neither_rewarded_nor_false_positive() -> None:
    reporters = entity("e8", "reporters", "ORG")
    result = score_entities(article(entities=[reporters]), GOLD_ENTITIES)
    assert (result.counts.tp, result.counts.fp, result.counts.optional) == (0, 0, 1)


def test_missing_layer_scores_zero() -> None:
    result = score_entities(article(), GOLD_ENTITIES)
    assert (result.counts.tp, result.counts.fn) == (0, 3)
    assert result.counts.f1 == 0.0


GOLD_QUOTES: dict[str, Any] = {
    "entities": GOLD_ENTITIES["entities"],
    "quotes": [
        {"contains": "agreed on the budget", "speaker": "Kari Holm", "kind": "direct"},
        {
            "contains": "talks would continue in March",
            "speaker": "Jonas Berg",
            "addressee": "Kari Holm",
            "kind": "indirect",
        },
    ],
    "optional_quotes": ["told reporters"],
}


def test_quote_matches_when_it_contains_the_gold_words_and_speaker_resolves_by_alias() -> None:
    predicted = [quote('"We agreed on the budget,"', "e1")]
    result = score_quotes(article(entities=[HOLM], quotes=predicted), GOLD_QUOTES)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 0, 1)
    assert result.attributes["quote_speaker"].accuracy == 1.0
    assert result.attributes["quote_kind"].accuracy == 1.0


def test_quote_contained_in_the_gold_words_matches_and_wrong_roles_are_counted() -> None:
    predicted = [quote("talks would continue", "e1", kind="indirect", addressee=None)]
    result = score_quotes(article(entities=[HOLM, BERG], quotes=predicted), GOLD_QUOTES)
    assert result.counts.tp == 1
    assert result.attributes["quote_speaker"].correct == 0
    assert result.attributes["quote_addressee"].correct == 0
    assert any("speaker Jonas Berg" in note for note in result.wrong)


def test_quote_with_unknown_speaker_id_is_unattributed() -> None:
    predicted = [quote("We agreed on the budget", "e404")]
    result = score_quotes(article(entities=[HOLM], quotes=predicted), GOLD_QUOTES)
    assert result.attributes["quote_speaker"].correct == 0


def test_optional_quote_is_excused() -> None:
    predicted = [quote("Holm told reporters", None, kind="indirect")]
    result = score_quotes(article(quotes=predicted), GOLD_QUOTES)
    assert (result.counts.fp, result.counts.optional) == (0, 1)


GOLD_TIMES: dict[str, Any] = {
    "times": [
        {"text": "on Monday", "value": "2024-03-04"},
        {"text": "in March", "value": "2024-03"},
    ],
    "optional_times": [],
}


def test_time_overlapping_the_gold_text_matches_and_value_is_scored() -> None:
    predicted = [time("Monday", "2024-03-04"), time("March", "2025-03")]
    result = score_times(article(times=predicted), GOLD_TIMES)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (2, 0, 0)
    assert (result.attributes["time_value"].correct, result.attributes["time_value"].total) == (
        1,
        2,
    )


def test_time_overlapping_by_offsets_only_matches() -> None:
    gold = {"times": [{"text": "Oslo on Monday", "value": "2024-03-04"}]}
    predicted = [time("on Monday.", "2024-03-04")]
    result = score_times(article(times=predicted), gold)
    assert result.counts.tp == 1


def test_time_elsewhere_is_a_false_positive() -> None:
    gold = {"times": [{"text": "in March", "value": "2024-03"}]}
    result = score_times(article(times=[time("Monday", "2024-03-04")]), gold)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (0, 1, 1)
