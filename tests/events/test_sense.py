"""Trigger sense, page topic, questions and one-occasion merging (newsgraph.events.sense, merging).

Sentences are written for these tests; parses are given by hand (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.sense import Sense
from newsgraph.events.words import SentenceView, Word
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, Time, make_article
from .test_grounding import _parsed

RUSSIA, UKRAINE = Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def types(article: Article) -> list[str]:
    return [e.type for e in code(article)]


def test_thing_as_subject_of_a_trigger_verb_reports_nothing() -> None:
    text = "The new data supported the Russian proposal."
    parse = [
        ("The", "DET", "det", 2),
        ("new", "ADJ", "amod", 2),
        ("data", "NOUN", "nsubj", 3),
        ("supported", "VERB", "ROOT", 3),
        ("the", "DET", "det", 6),
        ("Russian", "ADJ", "amod", 6),
        ("proposal", "NOUN", "obj", 3),
        (".", "PUNCT", "punct", 3),
    ]
    assert "SUPPORT" not in types(_parsed(text, "en", [], parse))


def test_people_as_subject_keep_the_trigger() -> None:
    text = "Officials supported the proposal of Russia."
    parse = [
        ("Officials", "NOUN", "nsubj", 1),
        ("supported", "VERB", "ROOT", 1),
        ("the", "DET", "det", 3),
        ("proposal", "NOUN", "obj", 1),
        ("of", "ADP", "case", 5),
        ("Russia", "PROPN", "nmod", 3),
        (".", "PUNCT", "punct", 1),
    ]
    assert "SUPPORT" in types(_parsed(text, "en", [RUSSIA], parse))


def test_time_word_taken_for_a_subject_does_not_block() -> None:
    text = "Russia today rejected the offer from Ukraine."
    parse = [
        ("Russia", "PROPN", "compound", 1),
        ("today", "NOUN", "nsubj", 2),
        ("rejected", "VERB", "ROOT", 2),
        ("the", "DET", "det", 4),
        ("offer", "NOUN", "obj", 2),
        ("from", "ADP", "case", 6),
        ("Ukraine", "PROPN", "nmod", 4),
        (".", "PUNCT", "punct", 2),
    ]
    assert "REJECT" in types(_parsed(text, "en", [RUSSIA, UKRAINE], parse))


def test_release_of_a_statement_is_no_release_of_captives() -> None:
    text = "Russia released a statement after the prisoner talks."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("released", "VERB", "ROOT", 1),
        ("a", "DET", "det", 3),
        ("statement", "NOUN", "obj", 1),
        ("after", "ADP", "case", 7),
        ("the", "DET", "det", 7),
        ("prisoner", "NOUN", "compound", 7),
        ("talks", "NOUN", "obl", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "RETREAT" not in types(_parsed(text, "en", [RUSSIA], parse))


def test_release_of_prisoners_is_coded() -> None:
    text = "Russia released ten prisoners from Ukraine."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("released", "VERB", "ROOT", 1),
        ("ten", "NUM", "nummod", 3),
        ("prisoners", "NOUN", "obj", 1),
        ("from", "ADP", "case", 5),
        ("Ukraine", "PROPN", "nmod", 3),
        (".", "PUNCT", "punct", 1),
    ]
    assert "RETREAT" in types(_parsed(text, "en", [RUSSIA, UKRAINE], parse))


def test_offer_of_an_explanation_is_no_agreement() -> None:
    text = "Russia offered an explanation for the delay."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("offered", "VERB", "ROOT", 1),
        ("an", "DET", "det", 3),
        ("explanation", "NOUN", "obj", 1),
        ("for", "ADP", "case", 6),
        ("the", "DET", "det", 6),
        ("delay", "NOUN", "nmod", 3),
        (".", "PUNCT", "punct", 1),
    ]
    assert "AGREE" not in types(_parsed(text, "en", [RUSSIA], parse))


SPACE_AGENCY = Ent("Space Administration", "ORG", "RUS")
AGENCY_PRAISE = "The Space Administration praised the team."


def test_events_on_a_science_page_need_a_political_noun() -> None:
    text = (
        "Scientists at the university studied the lunar ice.\n"
        "The spacecraft will orbit the moon for a year.\n"
        "Researchers said the telescope found water vapour.\n"
        f"{AGENCY_PRAISE}\n"
        "Russia praised the scientists.\n"
        "Russian officials praised the scientists."
    )
    events = code(make_article(text, "en", [SPACE_AGENCY, RUSSIA]))
    assert [e.type for e in events] == ["SUPPORT"]
    assert "Russian officials praised" in events[0].evidence[0].text


def test_news_page_keeps_events_of_a_government_body() -> None:
    text = (
        "Troops were deployed along the border.\n"
        f"{AGENCY_PRAISE}\n"
        "Officials said the army is on alert."
    )
    events = code(make_article(text, "en", [SPACE_AGENCY]))
    assert any(e.type == "SUPPORT" and AGENCY_PRAISE in e.evidence[0].text for e in events)


def test_question_is_no_fact() -> None:
    text = "Did Russia attack Ukraine?"
    events = code(make_article(text, "en", [RUSSIA, UKRAINE]))
    assert events and all(e.factuality == "conditional" for e in events)


def test_meeting_and_hoped_talks_on_one_day_in_one_place_are_one_event() -> None:
    text = (
        "Russlands forsvarsminister Andrej Belousov møtte den kinesiske forsvarsministeren Dong "
        "Jun i Beijing 14. oktober.\nBelousov sa at han håpet samtalene med Kina i Beijing samme "
        "dag ville styrke partnerskapet mellom Russland og Kina."
    )
    entities = [
        Ent("Andrej Belousov", "PER", "RUS", aliases=("Belousov",), titles=("forsvarsminister",)),
        Ent("Dong Jun", "PER", "CHN", titles=("forsvarsministeren",)),
        Ent("Beijing", "GPE", "CHN", lat=39.9, lon=116.4),
        Ent("Russland", "GPE", "RUS"),
        Ent("Kina", "GPE", "CHN"),
    ]
    times = [Time("14. oktober", "2024-10-14"), Time("samme dag", "2024-10-14")]
    article = make_article(text, "nb", entities, times, published="2024-10-14")
    consults = [e for e in code(article) if e.type == "CONSULT"]
    assert len(consults) == 1
    assert len(consults[0].evidence) == 2
    assert consults[0].factuality == "asserted"


def test_trigger_noun_qualifying_another_noun_is_no_event() -> None:
    text = "Russia built a detention center near Ukraine."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("built", "VERB", "ROOT", 1),
        ("a", "DET", "det", 4),
        ("detention", "NOUN", "compound", 4),
        ("center", "NOUN", "obj", 1),
        ("near", "ADP", "case", 6),
        ("Ukraine", "PROPN", "obl", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "COERCE" not in types(_parsed(text, "en", [RUSSIA, UKRAINE], parse))


def test_suspending_a_campaign_is_no_sanction_but_suspending_aid_is() -> None:
    def suspended(thing: str) -> list[str]:
        text = f"Russia suspended its {thing} in Ukraine."
        parse = [
            ("Russia", "PROPN", "nsubj", 1),
            ("suspended", "VERB", "ROOT", 1),
            ("its", "PRON", "nmod:poss", 3),
            (thing, "NOUN", "obj", 1),
            ("in", "ADP", "case", 5),
            ("Ukraine", "PROPN", "obl", 1),
            (".", "PUNCT", "punct", 1),
        ]
        return types(_parsed(text, "en", [RUSSIA, UKRAINE], parse))

    assert "SANCTION" not in suspended("campaign")
    assert "SANCTION" in suspended("aid")


def test_coming_home_is_no_return_of_territory() -> None:
    text = "The Russian envoy returned to Russia."
    parse = [
        ("The", "DET", "det", 2),
        ("Russian", "ADJ", "amod", 2),
        ("envoy", "NOUN", "nsubj", 3),
        ("returned", "VERB", "ROOT", 3),
        ("to", "ADP", "case", 5),
        ("Russia", "PROPN", "obl", 3),
        (".", "PUNCT", "punct", 3),
    ]
    assert "RETREAT" not in types(_parsed(text, "en", [RUSSIA], parse))


def test_a_trip_inside_ones_own_country_with_no_one_to_meet_is_no_visit() -> None:
    text = "Russlands president Vladimir Putin besøkte Kazan."
    entities = [
        Ent("Russland", "GPE", "RUS", aliases=("Russlands",)),
        Ent("Vladimir Putin", "PER", "RUS", titles=("president",)),
        Ent("Kazan", "GPE", "RUS", lat=55.8, lon=49.1),
    ]
    assert "CONSULT" not in types(make_article(text, "nb", entities))


def test_stance_participle_describing_a_noun_reports_no_rejection() -> None:
    text = "Militants opposed to the Russian presence joined the group."
    parse = [
        ("Militants", "NOUN", "nsubj", 6),
        ("opposed", "VERB", "acl", 0),
        ("to", "ADP", "case", 5),
        ("the", "DET", "det", 5),
        ("Russian", "ADJ", "amod", 5),
        ("presence", "NOUN", "obl", 1),
        ("joined", "VERB", "ROOT", 6),
        ("the", "DET", "det", 8),
        ("group", "NOUN", "obj", 6),
        (".", "PUNCT", "punct", 6),
    ]
    assert "REJECT" not in types(_parsed(text, "en", [], parse))


def test_stance_verb_of_its_own_clause_still_rejects() -> None:
    text = "Russia is opposed to the plan of Ukraine."
    parse = [
        ("Russia", "PROPN", "nsubj", 2),
        ("is", "AUX", "cop", 2),
        ("opposed", "ADJ", "ROOT", 2),
        ("to", "ADP", "case", 5),
        ("the", "DET", "det", 5),
        ("plan", "NOUN", "obl", 2),
        ("of", "ADP", "case", 7),
        ("Ukraine", "PROPN", "nmod", 5),
        (".", "PUNCT", "punct", 2),
    ]
    assert "REJECT" in types(_parsed(text, "en", [RUSSIA, UKRAINE], parse))


def test_promised_as_an_adjective_is_no_agreement() -> None:
    text = "Russia welcomed the promised withdrawal."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("welcomed", "VERB", "ROOT", 1),
        ("the", "DET", "det", 4),
        ("promised", "VERB", "amod", 4),
        ("withdrawal", "NOUN", "obj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "AGREE" not in types(_parsed(text, "en", [RUSSIA], parse))


def test_campaign_mobilizing_and_fighting_terrorism_are_no_events() -> None:
    unions = make_article("Unions in Russia mobilized behind the president.", "en", [RUSSIA])
    un = Ent("United Nations", "ORG")
    fight = make_article("The United Nations is fighting terrorism in Africa.", "en", [un])
    troops = make_article("Russia mobilized troops near Ukraine.", "en", [RUSSIA, UKRAINE])
    assert types(unions) == [] and types(fight) == []
    assert "MOBILIZE" in types(troops)


def _views(*sentences: str) -> list[SentenceView]:
    views = []
    for number, sentence in enumerate(sentences):
        words = tuple(
            Word(index=n, start=0, end=0, text=piece, lower=piece.lower())
            for n, piece in enumerate(sentence.split())
        )
        views.append(SentenceView(number, 0, 0, number, words, False))
    return views


def test_a_page_is_off_topic_with_enough_topic_sentences_outnumbering_political_ones() -> None:
    sense = Sense(load_lexicon("en"))
    sport = "the striker scored in the match"
    politics = "the minister met the parliament"
    assert sense.settings.page_min_sentences == 3 and sense.settings.page_ratio == 1.0
    assert sense.page_off_topic(_views(sport, sport, sport, politics, politics))
    assert not sense.page_off_topic(_views(sport, sport, sport, politics, politics, politics))
    assert not sense.page_off_topic(_views(sport, sport, politics))
    assert not sense.page_off_topic(_views(sport, sport))
    assert sense.page_off_topic(_views(sport, sport, sport))
