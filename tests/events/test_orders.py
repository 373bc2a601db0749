"""An order is a request only when it goes to someone who can carry it out (the REQUEST rule of
"ordered"/"orders" in resources/en/events.toml, checked by newsgraph.events.sense.object_fits).

Sentences are written for these tests; parses are given by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article

from .builders import Ent, FakeGeo
from .test_grounding import _parsed

RUSSIA, JAPAN = Ent("Russia", "GPE", "RUS"), Ent("Japan", "GPE", "JPN")


def types(article: Article) -> list[str]:
    return [e.type for e in EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)]


def _ordered(obj: str, entities: list[Ent]) -> Article:
    text = f"Russia ordered {obj} to act."
    words = obj.split()
    parse = [("Russia", "PROPN", "nsubj", 1), ("ordered", "VERB", "ROOT", 1)]
    head = 2 + len(words) - 1
    for word in words[:-1]:
        parse.append((word, "DET", "det", head))
    parse.append((words[-1], "PROPN" if words[-1][0].isupper() else "NOUN", "obj", 1))
    parse += [
        ("to", "PART", "mark", head + 2),
        ("act", "VERB", "xcomp", 1),
        (".", "PUNCT", "punct", 1),
    ]
    return _parsed(text, "en", entities, parse)


def test_order_for_a_procedure_is_no_request() -> None:
    text = "Russia ordered an investigation."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("ordered", "VERB", "ROOT", 1),
        ("an", "DET", "det", 3),
        ("investigation", "NOUN", "obj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "REQUEST" not in types(_parsed(text, "en", [RUSSIA], parse))


def test_order_to_a_state_or_a_body_is_a_request() -> None:
    assert "REQUEST" in types(_ordered("Japan", [RUSSIA, JAPAN]))
    assert "REQUEST" in types(_ordered("the diplomats", [RUSSIA]))
    assert "REQUEST" in types(_ordered("the companies", [RUSSIA]))
