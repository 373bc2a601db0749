from newsgraph.evaluate import score_article
from newsgraph.evaluate.scores import Scores

from .builders import BERG, HOLM, article, quote, time

GOLD = {
    "doc": "corpus/en/holm.txt",
    "lang": "en",
    "meta": {"text_starts_with": "Finance minister Kari Holm"},
    "entities": [
        {"name": "Kari Holm", "aliases": ["Holm"], "type": "PER", "country": "NOR"},
        {"name": "Oslo", "aliases": [], "type": "GPE", "country": "NOR"},
    ],
    "quotes": [{"contains": "agreed on the budget", "speaker": "Kari Holm", "kind": "direct"}],
    "times": [{"text": "Monday", "value": "2024-03-04"}],
    "events": [{"type": "CONSULT", "countries": ["NOR"]}],
}


def test_score_article_scores_every_layer_and_meta() -> None:
    predicted = article(
        entities=[HOLM, BERG],
        quotes=[quote("We agreed on the budget", "e1")],
        times=[time("Monday", "2024-03-04")],
    )
    score = score_article(predicted, GOLD).scores
    assert score.layers["entities"].tp == 1
    assert score.layers["entities"].fp == 1
    assert score.layers["quotes"].f1 == 1.0
    assert score.layers["times"].f1 == 1.0
    assert score.layers["events"].fn == 1
    assert (score.meta.correct, score.meta.total) == (2, 2)


def test_scores_add_up_counts_before_computing_ratios() -> None:
    first = score_article(article(entities=[HOLM]), GOLD).scores
    second = score_article(article(), GOLD).scores
    total = Scores()
    total.add(first)
    total.add(second)
    assert total.layers["entities"].tp == 1
    assert total.layers["entities"].fn == 3
    assert total.layers["entities"].recall == 0.25
    assert total.to_dict()["layers"]["entities"]["recall"] == 0.25
