"""Modal demands (newsgraph.events.modals): when "må" / "must" asks something of an actor.

Sentences are written for these tests; parses are given by hand (no model), as the Bokmål and
English models of the pipeline give them.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.modals import no_demand
from newsgraph.events.words import SentenceView, sentence_views
from newsgraph.model import Article

from .builders import Ent, FakeGeo, make_article, parsed_article

NORWAY, RUSSIA = Ent("Norge", "GPE", "NOR"), Ent("Russland", "GPE", "RUS")
IRAN = Ent("Iran", "GPE", "IRN")
Row = tuple[str, str, str, int | None]


def _article(text: str, lang: str, parse: list[Row], entities: Sequence[Ent] = ()) -> Article:
    # A root is its own head in the token layer.
    rows = [
        (word, "", pos, dep, number if head is None else head)
        for number, (word, pos, dep, head) in enumerate(parse)
    ]
    return parsed_article(text, lang, entities, rows)


def _view(text: str, lang: str, parse: list[Row]) -> SentenceView:
    return sentence_views(_article(text, lang, parse))[0]


def _no_demand(text: str, lang: str, parse: list[Row]) -> bool:
    view = _view(text, lang, parse)
    modal = next(w.index for w in view.words if w.lower in ("må", "must", "has"))
    return no_demand(view, load_lexicon(lang), modal)


def _types(article: Article) -> list[str]:
    return [e.type for e in EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)]


DEMAND_NB = [
    ("Norge", "PROPN", "nsubj", 1),
    ("sa", "VERB", "ROOT", None),
    ("at", "SCONJ", "mark", 5),
    ("Russland", "PROPN", "nsubj", 5),
    ("må", "AUX", "aux", 5),
    ("trekke", "VERB", "ccomp", 1),
    ("styrkene", "NOUN", "obj", 5),
    ("tilbake", "ADV", "advmod", 5),
    (".", "PUNCT", "punct", 1),
]


def test_modal_with_another_actor_as_subject_is_a_demand() -> None:
    text = "Norge sa at Russland må trekke styrkene tilbake."
    assert not _no_demand(text, "nb", DEMAND_NB)
    assert "REQUEST" in _types(_article(text, "nb", DEMAND_NB, [NORWAY, RUSSIA]))


def test_first_person_modal_over_a_speech_verb_is_no_demand() -> None:
    text = "Først må jeg si at Russland tar feil."
    parse: list[Row] = [
        ("Først", "ADV", "advmod", 3),
        ("må", "AUX", "aux", 3),
        ("jeg", "PRON", "nsubj", 3),
        ("si", "VERB", "ROOT", None),
        ("at", "SCONJ", "mark", 6),
        ("Russland", "PROPN", "nsubj", 6),
        ("tar", "VERB", "ccomp", 3),
        ("feil", "ADV", "advmod", 6),
        (".", "PUNCT", "punct", 3),
    ]
    assert _no_demand(text, "nb", parse)
    assert "REQUEST" not in _types(_article(text, "nb", parse, [RUSSIA]))


def test_generic_subject_and_cognition_verb_make_no_demand() -> None:
    text = "Man må forstå at Norge er et lite land."
    parse: list[Row] = [
        ("Man", "PRON", "nsubj", 2),
        ("må", "AUX", "aux", 2),
        ("forstå", "VERB", "ROOT", None),
        ("at", "SCONJ", "mark", 7),
        ("Norge", "PROPN", "nsubj", 7),
        ("er", "AUX", "cop", 7),
        ("et", "DET", "det", 7),
        ("lite", "ADJ", "amod", 7),
        ("land", "NOUN", "ccomp", 2),
        (".", "PUNCT", "punct", 2),
    ]
    assert _no_demand(text, "nb", parse)


def test_cognition_verb_under_the_modal_is_no_demand_whoever_the_subject() -> None:
    text = "Ministeren mener Russland må forstå forskjellen."
    parse: list[Row] = [
        ("Ministeren", "NOUN", "nsubj", 1),
        ("mener", "VERB", "ROOT", None),
        ("Russland", "PROPN", "nsubj", 4),
        ("må", "AUX", "aux", 4),
        ("forstå", "VERB", "ccomp", 1),
        ("forskjellen", "NOUN", "obj", 4),
        (".", "PUNCT", "punct", 1),
    ]
    assert _no_demand(text, "nb", parse)


def test_expletive_subject_with_a_copula_is_no_demand() -> None:
    text = "Det må være en grundig debatt i Norge."
    parse: list[Row] = [
        ("Det", "PRON", "expl", 5),
        ("må", "AUX", "aux", 5),
        ("være", "AUX", "cop", 5),
        ("en", "DET", "det", 5),
        ("grundig", "ADJ", "amod", 5),
        ("debatt", "NOUN", "ROOT", None),
        ("i", "ADP", "case", 7),
        ("Norge", "PROPN", "nmod", 5),
        (".", "PUNCT", "punct", 5),
    ]
    assert _no_demand(text, "nb", parse)


def test_modal_after_a_condition_draws_a_consequence() -> None:
    text = "Hvis man bruker samme modell, må Sverige kutte mer."
    parse: list[Row] = [
        ("Hvis", "SCONJ", "mark", 2),
        ("man", "PRON", "nsubj", 2),
        ("bruker", "VERB", "advcl", 9),
        ("samme", "ADJ", "amod", 4),
        ("modell", "NOUN", "obj", 2),
        (",", "PUNCT", "punct", 2),
        ("må", "AUX", "aux", 8),
        ("Sverige", "PROPN", "nsubj", 8),
        ("kutte", "VERB", "ROOT", None),
        ("mer", "ADV", "advmod", 8),
        (".", "PUNCT", "punct", 8),
    ]
    assert _no_demand(text, "nb", parse)


def test_english_demand_and_inference() -> None:
    demand: list[Row] = [
        ("Iran", "PROPN", "nsubj", 2),
        ("must", "AUX", "aux", 2),
        ("allow", "VERB", "ROOT", None),
        ("the", "DET", "det", 4),
        ("inspectors", "NOUN", "obj", 2),
        ("in", "ADV", "advmod", 2),
        (".", "PUNCT", "punct", 2),
    ]
    assert not _no_demand("Iran must allow the inspectors in.", "en", demand)
    inference: list[Row] = [
        ("Iran", "PROPN", "nsubj", 3),
        ("must", "AUX", "aux", 3),
        ("have", "AUX", "aux", 3),
        ("known", "VERB", "ROOT", None),
        ("about", "ADP", "case", 6),
        ("the", "DET", "det", 6),
        ("plan", "NOUN", "obl", 3),
        (".", "PUNCT", "punct", 3),
    ]
    assert _no_demand("Iran must have known about the plan.", "en", inference)


def test_english_has_to_takes_its_verb_as_complement() -> None:
    parse: list[Row] = [
        ("We", "PRON", "nsubj", 1),
        ("has", "VERB", "ROOT", None),
        ("to", "PART", "mark", 3),
        ("remember", "VERB", "xcomp", 1),
        ("Iran", "PROPN", "obj", 3),
        (".", "PUNCT", "punct", 1),
    ]
    assert _no_demand("We has to remember Iran.", "en", parse)


def test_without_a_parse_the_pronoun_after_the_modal_decides() -> None:
    lexicon = load_lexicon("nb")
    speaker = sentence_views(make_article("Først må jeg si at Norge har rett.", "nb", []))[0]
    assert no_demand(speaker, lexicon, 1)
    actor = sentence_views(make_article("Russland må trekke styrkene ut.", "nb", []))[0]
    assert not no_demand(actor, lexicon, 1)


def test_pronoun_it_and_a_copula_still_make_a_demand() -> None:
    referring: list[Row] = [
        ("Norway", "PROPN", "nsubj", 1),
        ("told", "VERB", "ROOT", None),
        ("Iran", "PROPN", "obj", 1),
        ("that", "SCONJ", "mark", 6),
        ("it", "PRON", "nsubj", 6),
        ("must", "AUX", "aux", 6),
        ("cooperate", "VERB", "ccomp", 1),
        (".", "PUNCT", "punct", 1),
    ]
    assert not _no_demand("Norway told Iran that it must cooperate.", "en", referring)
    ready: list[Row] = [
        ("Iran", "PROPN", "nsubj", 3),
        ("must", "AUX", "aux", 3),
        ("be", "AUX", "cop", 3),
        ("ready", "ADJ", "ROOT", None),
        ("to", "PART", "mark", 5),
        ("negotiate", "VERB", "xcomp", 3),
        (".", "PUNCT", "punct", 3),
    ]
    assert not _no_demand("Iran must be ready to negotiate.", "en", ready)


def _coded(text: str, lang: str, entities: Sequence[Ent]) -> list[tuple[str, list[str]]]:
    article = make_article(text, lang, entities)
    names = {e.id: e.name for e in article.entities}
    return [
        (e.type, [names[t] for t in e.target])
        for e in EventCoder(load_lexicon(lang), FakeGeo()).code(article)
    ]


def test_must_laid_on_another_state_by_a_speaker_is_a_demand() -> None:
    china, usa = Ent("Kina", "GPE", "CHN"), Ent("USA", "GPE", "USA")
    coded = _coded("Kina sier at USA må betale for klimatiltakene.", "nb", [china, usa])
    assert coded == [("REQUEST", ["USA"])]
    english = [
        Ent("Russia", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("China", "GPE", "CHN"),
    ]
    text = "Russia must withdraw its troops from Ukraine, China said on Monday."
    assert ("REQUEST", ["Russia"]) in _coded(text, "en", english)


def test_must_laid_on_the_speakers_own_country_is_no_demand() -> None:
    usa = Ent("USA", "GPE", "USA")
    obama = Ent("Barack Obama", "PER", "USA", titles=("president",))
    assert _coded("USA må gå fremover, sier Barack Obama.", "nb", [usa, obama]) == []


def test_must_laid_on_no_political_actor_is_no_demand() -> None:
    china = Ent("China", "GPE", "CHN")
    assert _coded("Lærerne må arbeide hardere, sier Kina.", "nb", [Ent("Kina", "GPE", "CHN")]) == []
    assert _coded("Teachers must work harder, China said on Monday.", "en", [china]) == []


def test_must_laid_on_a_leader_of_the_speakers_own_country_is_a_demand() -> None:
    rebels = Ent("Rwandan Patriotic Army", "ORG", "RWA")
    kagame = Ent("Paul Kagame", "PER", "RWA", titles=("president",))
    text = "The Rwandan Patriotic Army said that Paul Kagame must agree to new elections."
    assert _coded(text, "en", [rebels, kagame]) == [("REQUEST", ["Paul Kagame"])]


def test_must_laid_on_troops_named_by_a_common_noun_is_a_demand() -> None:
    red_cross = Ent("Red Cross", "ORG")
    text = "The Red Cross said the troops must leave the city."
    assert _coded(text, "en", [red_cross]) == [("REQUEST", [])]
    norsk = _coded("Røde Kors sier at soldatene må forlate byen.", "nb", [Ent("Røde Kors", "ORG")])
    assert norsk == [("REQUEST", [])]
    assert _coded("The Red Cross said the teachers must leave the city.", "en", [red_cross]) == []
