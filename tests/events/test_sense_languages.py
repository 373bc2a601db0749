"""Trigger sense, factuality and category in Danish, Swedish, German and French (and the hearsay
modal in every language): sport and idioms, denials, questions, hearsay, court sentences versus
condemnations (resources/<lang>/events.toml, newsgraph.events.triggers).

These languages have no parser, so the coder reads words only. Sentences are written for these
tests; no model.
"""

from __future__ import annotations

import pytest

from newsgraph.events import EventCoder, load_lexicon

from .builders import Ent, FakeGeo, make_article, parsed_article

ACTORS = {
    "da": [
        Ent("Rusland", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("Danmark", "GPE", "DNK"),
    ],
    "sv": [
        Ent("Ryssland", "GPE", "RUS"),
        Ent("Ukraina", "GPE", "UKR"),
        Ent("Sverige", "GPE", "SWE"),
    ],
    "de": [
        Ent("Russland", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("Kiew", "GPE", "UKR"),
        Ent("Frankreich", "GPE", "FRA"),
        Ent("Deutschland", "GPE", "DEU"),
    ],
    "fr": [
        Ent("Russie", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("Kiev", "GPE", "UKR"),
        Ent("France", "GPE", "FRA"),
        Ent("Macron", "PER", "FRA"),
    ],
    "nb": [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR"), Ent("Norge", "GPE", "NOR")],
    "en": [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")],
}


def kinds(text: str, lang: str) -> list[tuple[str, str]]:
    """(category, factuality) of every event coded in one sentence."""
    entities = [e for e in ACTORS[lang] if e.name in text]
    article = make_article(text, lang, entities)
    return [(e.type, e.factuality) for e in EventCoder(load_lexicon(lang), FakeGeo()).code(article)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Rusland skal have angrebet Ukraine i nat."),
        ("sv", "Ryssland ska ha attackerat Ukraina under natten."),
        ("de", "Russland soll Kiew mit Raketen angegriffen haben."),
        ("fr", "La Russie aurait attaqué Kiev lundi."),
        ("nb", "Russland skal ha angrepet Ukraina i natt."),
        ("en", "Russia reportedly attacked Ukraine on Monday."),
    ],
)
def test_hearsay_is_a_claim_not_a_fact_nor_a_plan(lang: str, text: str) -> None:
    assert kinds(text, lang) == [("ASSAULT", "claimed")]


def test_the_same_modal_before_a_noun_is_still_a_plan() -> None:
    assert kinds("Danmark skal have et møde med Ukraine i morgen.", "da") == [("AGREE", "planned")]
    assert kinds("Russland skal angripe Ukraina.", "nb") == [("THREATEN", "planned")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Rusland afviste, at landet havde angrebet Ukraine."),
        ("de", "Russland bestritt, dass es Kiew angegriffen habe."),
    ],
)
def test_a_denied_clause_is_negated_and_the_denial_is_no_refusal(lang: str, text: str) -> None:
    assert kinds(text, lang) == [("ASSAULT", "negated")]


@pytest.mark.parametrize(
    ("lang", "denial", "refusal"),
    [
        ("da", "Rusland afviste beskyldningerne fra Ukraine.", "Danmark afviste Ruslands krav."),
        ("sv", "Ryssland avvisade anklagelserna från Ukraina.", "Sverige avvisade Rysslands krav."),
        (
            "de",
            "Russland wies die Vorwürfe aus Kiew entschieden zurück.",
            "Frankreich wies die Forderung Russlands zurück.",
        ),
        (
            "fr",
            "La Russie a rejeté les accusations de l'Ukraine.",
            "La France a rejeté la demande de la Russie.",
        ),
    ],
)
def test_rejecting_an_accusation_is_a_denial(lang: str, denial: str, refusal: str) -> None:
    assert kinds(denial, lang) == []
    assert kinds(refusal, lang) == [("REJECT", "asserted")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Danmark afviste at kommentere sagen om Rusland."),
        ("da", "Det kræver tid at hjælpe Ukraine, siger Danmark."),
        ("da", "Danmark udsendte en pressemeddelelse om Rusland."),
        ("da", "Danmark fik en offensiv start på kampen mod Rusland."),
        ("da", "Angriberen fra Danmark skød bolden i mål mod Rusland i Superligaen."),
        ("sv", "Sverige sköt upp beslutet om Ukraina."),
        ("sv", "Sverige erkände att landet hade gjort fel om Ryssland."),
        ("sv", "Tåget avgår från Sverige till Ukraina klockan tre."),
        ("sv", "Det stämmer att Sverige och Ukraina har samarbetat."),
        ("de", "Frankreich traf eine schwere Entscheidung über Russland."),
        ("de", "Die Ukraine droht eine Niederlage gegen Russland."),
        ("de", "Deutschland sagte, dass Russland keine Pläne zu haben schien."),
        ("de", "Der Stürmer griff im Spiel gegen Russland an und erzielte das Tor zum 1:0."),
        ("fr", "Macron a demandé si la Russie voulait la paix avec l'Ukraine."),
        ("fr", "Macron a reçu le prix de la Russie."),
        ("fr", "La France a déployé ses efforts pour aider l'Ukraine."),
    ],
)
def test_words_in_a_sense_that_reports_no_event(lang: str, text: str) -> None:
    assert kinds(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        ("da", "Danmark udsendte soldater til Ukraine.", "MOBILIZE"),
        ("da", "Rusland indledte en offensiv mod Ukraine.", "ASSAULT"),
        ("sv", "Sverige erkände Ukraina som stat.", "SUPPORT"),
        ("de", "Deutschland sagte der Ukraine weitere Waffen zu.", "AGREE"),
        ("de", "Frankreich traf den ukrainischen Präsidenten in Kiew.", "CONSULT"),
        ("de", "Russland drohte der Ukraine mit Konsequenzen.", "THREATEN"),
        ("fr", "Macron a demandé à la Russie de retirer ses troupes.", "REQUEST"),
        ("fr", "Macron a reçu le président de l'Ukraine à Paris.", "CONSULT"),
        ("fr", "La France a déployé des soldats en Ukraine.", "MOBILIZE"),
    ],
)
def test_the_political_sense_is_still_coded(lang: str, text: str, category: str) -> None:
    assert kinds(text, lang) == [(category, "asserted")]


@pytest.mark.parametrize(
    ("lang", "sentence", "condemnation"),
    [
        (
            "de",
            "Ein Gericht in Russland verurteilte den Ukrainer zu zehn Jahren Haft.",
            "Deutschland verurteilte den Angriff Russlands auf Kiew.",
        ),
        (
            "fr",
            "Le tribunal de Kiev a condamné le Russe à dix ans de prison.",
            "La France a condamné l'attaque de la Russie contre l'Ukraine.",
        ),
    ],
)
def test_a_court_sentence_is_a_sanction_a_condemnation_an_accusation(
    lang: str, sentence: str, condemnation: str
) -> None:
    assert [k for k, _ in kinds(sentence, lang)] == ["SANCTION"]
    assert "ACCUSE" in [k for k, _ in kinds(condemnation, lang)]


def test_nynorsk_and_bokmal_idioms_report_no_event() -> None:
    assert kinds("Alle partia i Norge ber sin del av ansvaret for krigen i Ukraina.", "nb") == []
    assert kinds("Regimet i Russland kom til endes etter krigen i Ukraina.", "nb") == []
    assert kinds("Partia i Norge møtte fram med kandidatane sine i Ukraina.", "nb") == []


def test_a_question_takes_a_named_act_as_given_but_not_a_verb() -> None:
    usa, iraq = Ent("USA", "GPE", "USA", aliases=("USAs",)), Ent("Irak", "GPE", "IRQ")
    named = parsed_article(
        "Var USAs invasjon av Irak et feilgrep?",
        "nb",
        [usa, iraq],
        _rows(
            [
                ("Var", "AUX", "cop", 6),
                ("USAs", "PROPN", "nmod:poss", 2),
                ("invasjon", "NOUN", "nsubj", 6),
                ("av", "ADP", "case", 4),
                ("Irak", "PROPN", "nmod", 2),
                ("et", "DET", "det", 6),
                ("feilgrep", "NOUN", "root", None),
                ("?", "PUNCT", "punct", 6),
            ]
        ),
    )
    asked = parsed_article(
        "Angrep USA Irak i går?",
        "nb",
        [usa, iraq],
        _rows(
            [
                ("Angrep", "VERB", "root", None),
                ("USA", "PROPN", "nsubj", 0),
                ("Irak", "PROPN", "obj", 0),
                ("i", "ADP", "case", 4),
                ("går", "NOUN", "obl", 0),
                ("?", "PUNCT", "punct", 0),
            ]
        ),
    )
    coder = EventCoder(load_lexicon("nb"), FakeGeo())
    assert [(e.type, e.factuality) for e in coder.code(named)] == [("ASSAULT", "asserted")]
    assert [e.factuality for e in coder.code(asked)] == ["conditional"]


def _rows(parse: list[tuple[str, str, str, int | None]]) -> list[tuple[str, str, str, str, int]]:
    return [
        (word, "", pos, dep, number if head is None else head)
        for number, (word, pos, dep, head) in enumerate(parse)
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Danmark bad om ordet i debatten om Rusland."),
        ("sv", "Sverige bad om ordet i debatten om Ryssland."),
        ("de", "Deutschland bat um das Wort in der Debatte über Russland."),
        ("fr", "La France a demandé la parole dans le débat sur la Russie."),
        ("nb", "Norge ba om ordet i debatten om Russland."),
    ],
)
def test_asking_for_the_floor_is_procedure_not_a_request(lang: str, text: str) -> None:
    assert kinds(text, lang) == []


def test_english_return_to_school_and_sanctioned_plans_are_no_events() -> None:
    assert kinds("Russia said the return to school in Ukraine was safe.", "en") == []
    assert kinds("Russia sanctioned the construction of a road to Ukraine.", "en") == []
    assert kinds("Russia sanctioned Ukraine on Monday.", "en") == [("SANCTION", "asserted")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Russland kann Kiew jederzeit angreifen.", [("ASSAULT", "conditional")]),
        ("de", "Russland wird Kiew angreifen.", [("THREATEN", "planned")]),
        ("fr", "La Russie peut attaquer l'Ukraine à tout moment.", [("ASSAULT", "conditional")]),
        ("fr", "La Russie va attaquer l'Ukraine.", [("THREATEN", "planned")]),
        ("fr", "La Russie n'a pas attaqué l'Ukraine.", [("ASSAULT", "negated")]),
        (
            "fr",
            "Macron a demandé si la Russie allait attaquer l'Ukraine.",
            [("ASSAULT", "conditional")],
        ),
    ],
)
def test_possibility_plan_and_negation(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Danmark har afvist at sende flere soldater til Ukraine."),
        ("sv", "Sverige har avvisat att skicka fler soldater till Ukraina."),
    ],
)
def test_refusing_to_act_is_a_rejection_not_a_denial(lang: str, text: str) -> None:
    assert ("REJECT", "asserted") in kinds(text, lang)
