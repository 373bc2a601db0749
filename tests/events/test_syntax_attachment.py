"""Actors attached by the parse: a name a statement or talk is about, and the parties of an act a
protest is against, take no part in the trigger's event (newsgraph.events.arguments).

Sentences are written for these tests; entities and parses are built by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article, parsed_article

RUSSIA = Ent("Russia", "GPE", "RUS")
NORWAY = Ent("Norway", "GPE", "NOR")
UKRAINE = Ent("Ukraine", "GPE", "UKR")


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def _parsed(
    text: str, lang: str, entities: list[Ent], parse: list[tuple[str, str, str, int]]
) -> Article:
    return parsed_article(
        text, lang, entities, [(word, "", pos, dep, head) for word, pos, dep, head in parse]
    )


def _names(article: Article, ids: list[str]) -> set[str]:
    return {e.name for i in ids if (e := article.entity(i))}


def test_the_country_talks_are_about_is_no_party() -> None:
    text = "Russia held talks with Norway about Ukraine."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("held", "VERB", "ROOT", 1),
        ("talks", "NOUN", "obj", 1),
        ("with", "ADP", "case", 4),
        ("Norway", "PROPN", "nmod", 2),
        ("about", "ADP", "case", 6),
        ("Ukraine", "PROPN", "nmod", 2),
        (".", "PUNCT", "punct", 1),
    ]
    article = _parsed(text, "en", [RUSSIA, NORWAY, UKRAINE], parse)
    events = [e for e in code(article) if e.type == "CONSULT"]
    assert events
    assert {"Russia", "Norway"} <= _names(article, events[0].actors)
    assert "Ukraine" not in _names(article, events[0].actors)
    assert "UKR" not in events[0].countries


def test_a_possessor_inside_the_topic_phrase_may_be_a_party() -> None:
    # "talks about Ukraine's border": only the name the preposition takes is the topic.
    text = "Russia held talks with Norway about Ukraine's border."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("held", "VERB", "ROOT", 1),
        ("talks", "NOUN", "obj", 1),
        ("with", "ADP", "case", 4),
        ("Norway", "PROPN", "nmod", 2),
        ("about", "ADP", "case", 8),
        ("Ukraine", "PROPN", "nmod:poss", 8),
        ("'s", "PART", "case", 6),
        ("border", "NOUN", "nmod", 2),
        (".", "PUNCT", "punct", 1),
    ]
    entities = [RUSSIA, NORWAY, Ent("Ukraine", "GPE", "UKR", aliases=("Ukraine's",))]
    article = _parsed(text, "en", entities, parse)
    events = [e for e in code(article) if e.type == "CONSULT"]
    assert events and "Ukraine" in _names(article, events[0].actors)


def test_without_a_parse_the_word_order_rules_still_hold() -> None:
    # The fallback is unchanged: with no parse, "about" marks no topic.
    text = "Russia held talks with Norway about Ukraine."
    article = make_article(text, "en", [RUSSIA, NORWAY, UKRAINE])
    events = [e for e in code(article) if e.type == "CONSULT"]
    assert events and {"Russia", "Norway"} <= _names(article, events[0].actors)


def test_a_norwegian_topic_phrase_is_no_party() -> None:
    text = "Russland holdt samtaler med Norge om Ukraina."
    parse = [
        ("Russland", "PROPN", "nsubj", 1),
        ("holdt", "VERB", "ROOT", 1),
        ("samtaler", "NOUN", "obj", 1),
        ("med", "ADP", "case", 4),
        ("Norge", "PROPN", "nmod", 2),
        ("om", "ADP", "case", 6),
        ("Ukraina", "PROPN", "nmod", 2),
        (".", "PUNCT", "punct", 1),
    ]
    entities = [
        Ent("Russland", "GPE", "RUS"),
        Ent("Norge", "GPE", "NOR"),
        Ent("Ukraina", "GPE", "UKR"),
    ]
    article = _parsed(text, "nb", entities, parse)
    events = [e for e in code(article) if e.type == "CONSULT"]
    assert events
    assert {"Russland", "Norge"} <= _names(article, events[0].actors)
    assert "Ukraina" not in _names(article, events[0].actors)


def test_who_votes_against_sanctions_does_not_impose_them() -> None:
    text = "Norway voted against sanctions on Russia."
    parse = [
        ("Norway", "PROPN", "nsubj", 1),
        ("voted", "VERB", "ROOT", 1),
        ("against", "ADP", "case", 3),
        ("sanctions", "NOUN", "obl", 1),
        ("on", "ADP", "case", 5),
        ("Russia", "PROPN", "nmod", 3),
        (".", "PUNCT", "punct", 1),
    ]
    article = _parsed(text, "en", [NORWAY, RUSSIA], parse)
    events = [e for e in code(article) if e.type == "SANCTION"]
    assert events
    assert all("Norway" not in _names(article, e.actors) for e in events)
    assert "Russia" in _names(article, events[0].target)


def test_who_speaks_about_an_invasion_did_not_invade() -> None:
    text = "Norway spoke about the invasion of Ukraine."
    parse = [
        ("Norway", "PROPN", "nsubj", 1),
        ("spoke", "VERB", "ROOT", 1),
        ("about", "ADP", "case", 4),
        ("the", "DET", "det", 4),
        ("invasion", "NOUN", "obl", 1),
        ("of", "ADP", "case", 6),
        ("Ukraine", "PROPN", "nmod", 4),
        (".", "PUNCT", "punct", 1),
    ]
    article = _parsed(text, "en", [NORWAY, UKRAINE], parse)
    events = [e for e in code(article) if e.type == "ASSAULT"]
    assert all("Norway" not in _names(article, e.actors) for e in events)


def test_the_premier_arrested_in_an_adverbial_clause_is_not_asked_for_calm() -> None:
    text = "Governor Kari Lund called for calm after American officials arrested Premier Ola Berg."
    parse = [
        ("Governor", "PROPN", "compound", 2),
        ("Kari", "PROPN", "compound", 2),
        ("Lund", "PROPN", "nsubj", 3),
        ("called", "VERB", "ROOT", 3),
        ("for", "ADP", "case", 5),
        ("calm", "NOUN", "obl", 3),
        ("after", "SCONJ", "mark", 9),
        ("American", "ADJ", "amod", 8),
        ("officials", "NOUN", "nsubj", 9),
        ("arrested", "VERB", "advcl", 3),
        ("Premier", "PROPN", "compound", 12),
        ("Ola", "PROPN", "compound", 12),
        ("Berg", "PROPN", "obj", 9),
        (".", "PUNCT", "punct", 3),
    ]
    entities = [
        Ent("Kari Lund", "PER", "GBR", titles=("Governor",)),
        Ent("Ola Berg", "PER", "VGB", titles=("Premier",)),
    ]
    article = _parsed(text, "en", entities, parse)
    events = code(article)
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests and _names(article, requests[0].source) == {"Kari Lund"}
    assert "Ola Berg" not in _names(article, requests[0].actors)
    # The arrest keeps its own patient.
    assert any("Ola Berg" in _names(article, e.target) for e in events if e.type == "COERCE")


def test_a_threat_still_reaches_the_subject_of_its_condition() -> None:
    text = "Norway threatened sanctions if Russia attacks Ukraine."
    parse = [
        ("Norway", "PROPN", "nsubj", 1),
        ("threatened", "VERB", "ROOT", 1),
        ("sanctions", "NOUN", "obj", 1),
        ("if", "SCONJ", "mark", 5),
        ("Russia", "PROPN", "nsubj", 5),
        ("attacks", "VERB", "advcl", 1),
        ("Ukraine", "PROPN", "obj", 5),
        (".", "PUNCT", "punct", 1),
    ]
    article = _parsed(text, "en", [NORWAY, RUSSIA, UKRAINE], parse)
    threats = [e for e in code(article) if e.type == "THREATEN"]
    assert threats and "Norway" in _names(article, threats[0].source)
    assert "Russia" in _names(article, threats[0].target)


def test_the_doer_of_an_act_a_verb_takes_as_object_stays() -> None:
    text = "Russia launched an attack against Ukraine."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("launched", "VERB", "ROOT", 1),
        ("an", "DET", "det", 3),
        ("attack", "NOUN", "obj", 1),
        ("against", "ADP", "case", 5),
        ("Ukraine", "PROPN", "nmod", 3),
        (".", "PUNCT", "punct", 1),
    ]
    article = _parsed(text, "en", [RUSSIA, UKRAINE], parse)
    events = [e for e in code(article) if e.type == "ASSAULT"]
    assert events
    assert _names(article, events[0].source) == {"Russia"}
    assert "Ukraine" in _names(article, events[0].target)
