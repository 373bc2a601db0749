"""Generic reports of a kind of act are no events (newsgraph.events.generic).

Sentences are written for these tests; parses are given by hand (no model).
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.arguments import Arguments
from newsgraph.events.clauses import segment
from newsgraph.events.generic import generic_report
from newsgraph.events.triggers import find_triggers
from newsgraph.events.words import sentence_views
from newsgraph.model import Article

from .builders import Ent, FakeGeo, ParseRow, Time, make_article, parsed_article
from .test_sense_context import types as sentence_types

UKRAINE = Ent("Ukraine", "GPE", "UKR")
KYIV = Ent("Kyiv", "GPE", "UKR", lat=50.45, lon=30.52)

Parse = list[ParseRow]


def _parsed(
    text: str, lang: str, entities: list[Ent], parse: Parse, times: list[Time] | None = None
) -> Article:
    return parsed_article(text, lang, entities, parse, times or [])


def types(article: Article) -> list[str]:
    return [e.type for e in EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)]


def _hit(determiner: str, lemma: str, pos: str) -> Article:
    text = f"{determiner} attacks hit Ukraine."
    parse: Parse = [
        (determiner, lemma, pos, "det", 1),
        ("attacks", "attack", "NOUN", "nsubj", 2),
        ("hit", "hit", "VERB", "ROOT", 2),
        ("Ukraine", "Ukraine", "PROPN", "obj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]
    return _parsed(text, "en", [UKRAINE], parse)


def test_attacks_under_such_are_a_kind_of_act_not_an_event() -> None:
    assert "ASSAULT" not in types(_hit("Such", "such", "ADJ"))


def test_attacks_under_the_are_reported_acts() -> None:
    assert "ASSAULT" in types(_hit("The", "the", "DET"))


def _rammet(determiner: str) -> Article:
    text = f"{determiner} angrep rammet Ukraina."
    parse: Parse = [
        (determiner, determiner.lower(), "DET", "det", 1),
        ("angrep", "angrep", "NOUN", "nsubj", 2),
        ("rammet", "ramme", "VERB", "ROOT", 2),
        ("Ukraina", "Ukraina", "PROPN", "obj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]
    return _parsed(text, "nb", [Ent("Ukraina", "GPE", "UKR")], parse)


def test_norwegian_attacks_under_slike_are_no_event() -> None:
    assert "ASSAULT" not in types(_rammet("Slike"))
    assert "ASSAULT" in types(_rammet("Disse"))


def test_regular_visits_are_a_habit_not_a_visit() -> None:
    text = "Russian ministers made regular visits to Ukraine."
    parse: Parse = [
        ("Russian", "russian", "ADJ", "amod", 1),
        ("ministers", "minister", "NOUN", "nsubj", 2),
        ("made", "make", "VERB", "ROOT", 2),
        ("regular", "regular", "ADJ", "amod", 4),
        ("visits", "visit", "NOUN", "obj", 2),
        ("to", "to", "ADP", "case", 6),
        ("Ukraine", "Ukraine", "PROPN", "nmod", 4),
        (".", ".", "PUNCT", "punct", 2),
    ]
    article = _parsed(text, "en", [UKRAINE], parse)
    assert "CONSULT" not in types(article)
    official = _parsed(
        text.replace("regular", "official"),
        "en",
        [UKRAINE],
        [(w if w != "regular" else "official", *rest) for w, *rest in parse],  # type: ignore[misc]
    )
    assert "CONSULT" in types(official)


def _many(text: str, times: list[Time] | None = None) -> Article:
    parse: Parse = [
        ("Many", "many", "ADJ", "amod", 1),
        ("attacks", "attack", "NOUN", "nsubj", 2),
        ("hit", "hit", "VERB", "ROOT", 2),
        ("Ukraine", "Ukraine", "PROPN", "obj", 2),
    ]
    if times:
        parse.append(("yesterday", "yesterday", "ADV", "advmod", 2))
    parse.append((".", ".", "PUNCT", "punct", 2))
    return _parsed(text, "en", [UKRAINE], parse, times)


def test_many_attacks_with_no_doer_and_no_date_are_a_count_not_an_event() -> None:
    assert "ASSAULT" not in types(_many("Many attacks hit Ukraine."))


def test_many_attacks_on_a_named_day_are_reported() -> None:
    article = _many("Many attacks hit Ukraine yesterday.", [Time("yesterday", "2025-03-02")])
    assert "ASSAULT" in types(article)


def _protesterer(subject: str, lemma: str, pos: str) -> Article:
    text = f"Da protesterer {subject} mot regjeringen i Oslo."
    parse: Parse = [
        ("Da", "da", "ADV", "advmod", 1),
        ("protesterer", "protestere", "VERB", "ROOT", 1),
        (subject, lemma, pos, "nsubj", 1),
        ("mot", "mot", "ADP", "case", 4),
        ("regjeringen", "regjering", "NOUN", "obl", 1),
        ("i", "i", "ADP", "case", 6),
        ("Oslo", "Oslo", "PROPN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    return _parsed(text, "nb", [Ent("Oslo", "GPE", "NOR", lat=59.9, lon=10.7)], parse)


def test_act_of_the_generic_pronoun_man_is_a_general_statement() -> None:
    assert types(_protesterer("man", "man", "PRON")) == []
    assert types(_protesterer("studentene", "student", "NOUN")) != []


def _arrests(adverb: str | None) -> Article:
    verb = "arrests" if adverb else "arrested"
    words = ["The", "army", *([adverb] if adverb else []), verb, "protesters", "in", "Kyiv", "."]
    text = " ".join(words[:-1]) + "."
    at = words.index
    parse: Parse = [
        ("The", "the", "DET", "det", 1),
        ("army", "army", "NOUN", "nsubj", at(verb)),
        *([(adverb, adverb, "ADV", "advmod", at(verb))] if adverb else []),
        (verb, "arrest", "VERB", "ROOT", at(verb)),
        ("protesters", "protester", "NOUN", "obj", at(verb)),
        ("in", "in", "ADP", "case", at("Kyiv")),
        ("Kyiv", "Kyiv", "PROPN", "obl", at(verb)),
        (".", ".", "PUNCT", "punct", at(verb)),
    ]
    return _parsed(text, "en", [KYIV], parse)


def test_usually_makes_an_undated_arrest_a_habit() -> None:
    assert "COERCE" not in types(_arrests("usually"))
    assert "COERCE" in types(_arrests(None))


def test_a_negated_or_refused_act_under_such_is_no_generic_report() -> None:
    article = _hit("Such", "such", "ADJ")
    lexicon = load_lexicon("en")
    view = sentence_views(article)[0]
    clauses = segment(view, lexicon)
    match = next(m for m in find_triggers(view, clauses, lexicon) if m.category == "ASSAULT")
    assert generic_report(article, view, clauses, lexicon, match, Arguments())
    negated = replace(match, factuality="negated")
    assert not generic_report(article, view, clauses, lexicon, negated, Arguments())
    refused = replace(match, recoded=("REJECT", None))
    assert not generic_report(article, view, clauses, lexicon, refused, Arguments())


def test_an_attack_defined_as_a_kind_is_no_report() -> None:
    ukraine, russia = Ent("Ukraine", "GPE", "UKR"), Ent("Russia", "GPE", "RUS")
    defined = "An attack on Ukraine is an attack on all of Europe, Russia was told."
    assert sentence_types(defined, "en", [ukraine, russia]) == []
    norwegian = [Ent("Ukraina", "GPE", "UKR"), Ent("Russland", "GPE", "RUS")]
    quoted = "- Et angrep på Ukraina er en avskyelig handling, sier Russlands president."
    assert sentence_types(quoted, "nb", norwegian) == []


def test_an_attack_that_is_expected_or_carried_out_is_kept() -> None:
    ukraine = Ent("Ukraine", "GPE", "UKR")
    assert sentence_types("A Russian attack on Ukraine is expected tomorrow.", "en", [ukraine]) == [
        "ASSAULT"
    ]
    norwegian = [Ent("Ukraina", "GPE", "UKR"), Ent("Russland", "GPE", "RUS")]
    done = "Et angrep på Ukraina ble gjennomført av Russland i går."
    assert sentence_types(done, "nb", norwegian) == ["ASSAULT"]


GERMANY = Ent("Germany", "GPE", "DEU")
NATO = Ent("NATO", "ORG", None)


def _stance(
    verb: str, lemma: str, aux: str | None = None, day: bool = False, stop: str = "."
) -> Article:
    """Germany [aux] <verb> NATO's plan [on Monday]<stop>, with a hand-made parse."""
    words = ["Germany", *([aux] if aux else []), verb, "NATO", "'s", "plan"]
    words += ["on", "Monday"] if day else []
    text = " ".join(words).replace(" 's", "'s") + stop
    at = words.index
    parse: Parse = [
        ("Germany", "Germany", "PROPN", "nsubj", at(verb)),
        *([(aux, aux, "AUX", "aux", at(verb))] if aux else []),
        (verb, lemma, "VERB", "ROOT", at(verb)),
        ("NATO", "NATO", "PROPN", "nmod:poss", at("plan")),
        ("'s", "'s", "PART", "case", at("NATO")),
        ("plan", "plan", "NOUN", "obj", at(verb)),
    ]
    if day:
        parse += [
            ("on", "on", "ADP", "case", at("Monday")),
            ("Monday", "Monday", "PROPN", "obl", at(verb)),
        ]
    if stop:
        parse.append((stop, stop, "PUNCT", "punct", at(verb)))
    times = [Time("Monday", "2025-03-03")] if day else []
    return _parsed(text, "en", [GERMANY, NATO], parse, times)


def test_an_undated_stance_in_the_simple_present_is_a_position_not_an_event() -> None:
    assert "SUPPORT" not in types(_stance("supports", "support"))
    assert "ACCUSE" not in types(_stance("opposes", "oppose"))
    assert "REJECT" not in types(_stance("rejects", "reject"))


def test_a_stance_stated_in_the_past_or_on_a_day_is_reported() -> None:
    assert "SUPPORT" in types(_stance("supported", "support"))
    assert "SUPPORT" in types(_stance("supports", "support", day=True))
    assert "REJECT" in types(_stance("rejected", "reject"))


def test_a_stance_in_a_headline_with_no_full_stop_is_reported() -> None:
    assert "SUPPORT" in types(_stance("supports", "support", stop=""))


def test_a_stance_with_an_auxiliary_is_no_simple_present() -> None:
    # A promise of support is an intention (AGREE), kept as such.
    assert "AGREE" in types(_stance("support", "support", aux="will"))
    assert "SUPPORT" in types(_stance("supported", "support", aux="has"))


def test_has_long_makes_an_undated_stance_lasting() -> None:
    text = "Germany has long supported NATO's plan."
    parse: Parse = [
        ("Germany", "Germany", "PROPN", "nsubj", 3),
        ("has", "have", "AUX", "aux", 3),
        ("long", "long", "ADV", "advmod", 3),
        ("supported", "support", "VERB", "ROOT", 3),
        ("NATO", "NATO", "PROPN", "nmod:poss", 6),
        ("'s", "'s", "PART", "case", 4),
        ("plan", "plan", "NOUN", "obj", 3),
        (".", ".", "PUNCT", "punct", 3),
    ]
    assert "SUPPORT" not in types(_parsed(text, "en", [GERMANY, NATO], parse))


FRANCE = Ent("France", "GPE", "FRA")
IRAN = Ent("Iran", "GPE", "IRN")


def test_french_present_stance_is_a_position_the_compound_past_a_report() -> None:
    held = make_article("La France soutient la candidature de l'Ukraine.", "fr", [FRANCE, UKRAINE])
    stated = make_article(
        "La France a soutenu la candidature de l'Ukraine.", "fr", [FRANCE, UKRAINE]
    )
    assert "SUPPORT" not in types(held)
    assert "SUPPORT" in types(stated)


def test_french_present_refusal_on_a_named_day_is_reported() -> None:
    text = "L'Iran rejette lundi la proposition de la France."
    undated = make_article("L'Iran rejette la proposition de la France.", "fr", [IRAN, FRANCE])
    dated = make_article(text, "fr", [IRAN, FRANCE], [Time("lundi", "2025-03-03")])
    assert "REJECT" not in types(undated)
    assert "REJECT" in types(dated)


def test_german_present_rejection_is_a_position_the_preterite_a_report() -> None:
    russia, nato = Ent("Russland", "GPE", "RUS"), Ent("NATO", "ORG", None)
    held = make_article("Russland lehnt die Erweiterung der NATO ab.", "de", [russia, nato])
    stated = make_article("Russland lehnte die Erweiterung der NATO ab.", "de", [russia, nato])
    assert "REJECT" not in types(held)
    assert "REJECT" in types(stated)


def test_german_seit_langem_makes_an_undated_act_lasting() -> None:
    poland = Ent("Polen", "GPE", "POL")
    lasting = make_article("Polen unterstützte seit langem die Ukraine.", "de", [poland, UKRAINE])
    assert "SUPPORT" not in types(lasting)
    assert "SUPPORT" in types(
        make_article("Polen unterstützte die Ukraine.", "de", [poland, UKRAINE])
    )
