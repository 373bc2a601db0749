"""Lines of links and headlines, and relative-clause objects (newsgraph.events.sense).

Sentences are written for these tests; parses are given by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article

from .builders import Ent, FakeGeo, make_article, parsed_article

RUSSIA, UKRAINE = Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")
RUSSLAND, UKRAINA = Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")
USA = Ent("United States", "GPE", "USA")


def types(article: Article) -> list[str]:
    return [e.type for e in EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)]


def test_a_sentence_reports_the_attack() -> None:
    assert "ASSAULT" in types(
        make_article("Russland angrep Ukraina i natt.", "nb", [RUSSLAND, UKRAINA])
    )


def test_a_line_of_headlines_reports_nothing() -> None:
    text = "Nyheter | Sport | Russland angrep Ukraina i natt | Kultur"
    assert types(make_article(text, "nb", [RUSSLAND, UKRAINA])) == []


def test_a_read_more_link_reports_nothing() -> None:
    text = "Read more: Russia attacked Ukraine overnight"
    assert types(make_article(text, "en", [RUSSIA, UKRAINE])) == []


def _returned(noun: str) -> Article:
    text = f"Ukraine welcomed the {noun} which Russia has returned to Ukraine."
    parse = [
        ("Ukraine", "Ukraine", "PROPN", "nsubj", 1),
        ("welcomed", "welcome", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3),
        (noun, noun, "NOUN", "obj", 1),
        ("which", "which", "PRON", "obj", 7),
        ("Russia", "Russia", "PROPN", "nsubj", 7),
        ("has", "have", "AUX", "aux", 7),
        ("returned", "return", "VERB", "acl:relcl", 3),
        ("to", "to", "ADP", "case", 9),
        ("Ukraine", "Ukraine", "PROPN", "obl", 7),
        (".", ".", "PUNCT", "punct", 1),
    ]
    return parsed_article(text, "en", [RUSSIA, UKRAINE], parse)


def test_a_relative_clause_returns_the_noun_it_describes() -> None:
    assert "RETREAT" in types(_returned("prisoners"))


def test_rewards_returned_in_a_relative_clause_are_no_retreat() -> None:
    assert "RETREAT" not in types(_returned("rewards"))
