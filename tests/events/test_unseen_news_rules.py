"""General rules against the wrong events of news never seen (issue #10, round ev23): words of
matches and films, orders for an inquiry, customs and rules, "despite" phrases, goals and
purposes, support sought, responsibility refused and debates invited, outlets named as
"…Magasinet", comparative conditionals and election parties.

Sentences are written for these tests and run through the whole pipeline (the shipped models'
parse and names).
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.model import Article

from .builders import coded


def categories(article: Article) -> set[str]:
    return {e.type for e in article.events}


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Norway attacked relentlessly in the second half, but Sweden held on for a draw."),
        ("en", "Brazil threatened the goal several times before the interval."),
        ("nb", "Norge angrep kraftig i andre omgang av kampen mot Sverige."),
        ("da", "Danmark angreb hele kampen mod Sverige."),
        ("fr", "La France a attaqué pendant tout le match contre l'Italie."),
    ],
)
def test_an_attack_or_threat_in_a_sentence_about_a_match_is_play(
    extractor: Extractor, lang: str, text: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert not categories(article) & {"ASSAULT", "THREATEN", "COERCE"}


@pytest.mark.models
def test_troops_attacking_with_a_goal_are_still_an_assault(extractor: Extractor) -> None:
    text = "Russian troops attacked Kharkiv on Monday with the goal of seizing the city."
    assert coded(extractor.extract_text(text, lang="en"), "ASSAULT") == ["attacked"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Smith ordered an investigation into the deaths."),
        ("nb", "Regjeringen ba om en gransking av ulykken."),
        ("nb", "Statsministeren ba om en gransking av saken."),
    ],
)
def test_an_order_for_an_inquiry_is_no_request(extractor: Extractor, lang: str, text: str) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert not categories(article) & {"REQUEST", "ACCUSE"}


@pytest.mark.models
def test_asking_a_party_to_act_is_still_a_request(extractor: Extractor) -> None:
    text = "President Smith asked Russia to withdraw its troops."
    assert coded(extractor.extract_text(text, lang="en"), "REQUEST") == ["asked"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It is a tradition that the American president visits China in the spring."),
        ("en", "By custom, the Norwegian prime minister visits Sweden first."),
        ("nb", "Det er tradisjon at statsministeren besøker Sverige først."),
    ],
)
def test_an_act_a_custom_lays_down_is_no_event(extractor: Extractor, lang: str, text: str) -> None:
    assert coded(extractor.extract_text(text, lang=lang), "CONSULT") == []


@pytest.mark.models
def test_a_visit_breaking_with_tradition_is_still_a_visit(extractor: Extractor) -> None:
    text = "Breaking with tradition, President Smith visited China on Monday."
    assert coded(extractor.extract_text(text, lang="en"), "CONSULT") == ["visited"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Malgré l'attaque contre l'ambassade, la Russie et la Chine ont signé l'accord."),
        ("sv", "Trots attacken mot ambassaden undertecknade Ryssland och Kina avtalet."),
        ("da", "Trods angrebet på ambassaden underskrev Rusland og Kina aftalen."),
    ],
)
def test_an_attack_in_a_despite_phrase_is_background(
    extractor: Extractor, lang: str, text: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert coded(article, "ASSAULT") == []
    assert len(coded(article, "SUPPORT")) == 1


@pytest.mark.models
def test_a_promise_in_a_despite_phrase_is_background(extractor: Extractor) -> None:
    text = "Despite President Smith's vows to help Ukraine, the aid never arrived."
    assert coded(extractor.extract_text(text, lang="en"), "AGREE") == []


@pytest.mark.models
def test_an_attack_despite_a_ceasefire_is_still_an_attack(extractor: Extractor) -> None:
    text = "Russian troops attacked Kharkiv on Monday despite the ceasefire."
    assert coded(extractor.extract_text(text, lang="en"), "ASSAULT") == ["attacked"]


def factualities(article: Article) -> set[str]:
    return {e.factuality for e in article.events}


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Målet med operasjonen er å angripe opprørerne i Idlib."),
        ("nb", "Formålet er å innføre sanksjoner mot Russland."),
        ("da", "Målet er at angribe oprørerne i Idlib."),
    ],
)
def test_a_goal_makes_the_act_intended_not_asserted(
    extractor: Extractor, lang: str, text: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert article.events
    assert "asserted" not in factualities(article)


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Smith refused to take any responsibility for the attack on Iraq."),
        ("en", "President Smith invited a debate on Russia."),
        ("nb", "Statsministeren nektet å ta ansvar for angrepet."),
    ],
)
def test_refusing_responsibility_or_inviting_debate_is_no_act_between_parties(
    extractor: Extractor, lang: str, text: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert not categories(article) & {"REJECT", "AGREE", "CONSULT"}


@pytest.mark.models
def test_refusing_to_meet_and_inviting_to_talks_are_still_acts(extractor: Extractor) -> None:
    refusal = extractor.extract_text("Statsministeren nektet å møte ambassadøren.", lang="nb")
    invitation = extractor.extract_text(
        "The Norwegian government invited Russia to talks.", lang="en"
    )
    assert coded(refusal, "REJECT") == ["nektet"]
    assert coded(invitation, "AGREE") == ["invited"]


@pytest.mark.models
@pytest.mark.parametrize(
    "text",
    [
        "The sooner Russia withdraws its troops from Ukraine, the better.",
        "In any case, the sooner China withdraws its warships from the strait, the better.",
    ],
)
def test_the_first_half_of_a_comparative_correlative_is_conditional(
    extractor: Extractor, text: str
) -> None:
    article = extractor.extract_text(text, lang="en")
    assert coded(article, "RETREAT")
    assert factualities(article) == {"conditional"}


@pytest.mark.models
def test_a_comparative_inside_a_noun_phrase_is_no_condition(extractor: Extractor) -> None:
    text = "Russia withdrew the more heavily armed troops from Ukraine on Monday."
    article = extractor.extract_text(text, lang="en")
    assert coded(article, "RETREAT") == ["withdrew"]
    assert factualities(article) == {"asserted"}


@pytest.mark.models
@pytest.mark.parametrize(
    "text",
    [
        "Statsminister Støre kom til valgvaka til Arbeiderpartiet i Oslo.",
        "Statsminister Støre besøkte valgvaka til Arbeiderpartiet i Oslo.",
        "Utenriksminister Eide kom til landsmøtet til Høyre i Oslo.",
    ],
)
def test_coming_to_a_party_event_is_no_visit(extractor: Extractor, text: str) -> None:
    assert coded(extractor.extract_text(text, lang="nb"), "CONSULT") == []


@pytest.mark.models
def test_coming_to_a_capital_is_still_a_visit(extractor: Extractor) -> None:
    text = "Statsminister Støre kom til Kyiv mandag."
    assert coded(extractor.extract_text(text, lang="nb"), "CONSULT") == ["kom til"]


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Magasinet møtte statsministeren i Oslo."),
        ("sv", "Magasinet träffade statsministern i Stockholm."),
    ],
)
def test_a_magazine_meeting_someone_is_an_interview(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert coded(extractor.extract_text(text, lang=lang), "CONSULT") == []


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Smith travelled to Berlin to rally support for Ukraine."),
        ("da", "Ukraine søger støtte fra Tyskland."),
        ("sv", "Ukraina söker stöd från Tyskland."),
        ("fr", "L'Ukraine cherche le soutien de l'Allemagne."),
    ],
)
def test_support_sought_is_no_support_given(extractor: Extractor, lang: str, text: str) -> None:
    assert coded(extractor.extract_text(text, lang=lang), "SUPPORT") == []


@pytest.mark.models
def test_support_given_is_still_support(extractor: Extractor) -> None:
    article = extractor.extract_text("Germany gave its support to Ukraine.", lang="en")
    assert coded(article, "SUPPORT") == ["support"]


@pytest.mark.models
def test_a_short_quoted_headline_is_no_event(extractor: Extractor) -> None:
    text = "Die Zeitung titelte „Russischer Angriff auf Kiew“."
    assert coded(extractor.extract_text(text, lang="de"), "ASSAULT") == []


@pytest.mark.models
def test_a_scare_quoted_noun_phrase_is_still_an_act(extractor: Extractor) -> None:
    text = 'Smith told reporters the Russian "attack on Kyiv" was a crime.'
    assert coded(extractor.extract_text(text, lang="en"), "ASSAULT") == ["attack"]
