"""Argument roles (newsgraph.events.arguments): news outlets and causes are no participants.

Sentences are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article

RUSSIA = Ent("Russia", "GPE", "RUS")
GAZA = Ent("Gaza", "GPE", "PSE", lat=31.5, lon=34.4)


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def names(article: Article, ids: list[str]) -> list[str]:
    return [e.name for i in ids if (e := article.entity(i))]


def test_outlet_that_reported_the_news_is_no_actor() -> None:
    text = "Reuters reported that Iraqi clerics called for a general strike against Russia."
    article = make_article(text, "en", [Ent("Reuters", "ORG", "GBR"), RUSSIA])
    events = code(article)
    assert events
    assert all("Reuters" not in names(article, e.actors) for e in events)
    assert all("GBR" not in e.countries for e in events)


def test_the_speaker_of_said_still_counts() -> None:
    text = "Russia said that it rejected the proposal from Ukraine."
    article = make_article(text, "en", [RUSSIA, Ent("Ukraine", "GPE", "UKR")])
    assert any("Russia" in names(article, e.actors) for e in code(article))


def test_those_a_protest_supports_are_neither_side() -> None:
    text = "Palestinians protested in Gaza in support of Hezbollah and Syria."
    entities = [GAZA, Ent("Hezbollah", "ORG", "LBN"), Ent("Syria", "GPE", "SYR")]
    article = make_article(text, "en", entities)
    events = [e for e in code(article) if e.type == "PROTEST"]
    assert events
    assert all(not {"Hezbollah", "Syria"} & set(names(article, e.actors)) for e in events)
    assert all("SYR" not in e.countries for e in events)


def test_those_a_protest_is_against_stay_its_target() -> None:
    text = "Students protested in Gaza against Syria."
    article = make_article(text, "en", [GAZA, Ent("Syria", "GPE", "SYR")])
    assert any("Syria" in names(article, e.actors) for e in code(article))
