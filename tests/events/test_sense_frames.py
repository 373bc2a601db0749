"""Word senses and factuality of trigger words (newsgraph.events.sense, triggers): "møte" as
attend, nouns read as verbs, promises to fight, "seek to", apologies, warnings, proposals.

Sentences are written for these tests; parses are given by hand (no model).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.clauses import segment
from newsgraph.events.sense import Sense
from newsgraph.events.triggers import TriggerMatch, proposed
from newsgraph.events.words import sentence_views
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article, parsed_article

NORWAY, RUSSIA = Ent("Norge", "GPE", "NOR"), Ent("Russland", "GPE", "RUS")
IRAN, CHINA = Ent("Iran", "GPE", "IRN"), Ent("China", "GPE", "CHN")
Row = tuple[str, str, str, int | None]


def _parsed(text: str, lang: str, parse: list[Row], entities: Sequence[Ent]) -> Article:
    rows = [
        (word, "", pos, dep, number if head is None else head)
        for number, (word, pos, dep, head) in enumerate(parse)
    ]
    return parsed_article(text, lang, entities, rows)


def _code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def _kinds(article: Article) -> list[tuple[str, str]]:
    return [(e.type, e.factuality) for e in _code(article)]


def test_moete_without_an_object_means_attend_not_meet() -> None:
    text = "Utenriksministeren fra Norge vil møte til spørretime i Russland."
    parse: list[Row] = [
        ("Utenriksministeren", "NOUN", "nsubj", 4),
        ("fra", "ADP", "case", 2),
        ("Norge", "PROPN", "nmod", 0),
        ("vil", "AUX", "aux", 4),
        ("møte", "VERB", "ROOT", None),
        ("til", "ADP", "case", 6),
        ("spørretime", "NOUN", "obl", 4),
        ("i", "ADP", "case", 8),
        ("Russland", "PROPN", "nmod", 6),
        (".", "PUNCT", "punct", 4),
    ]
    assert _kinds(_parsed(text, "nb", parse, [NORWAY, RUSSIA])) == []


def test_moete_with_a_person_as_object_is_a_meeting() -> None:
    text = "Utenriksministeren fra Norge møtte Russlands president."
    parse: list[Row] = [
        ("Utenriksministeren", "NOUN", "nsubj", 3),
        ("fra", "ADP", "case", 2),
        ("Norge", "PROPN", "nmod", 0),
        ("møtte", "VERB", "ROOT", None),
        ("Russlands", "PROPN", "nmod", 5),
        ("president", "NOUN", "obj", 3),
        (".", "PUNCT", "punct", 3),
    ]
    article = _parsed(text, "nb", parse, [NORWAY, Ent("Russland", "GPE", "RUS", ("Russlands",))])
    assert ("CONSULT", "asserted") in _kinds(article)


def test_fengsler_as_a_noun_is_prisons_not_jailing() -> None:
    text = "Norge besøkte fengsler i Russland."
    noun: list[Row] = [
        ("Norge", "PROPN", "nsubj", 1),
        ("besøkte", "VERB", "ROOT", None),
        ("fengsler", "NOUN", "obj", 1),
        ("i", "ADP", "case", 4),
        ("Russland", "PROPN", "nmod", 2),
        (".", "PUNCT", "punct", 1),
    ]
    assert "COERCE" not in [t for t, _ in _kinds(_parsed(text, "nb", noun, [NORWAY, RUSSIA]))]
    verb_text = "Russland fengsler mange journalister."
    verb: list[Row] = [
        ("Russland", "PROPN", "nsubj", 1),
        ("fengsler", "VERB", "ROOT", None),
        ("mange", "ADJ", "amod", 3),
        ("journalister", "NOUN", "obj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert "COERCE" in [t for t, _ in _kinds(_parsed(verb_text, "nb", verb, [RUSSIA]))]


def test_promise_to_fight_is_a_threat_not_an_agreement() -> None:
    text = "Presidenten i Russland lover å slåss mot Norge til siste slutt."
    found = [e.type for e in _code(make_article(text, "nb", [RUSSIA, NORWAY]))]
    assert "THREATEN" in found
    assert "AGREE" not in found


def test_seek_to_is_an_attempt_not_a_request() -> None:
    text = "Iran has long sought to divide China and its neighbours."
    assert "REQUEST" not in [e.type for e in _code(make_article(text, "en", [IRAN, CHINA]))]
    asked = "Iran sought assistance from China."
    assert "REQUEST" in [e.type for e in _code(make_article(asked, "en", [IRAN, CHINA]))]


def test_asking_forgiveness_is_an_apology_not_a_request() -> None:
    text = "Statsministeren i Norge ba Russland om unnskyldning for uttalelsen."
    assert "REQUEST" not in [e.type for e in _code(make_article(text, "nb", [NORWAY, RUSSIA]))]


def test_meeting_with_approval_is_no_meeting() -> None:
    text = "Iran met with the approval of China."
    assert "CONSULT" not in [e.type for e in _code(make_article(text, "en", [IRAN, CHINA]))]


def test_relative_pronoun_subject_stands_for_the_described_thing() -> None:
    text = "Russland kom med et tema som krever takt fra Norge."
    parse: list[Row] = [
        ("Russland", "PROPN", "nsubj", 1),
        ("kom", "VERB", "ROOT", None),
        ("med", "ADP", "case", 4),
        ("et", "DET", "det", 4),
        ("tema", "NOUN", "obl", 1),
        ("som", "PRON", "nsubj", 6),
        ("krever", "VERB", "acl:relcl", 4),
        ("takt", "NOUN", "obj", 6),
        ("fra", "ADP", "case", 9),
        ("Norge", "PROPN", "nmod", 7),
        (".", "PUNCT", "punct", 1),
    ]
    view = sentence_views(_parsed(text, "nb", parse, [RUSSIA, NORWAY]))[0]
    assert not Sense(load_lexicon("nb")).subject_acts(view, 6, "REQUEST", [])
    people = "Russland kom med en gruppe som krever takt fra Norge."
    parse[3], parse[4] = ("en", "DET", "det", 4), ("gruppe", "NOUN", "obl", 1)
    view = sentence_views(_parsed(people, "nb", parse, [RUSSIA, NORWAY]))[0]
    assert Sense(load_lexicon("nb")).subject_acts(view, 6, "REQUEST", [])


def test_warning_against_a_policy_is_a_caution_not_a_threat() -> None:
    caution = "Russland advarer Norge mot kutt i velferden."
    assert "THREATEN" not in [e.type for e in _code(make_article(caution, "nb", [RUSSIA, NORWAY]))]
    threat = "Russland advarer Norge om at de vil svare med makt."
    assert "THREATEN" in [e.type for e in _code(make_article(threat, "nb", [RUSSIA, NORWAY]))]


def test_english_warning_needs_the_warners_own_response() -> None:
    caution = "China warned Iran that there is no room for compromise."
    assert "THREATEN" not in [e.type for e in _code(make_article(caution, "en", [CHINA, IRAN]))]
    threat = "China warned Iran that it would impose consequences."
    assert "THREATEN" in [e.type for e in _code(make_article(threat, "en", [CHINA, IRAN]))]


def test_what_a_proposal_says_is_no_fact() -> None:
    text = "Regjeringen vil fremme forslag om at Norge støtter Russland."
    parse: list[Row] = [
        ("Regjeringen", "NOUN", "nsubj", 2),
        ("vil", "AUX", "aux", 2),
        ("fremme", "VERB", "ROOT", None),
        ("forslag", "NOUN", "obj", 2),
        ("om", "ADP", "mark", 7),
        ("at", "SCONJ", "mark", 7),
        ("Norge", "PROPN", "nsubj", 7),
        ("støtter", "VERB", "advcl", 2),
        ("Russland", "PROPN", "obj", 7),
        (".", "PUNCT", "punct", 2),
    ]
    found = _kinds(_parsed(text, "nb", parse, [NORWAY, RUSSIA]))
    assert ("SUPPORT", "conditional") in found
    assert ("SUPPORT", "asserted") not in found


def test_what_is_proposed_under_the_proposal_noun_is_no_fact() -> None:
    text = "Iran welcomed the proposal of China to hold talks."
    parse: list[Row] = [
        ("Iran", "PROPN", "nsubj", 1),
        ("welcomed", "VERB", "ROOT", None),
        ("the", "DET", "det", 3),
        ("proposal", "NOUN", "obj", 1),
        ("of", "ADP", "case", 5),
        ("China", "PROPN", "nmod", 3),
        ("to", "PART", "mark", 7),
        ("hold", "VERB", "acl", 3),
        ("talks", "NOUN", "obj", 7),
        (".", "PUNCT", "punct", 1),
    ]
    lexicon = load_lexicon("en")
    view = sentence_views(_parsed(text, "en", parse, [IRAN, CHINA]))[0]
    clauses = segment(view, lexicon)
    rule = lexicon.rules[0]
    assert proposed(view, clauses, lexicon, TriggerMatch(rule, (8,), 8))
    assert not proposed(view, clauses, lexicon, TriggerMatch(rule, (1,), 1))


def test_moete_takes_the_noun_after_it_when_the_parse_hangs_it_elsewhere() -> None:
    text = "Kongen av Norge fikk også møte Russlands president."
    parse: list[Row] = [
        ("Kongen", "NOUN", "nsubj", 3),
        ("av", "ADP", "case", 2),
        ("Norge", "PROPN", "nmod", 0),
        ("fikk", "VERB", "ROOT", None),
        ("også", "ADV", "advmod", 3),
        ("møte", "VERB", "xcomp", 3),
        ("Russlands", "PROPN", "nmod", 7),
        ("president", "NOUN", "nsubj", 5),
        (".", "PUNCT", "punct", 3),
    ]
    russia = Ent("Russland", "GPE", "RUS", ("Russlands",))
    assert "CONSULT" in [t for t, _ in _kinds(_parsed(text, "nb", parse, [NORWAY, russia]))]


def test_the_writers_own_meeting_is_no_political_event() -> None:
    text = "I går møtte vi Russlands president i Norge."
    parse: list[Row] = [
        ("I", "ADP", "case", 1),
        ("går", "NOUN", "obl", 2),
        ("møtte", "VERB", "ROOT", None),
        ("vi", "PRON", "nsubj", 2),
        ("Russlands", "PROPN", "nmod", 5),
        ("president", "NOUN", "obj", 2),
        ("i", "ADP", "case", 7),
        ("Norge", "PROPN", "obl", 2),
        (".", "PUNCT", "punct", 2),
    ]
    russia = Ent("Russland", "GPE", "RUS", ("Russlands",))
    assert "CONSULT" not in [t for t, _ in _kinds(_parsed(text, "nb", parse, [NORWAY, russia]))]


def test_swedish_warning_against_cuts_is_a_caution() -> None:
    sweden, norway = Ent("Sverige", "GPE", "SWE"), Ent("Norge", "GPE", "NOR")
    caution = "Sverige varnar Norge för nedskärningar i försvaret."
    assert "THREATEN" not in [e.type for e in _code(make_article(caution, "sv", [sweden, norway]))]
    threat = "Sverige varnar Norge att de kommer att svara med sanktioner."
    assert "THREATEN" in [e.type for e in _code(make_article(threat, "sv", [sweden, norway]))]


def test_rejecting_accusations_is_a_denial_not_a_rejection() -> None:
    denial = "Iran rejected the accusations from China."
    assert "REJECT" not in [e.type for e in _code(make_article(denial, "en", [IRAN, CHINA]))]
    refusal = "Iran rejected the proposal from China."
    assert "REJECT" in [e.type for e in _code(make_article(refusal, "en", [IRAN, CHINA]))]
    nb = "Russland tilbakeviste påstandene fra Norge."
    assert "REJECT" not in [e.type for e in _code(make_article(nb, "nb", [RUSSIA, NORWAY]))]


def test_what_a_denial_says_happened_is_negated() -> None:
    text = "Iran denied that it had attacked China."
    parse: list[Row] = [
        ("Iran", "PROPN", "nsubj", 1),
        ("denied", "VERB", "ROOT", None),
        ("that", "SCONJ", "mark", 5),
        ("it", "PRON", "nsubj", 5),
        ("had", "AUX", "aux", 5),
        ("attacked", "VERB", "ccomp", 1),
        ("China", "PROPN", "obj", 5),
        (".", "PUNCT", "punct", 1),
    ]
    kinds = _kinds(_parsed(text, "en", parse, [IRAN, CHINA]))
    assert ("ASSAULT", "asserted") not in kinds
    assert ("REJECT", "asserted") not in kinds
