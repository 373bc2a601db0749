"""Domain gate and figurative trigger senses on general news (newsgraph.events.sense, coder).

Sentences are written for these tests; parses are given by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article
from .test_grounding import _parsed

NORWAY, SWEDEN = Ent("Norge", "GPE", "NOR"), Ent("Sverige", "GPE", "SWE")
RUSSIA, CHINA = Ent("Russia", "GPE", "RUS"), Ent("China", "GPE", "CHN")
ACME = Ent("Acme", "ORG", "USA")


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def types(article: Article) -> list[str]:
    return [e.type for e in code(article)]


def test_page_in_a_sport_section_needs_a_political_actor_on_each_side() -> None:
    text = "Acme praised Russia after the long day."
    article = make_article(text, "en", [ACME, RUSSIA])
    assert "SUPPORT" in types(article)
    article.meta.source_url = "https://news.example/sport/2024/acme-day"
    assert "SUPPORT" not in types(article)


def test_page_in_a_news_section_keeps_the_event() -> None:
    text = "Acme praised Russia after the long day."
    article = make_article(text, "en", [ACME, RUSSIA])
    article.meta.source_url = "https://news.example/world/sportsman-praised"
    assert "SUPPORT" in types(article)


def test_business_sentence_needs_political_actors_on_both_sides() -> None:
    business = "The company Acme offered Russia a new contract."
    assert "AGREE" not in types(make_article(business, "en", [ACME, RUSSIA]))
    states = "Russia offered China a new contract."
    assert "AGREE" in types(make_article(states, "en", [RUSSIA, CHINA]))


def test_private_trip_to_a_country_is_no_visit() -> None:
    traveller = Ent("Kari Nordmann", "PER", "NOR")
    text = "Kari Nordmann reiste til Sverige i fjor."
    assert "CONSULT" not in types(make_article(text, "nb", [traveller, SWEDEN]))
    minister = Ent("Kari Nordmann", "PER", "NOR", titles=("minister",))
    assert "CONSULT" in types(make_article(text, "nb", [minister, SWEDEN]))


def test_teams_meeting_in_a_tournament_is_sport() -> None:
    text = "Norge møter Sverige onsdag, og en seier er nok til å bli blant de to beste lagene."
    assert "CONSULT" not in types(make_article(text, "nb", [NORWAY, SWEDEN]))


def test_meeting_resistance_is_no_meeting() -> None:
    text = "Regjeringen i Norge møter folkelig motstand mot planen."
    assert "CONSULT" not in types(make_article(text, "nb", [NORWAY]))
    english = "Russian troops were still meeting stiff resistance near the town."
    assert "CONSULT" not in types(make_article(english, "en", [RUSSIA]))


def test_thanks_to_is_no_praise() -> None:
    text = "Takket være dem har Norge blitt tvunget til å ta debatten."
    assert "SUPPORT" not in types(make_article(text, "nb", [NORWAY]))


def test_laws_are_no_promise() -> None:
    text = "Norge kunne gi lover for kirken."
    parse = [
        ("Norge", "PROPN", "nsubj", 2),
        ("kunne", "AUX", "aux", 2),
        ("gi", "VERB", "ROOT", 2),
        ("lover", "NOUN", "obj", 2),
        ("for", "ADP", "case", 5),
        ("kirken", "NOUN", "obl", 2),
        (".", "PUNCT", "punct", 2),
    ]
    assert "AGREE" not in types(_parsed(text, "nb", [NORWAY], parse))
    promise = "Norge lover Sverige hjelp."
    parse = [
        ("Norge", "PROPN", "nsubj", 1),
        ("lover", "VERB", "ROOT", 1),
        ("Sverige", "PROPN", "iobj", 1),
        ("hjelp", "NOUN", "obj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "AGREE" in types(_parsed(promise, "nb", [NORWAY, SWEDEN], parse))


def test_support_as_a_thing_is_no_act_of_support() -> None:
    text = "Derfor fortjener Norge støtte."
    parse = [
        ("Derfor", "ADV", "advmod", 1),
        ("fortjener", "VERB", "ROOT", 1),
        ("Norge", "PROPN", "nsubj", 1),
        ("støtte", "NOUN", "obj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "SUPPORT" not in types(_parsed(text, "nb", [NORWAY], parse))
    given = "Sverige ga Norge sin fulle støtte."
    assert "SUPPORT" in types(make_article(given, "nb", [SWEDEN, NORWAY]))


def test_an_outlet_meeting_someone_is_an_interview() -> None:
    outlet = Ent("Magasinet", "ORG", "NOR")
    minister = Ent("Kari Nordmann", "PER", "NOR", titles=("minister",))
    text = "Magasinet møter Kari Nordmann i Sverige."
    article = make_article(text, "nb", [outlet, minister, SWEDEN])
    article.entities[0].sector = "MED"
    assert "CONSULT" not in types(article)
