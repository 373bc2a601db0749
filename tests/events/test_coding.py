"""Category and actor choice: which report of a sentence is its event, and who are its sides.

Sentences are written for these tests (English and Norwegian Bokmål); entities are built by hand
and there is no parse, so the coder runs on its surface fallback.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article

G = "GPE"
USA = Ent("United States", G, "USA", aliases=("USA",))
RUSSIA = Ent("Russia", G, "RUS", aliases=("Russland",))


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def lead(article: Article) -> Event:
    """The most confident event: the one a one-sentence report is coded as."""
    events = code(article)
    assert events
    return max(events, key=lambda e: e.confidence)


def names(article: Article, ids: list[str]) -> set[str]:
    return {e.name for i in ids if (e := article.entity(i))}


def test_a_country_named_states_is_no_speech_verb_that_splits_the_subject() -> None:
    text = "The United States and Jordan agreed on a new trade pact."
    article = make_article(text, "en", [USA, Ent("Jordan", G, "JOR")])
    event = lead(article)
    assert event.type == "AGREE"
    assert names(article, event.source) == {"United States", "Jordan"}


def test_a_threat_is_aimed_at_whom_its_condition_names() -> None:
    text = "Russia threatened to halt the talks if the United States deployed new missiles."
    article = make_article(text, "en", [RUSSIA, USA])
    events = code(article)
    threat = next(e for e in events if e.type == "THREATEN")
    assert names(article, threat.source) == {"Russia"}
    assert "United States" in names(article, threat.target)
    # The deployment is only the condition, not a fact or a plan.
    assert all(e.factuality == "conditional" for e in events if e.type == "MOBILIZE")


def test_norwegian_threat_is_aimed_at_whom_its_condition_names() -> None:
    text = "Russland truet med å stanse forhandlingene hvis USA utplasserer nye raketter."
    article = make_article(text, "nb", [RUSSIA, USA])
    threat = next(e for e in code(article) if e.type == "THREATEN")
    assert "United States" in names(article, threat.target)


def test_a_cancelled_visit_is_a_sanction_not_a_visit() -> None:
    text = "France cancelled a planned visit to Haiti."
    entities = [Ent("France", G, "FRA"), Ent("Haiti", G, "HTI")]
    article = make_article(text, "en", entities)
    assert [e.type for e in code(article)] == ["SANCTION"]


def test_norwegian_cancelled_visit_is_a_sanction_not_a_visit() -> None:
    text = "Frankrike avlyste et planlagt besøk til Haiti."
    entities = [Ent("Frankrike", G, "FRA"), Ent("Haiti", G, "HTI")]
    article = make_article(text, "nb", entities)
    assert [e.type for e in code(article)] == ["SANCTION"]


def test_a_protest_lodged_with_a_government_is_an_accusation() -> None:
    text = "Serbia lodged an official protest with Albania."
    article = make_article(text, "en", [Ent("Serbia", G, "SRB"), Ent("Albania", G, "ALB")])
    event = lead(article)
    assert event.type == "ACCUSE"
    assert set(event.countries) == {"SRB", "ALB"}


def test_norwegian_protest_lodged_is_an_accusation() -> None:
    text = "Serbia leverte en formell protest til Albania."
    article = make_article(text, "nb", [Ent("Serbia", G, "SRB"), Ent("Albania", G, "ALB")])
    assert lead(article).type == "ACCUSE"


def test_a_demand_voiced_by_protesters_is_the_protest_not_a_request() -> None:
    text = "Protesters blocked roads in Algiers demanding new elections."
    article = make_article(text, "en", [Ent("Algiers", G, "DZA", lat=36.7, lon=3.1)])
    assert [e.type for e in code(article)] == ["PROTEST"]


def test_norwegian_demand_voiced_by_protesters_is_the_protest() -> None:
    text = "Demonstranter blokkerte veiene i Oslo for å kreve nyvalg."
    article = make_article(text, "nb", [Ent("Oslo", G, "NOR", lat=59.9, lon=10.7)])
    assert [e.type for e in code(article)] == ["PROTEST"]


def test_a_concession_announced_for_later_is_an_offer() -> None:
    text = "Turkey will allow the refugees to return home."
    article = make_article(text, "en", [Ent("Turkey", G, "TUR")])
    event = lead(article)
    assert event.type == "AGREE"
    assert event.factuality == "planned"


def test_a_conditional_offer_to_meet_stays_an_offer() -> None:
    text = "Russia said it would meet the envoy if he came to Moscow."
    article = make_article(text, "en", [RUSSIA])
    assert lead(article).type == "AGREE"


def test_a_progressive_is_no_passive_the_subject_gives_the_aid() -> None:
    text = "The United States is providing military equipment to Ukraine."
    article = make_article(text, "en", [USA, Ent("Ukraine", G, "UKR")])
    event = lead(article)
    assert event.type == "AID"
    assert names(article, event.source) == {"United States"}
    assert names(article, event.target) == {"Ukraine"}


def test_a_by_phrase_in_the_active_voice_names_the_target() -> None:
    text = "Poland demanded an immediate admission by Russia."
    article = make_article(text, "en", [Ent("Poland", G, "POL"), RUSSIA])
    event = lead(article)
    assert event.type == "REQUEST"
    assert names(article, event.source) == {"Poland"}
    assert names(article, event.target) == {"Russia"}


def test_a_visit_that_only_sets_the_time_is_not_the_news() -> None:
    text = "Pakistan threatened Israel on the eve of a visit by the envoy."
    article = make_article(text, "en", [Ent("Pakistan", G, "PAK"), Ent("Israel", G, "ISR")])
    assert lead(article).type == "THREATEN"


def test_a_person_styled_by_a_country_stands_for_it() -> None:
    text = "King Hassan of Morocco offered to host talks."
    article = make_article(text, "en", [Ent("King Hassan of Morocco", "PER", titles=("King",))])
    geo = FakeGeo()
    geo.countries["Morocco"] = "MAR"
    events = EventCoder(load_lexicon("en"), geo).code(article)
    assert any(e.type == "AGREE" and "MAR" in e.countries for e in events)


def test_withdrawing_inspectors_is_a_sanction() -> None:
    text = "The United Nations withdrew its weapons inspectors from Russia."
    article = make_article(text, "en", [Ent("United Nations", "ORG"), RUSSIA])
    assert lead(article).type == "SANCTION"
