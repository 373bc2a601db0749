"""Grounding, factuality and trigger sense in Danish, Swedish, German and French: a political actor
or a political noun is needed (resources/<lang>/events.toml [cues] political_orgs,
political_nouns), plans are no facts (infinitive clauses, verb-final modals, "when" clauses,
nouns that are to take place), "Offensive" and "Abzug" count where the sentence speaks of armed
force, and a dateline's place is no participant (newsgraph.events.grounding, .triggers, .actors).

These languages have no parser, so the coder reads words only. Sentences are written for these
tests; no model.
"""

from __future__ import annotations

import pytest

from newsgraph.events import EventCoder, load_lexicon

from .builders import Ent, FakeGeo, make_article

ACTORS = {
    "da": [
        Ent("Rusland", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("Hansen Byg", "ORG", "DNK"),
        Ent("Jensen", "PER", "DNK"),
        Ent("Folketinget", "ORG", "DNK"),
    ],
    "sv": [
        Ent("Ryssland", "GPE", "RUS"),
        Ent("Ukraina", "GPE", "UKR"),
        Ent("Berg Bygg", "ORG", "SWE"),
        Ent("Lind", "PER", "SWE"),
    ],
    "de": [
        Ent("Russland", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("Deutschland", "GPE", "DEU"),
        Ent("Bäckerei Huber", "ORG", "DEU"),
        Ent("Müller", "PER", "DEU"),
        Ent("Kiew", "GPE", "UKR", lat=50.45, lon=30.52),
        Ent("Hamburg", "GPE", "DEU", lat=53.55, lon=9.99),
    ],
    "fr": [
        Ent("Russie", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("Dupont", "ORG", "FRA"),
        Ent("Martin", "PER", "FRA"),
    ],
}


def coded(text: str, lang: str) -> list[tuple[str, str, list[str]]]:
    """(category, factuality, actor names) of every event coded in one sentence."""
    entities = [e for e in ACTORS[lang] if e.name in text]
    article = make_article(text, lang, entities)
    names = {entity.id: entity.name for entity in article.entities}
    events = EventCoder(load_lexicon(lang), FakeGeo()).code(article)
    return [(e.type, e.factuality, [names.get(a, a) for a in e.actors]) for e in events]


@pytest.mark.parametrize(
    ("lang", "private", "political"),
    [
        (
            "da",
            "Hansen Byg kritiserede Jensen skarpt i går.",
            "Regeringen kritiserede Jensen skarpt i går.",
        ),
        (
            "sv",
            "Berg Bygg kritiserade Lind skarpt i går.",
            "Regeringen kritiserade Lind skarpt i går.",
        ),
        (
            "de",
            "Müller kritisierte die Bäckerei Huber scharf.",
            "Die Bundesregierung kritisierte die Bäckerei Huber scharf.",
        ),
        ("fr", "Dupont a critiqué Martin hier.", "Le gouvernement a critiqué Martin hier."),
    ],
)
def test_criticism_between_private_parties_is_no_event_but_a_governments_is(
    lang: str, private: str, political: str
) -> None:
    assert coded(private, lang) == []
    assert [(c, f) for c, f, _ in coded(political, lang)] == [("ACCUSE", "asserted")]


def test_an_agreement_or_invitation_between_private_parties_is_no_event_in_german() -> None:
    assert coded("Die Bäckerei Huber einigte sich mit Müller auf einen neuen Preis.", "de") == []
    assert coded("Müller lud die Bäckerei Huber zu einem Empfang ein.", "de") == []
    political = "Die Bundesregierung einigte sich mit Müller auf einen neuen Preis."
    assert [c for c, _, _ in coded(political, "de")] == ["AGREE"]


def test_a_meeting_of_private_parties_is_no_event_in_danish() -> None:
    assert coded("Jensen mødtes med Hansen Byg i går.", "da") == []


def test_an_infinitive_after_expected_is_a_plan_in_danish() -> None:
    assert coded("Statsministeren ventes at besøge Ukraine i næste uge.", "da") == [
        ("AGREE", "planned", ["Ukraine"])
    ]


def test_a_meeting_in_a_when_clause_is_no_fact_in_danish() -> None:
    events = coded("Partiet vil fremsætte forslaget, når Folketinget mødes igen.", "da")
    assert [(c, f) for c, f, _ in events] == [("CONSULT", "conditional")]


def test_a_modal_far_before_the_clause_final_verb_makes_a_plan_in_german() -> None:
    text = "Am Sonntag will Deutschland in Berlin mit der Ukraine nach langen Gesprächen ein Abkommen unterzeichnen."
    events = coded(text, "de")
    assert ("AGREE", "planned") in [(c, f) for c, f, _ in events]
    assert "SUPPORT" not in [c for c, _, _ in events]


def test_a_meeting_that_is_to_take_place_is_not_reported_as_held_in_german() -> None:
    text = "Das Treffen zwischen Russland und der Ukraine soll im Mai stattfinden."
    assert all(f != "asserted" for _, f, _ in coded(text, "de"))


def test_an_offensive_is_an_attack_only_where_armed_force_is_spoken_of() -> None:
    military = "Russland setzte seine Offensive mit Panzern und Artillerie in der Ukraine fort."
    assert [c for c, _, _ in coded(military, "de")] == ["ASSAULT"]
    assert coded("Die Bäckerei Huber startete eine Offensive im Onlinehandel.", "de") == []


def test_a_withdrawal_where_troops_are_spoken_of_is_a_retreat_and_a_deduction_is_none() -> None:
    text = "Russland verzögerte den Abzug aus Kiew, obwohl die Truppen erschöpft waren."
    assert [c for c, _, _ in coded(text, "de")] == ["RETREAT"]
    assert coded("Müller fragte nach dem Abzug der Kosten von der Steuer.", "de") == []


def test_a_dateline_place_before_an_agency_is_no_participant() -> None:
    text = "Hamburg (dpa) - Die Bundesregierung kritisierte Russland scharf."
    events = coded(text, "de")
    assert [c for c, _, _ in events] == ["ACCUSE"]
    assert "Hamburg" not in events[0][2]


def test_a_dateline_glued_after_a_headline_is_no_participant() -> None:
    text = "Regierung kritisiert Angriffe Kiew (dpa) - Die Bundesregierung kritisierte Russland scharf."
    events = coded(text, "de")
    assert events and all("Kiew" not in actors for _, _, actors in events)


@pytest.mark.parametrize(
    ("lang", "text", "outlet"),
    [
        ("de", "Der Abendkurier kritisierte Russland scharf.", "Abendkurier"),
        ("da", "Vestegnens Tidende kritiserede Rusland skarpt i går.", "Vestegnens Tidende"),
    ],
)
def test_a_newspaper_named_by_its_kind_is_no_participant(lang: str, text: str, outlet: str) -> None:
    ACTORS[lang].append(Ent(outlet, "ORG"))
    try:
        events = coded(text, lang)
    finally:
        ACTORS[lang].pop()
    assert all(outlet not in actors for _, _, actors in events)


def test_german_drohen_threatens_only_with_mit_or_an_infinitive() -> None:
    assert [c for c, _, _ in coded("Russland drohte der Ukraine mit Sanktionen.", "de")] == [
        "THREATEN"
    ]
    assert coded("Der Ukraine droht ein harter Winter ohne Deutschland.", "de") == []


def test_a_yearly_habit_is_no_event_in_german() -> None:
    assert coded("Deutschland besucht die Ukraine jedes Jahr.", "de") == []


def test_german_soll_with_gewesen_is_hearsay_not_a_plan() -> None:
    text = "Auch Deutschland soll an dem Treffen mit der Ukraine beteiligt gewesen sein."
    assert [f for _, f, _ in coded(text, "de")] == ["claimed"]
