"""Nordic event precision: civil authorities serving the public, modal and requirement senses of
"må"/"måste"/"kræver", and plans and conditions in Bokmål, Danish and Swedish
(newsgraph.events.grounding, newsgraph.events.modals, newsgraph.events.sense,
newsgraph.events.triggers).

Sentences are written for these tests. Most articles carry no parse, so the word-order readings
are tested; the passive modal is also tested on a hand-made Bokmål parse.
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.grounding import political_actor
from newsgraph.model import Entity

from .builders import Ent, FakeGeo, make_article, parsed_article, rows

ACTORS = {
    "nb": [
        Ent("Russland", "GPE", "RUS"),
        Ent("Ukraina", "GPE", "UKR"),
        Ent("Norge", "GPE", "NOR"),
        Ent("Iran", "GPE", "IRN"),
        Ent("Kina", "GPE", "CHN"),
        Ent("Oslo politidistrikt", "ORG", "NOR"),
        Ent("Luftfartstilsynet", "ORG", "NOR"),
        Ent("Helsedirektoratet", "ORG", "NOR"),
        Ent("Espen Barth Eide", "PER", "NOR", titles=("utenriksminister",)),
    ],
    "da": [
        Ent("Rusland", "GPE", "RUS"),
        Ent("Ukraine", "GPE", "UKR"),
        Ent("Danmark", "GPE", "DNK"),
        Ent("Sundhedsstyrelsen", "ORG", "DNK"),
    ],
    "sv": [
        Ent("Ryssland", "GPE", "RUS"),
        Ent("Ukraina", "GPE", "UKR"),
        Ent("Sverige", "GPE", "SWE"),
        Ent("Kina", "GPE", "CHN"),
        Ent("Folkhälsomyndigheten", "ORG", "SWE"),
    ],
}


def coded(text: str, lang: str) -> list[tuple[str, str]]:
    """(category, factuality) of every event coded in one unparsed sentence."""
    entities = [e for e in ACTORS[lang] if e.name in text]
    article = make_article(text, lang, entities)
    return [(e.type, e.factuality) for e in EventCoder(load_lexicon(lang), FakeGeo()).code(article)]


def types(text: str, lang: str) -> list[str]:
    return [category for category, _ in coded(text, lang)]


# Civil authorities: appeals to the public, advice and groundings are administration.


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Politiet ber publikum om tips etter ranet på Grünerløkka."),
        ("nb", "Oslo politidistrikt ber alle som har sett bilen om å ringe."),
        ("nb", "Helsedirektoratet ber alle om å holde avstand i julen."),
        ("da", "Politiet opfordrer borgerne til at holde øje med mistænkelige biler."),
        ("da", "Sundhedsstyrelsen opfordrer alle til at vaske hænder."),
        ("sv", "Polisen uppmanar allmänheten att höra av sig med tips."),
        ("sv", "Folkhälsomyndigheten uppmanar alla att stanna hemma."),
    ],
)
def test_an_appeal_of_police_or_an_agency_to_the_public_is_no_request(lang: str, text: str) -> None:
    assert "REQUEST" not in types(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Regjeringen ber Russland om å trekke styrkene ut av Ukraina."),
        ("nb", "Politiet ber regjeringen om mer penger til beredskap."),
        ("da", "Regeringen opfordrer Rusland til at trække tropperne ud af Ukraine."),
        ("sv", "Regeringen uppmanar Ryssland att dra tillbaka trupperna från Ukraina."),
    ],
)
def test_a_request_of_or_to_a_government_stays_a_request(lang: str, text: str) -> None:
    assert "REQUEST" in types(text, lang)


def test_an_aviation_authority_grounding_an_aircraft_type_is_no_sanction() -> None:
    assert "SANCTION" not in types("Luftfartstilsynet innførte flyforbud for flytypen.", "nb")
    assert "SANCTION" in types("Norge innførte flyforbud mot Russland.", "nb")


def test_an_agency_named_by_a_civil_word_is_no_political_actor_in_civil_categories() -> None:
    lexicon = load_lexicon("nb")
    agency = Entity(id="e1", name="Helsedirektoratet", type="ORG")
    police = Entity(id="e2", name="Oslo politidistrikt", type="ORG")
    ministry = Entity(id="e3", name="Justisdepartementet", type="ORG")
    org_words, civil = lexicon.cue("political_orgs"), lexicon.cue("civil_authorities")
    assert political_actor("ORG", police, False, org_words)
    assert not political_actor("ORG", police, False, org_words, civil_words=civil)
    assert not political_actor("ORG", agency, False, org_words, civil_words=civil)
    assert political_actor("ORG", ministry, False, org_words, civil_words=civil)


# Modal demands: a passive says what must happen, and nobody is asked.


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Sanksjonene må oppheves, sier Kinas utenriksminister."),
        ("da", "De må inddrages i overvejelserne, siger Danmarks statsminister."),
        ("sv", "Gränsen måste stängas, säger Sveriges utrikesminister."),
    ],
)
def test_a_modal_over_a_passive_is_no_demand(lang: str, text: str) -> None:
    assert "REQUEST" not in types(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Statsministeren mener Russland snart må trekke styrkene ut av Ukraina."),
        ("da", "Statsministeren mener, at Rusland må trække tropperne tilbage."),
        ("sv", "Statsministern anser att Ryssland måste dra tillbaka trupperna."),
    ],
)
def test_a_modal_under_a_verb_of_belief_is_an_opinion(lang: str, text: str) -> None:
    assert "REQUEST" not in types(text, lang)


def test_a_parsed_passive_under_the_modal_is_no_demand() -> None:
    text = "Grensen må stenges, sier Norges utenriksminister."
    parse = rows(
        """
        Grensen NOUN nsubj:pass 2
        må AUX aux 2
        stenges VERB ccomp 5
        , PUNCT punct 5
        sier VERB ROOT 5
        Norges PROPN nmod 7
        utenriksminister NOUN nsubj 5
        . PUNCT punct 5
        """
    )
    article = parsed_article(text, "nb", [Ent("Norges", "GPE", "NOR")], parse)
    events = EventCoder(load_lexicon("nb"), FakeGeo()).code(article)
    assert "REQUEST" not in [e.type for e in events]


# Requirement: a thing that requires, costs or needs demands nothing.


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Projektet kræver, at regeringen i Danmark bevilger flere penge."),
        ("da", "Det kræver en ny aftale mellem Danmark og Rusland."),
        ("da", "Det er en opgave, der kræver, at Danmark og Rusland taler sammen."),
        ("sv", "Arbetet kräver att regeringen i Sverige skjuter till pengar."),
        ("sv", "Det kräver ett nytt avtal mellan Sverige och Ryssland."),
    ],
)
def test_a_thing_that_requires_makes_no_demand(lang: str, text: str) -> None:
    assert "REQUEST" not in types(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Regeringen kræver at Rusland trækker tropperne ud af Ukraine."),
        ("da", "I dag kræver Danmark, at Rusland trækker tropperne tilbage."),
        ("sv", "Regeringen kräver att Ryssland drar tillbaka trupperna."),
        ("sv", "Sverige kräver att Ryssland drar tillbaka trupperna från Ukraina."),
    ],
)
def test_an_actor_that_demands_still_makes_a_demand(lang: str, text: str) -> None:
    assert "REQUEST" in types(text, lang)


def test_bearing_ones_share_of_the_responsibility_is_no_request() -> None:
    assert "REQUEST" not in types("Norge ber sin del av ansvaret for krisen i Ukraina.", "nb")
    assert "REQUEST" in types("Norge ber Russland om å trekke styrkene ut av Ukraina.", "nb")


# Plans and conditions: coded with their factuality, never as facts.


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Regjeringen tar sikte på å innføre nye sanksjoner mot Iran."),
        ("nb", "Kina har planer om å sende soldater til grensen mot Russland."),
        ("da", "Regeringen planlægger at indføre sanktioner mod Rusland."),
        ("da", "Danmark agter at indføre sanktioner mod Rusland."),
        ("sv", "Regeringen avser att införa sanktioner mot Ryssland."),
        ("sv", "Sverige har planer på att införa sanktioner mot Ryssland."),
    ],
)
def test_a_planned_act_is_not_coded_as_a_fact(lang: str, text: str) -> None:
    found = coded(text, lang)
    assert found
    assert all(factuality in ("planned", "conditional") for _, factuality in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Regjeringen innførte nye sanksjoner mot Iran."),
        ("da", "Danmark indførte sanktioner mod Rusland."),
        ("sv", "Sverige införde sanktioner mot Ryssland."),
    ],
)
def test_a_reported_sanction_stays_a_fact(lang: str, text: str) -> None:
    assert ("SANCTION", "asserted") in coded(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Såfremt Rusland angriber Ukraine, vil Danmark sende våben."),
        ("sv", "Förutsatt att Ryssland attackerar Ukraina skickar Sverige vapen."),
        ("nb", "Forutsatt at Russland angriper Ukraina, sender Norge våpen."),
    ],
)
def test_an_act_under_a_condition_is_no_fact(lang: str, text: str) -> None:
    found = [(c, f) for c, f in coded(text, lang) if c == "ASSAULT"]
    assert found
    assert all(factuality != "asserted" for _, factuality in found)


# The whole pipeline (nb, da and sv are parsed): who is asked to act decides.


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "demand"),
    [
        ("nb", "Russland må trekke styrkene ut av Ukraina, sier Norges utenriksminister.", True),
        ("nb", "Sanksjonene må oppheves, sier Kinas utenriksminister.", False),
        ("nb", "Regjeringen krever at Russland trekker styrkene ut av Ukraina.", True),
        ("nb", "Politiet ber publikum om tips etter ranet i Bergen.", False),
        ("da", "Rusland må trække tropperne tilbage, siger Danmarks udenrigsminister.", True),
        ("da", "Politiet opfordrer borgerne til at holde øje med mistænkelige biler.", False),
        ("sv", "Ryssland måste dra tillbaka trupperna, säger Sveriges utrikesminister.", True),
        ("sv", "Regeringen kräver att Ryssland drar tillbaka trupperna.", True),
        ("sv", "Arbetet kräver att regeringen i Sverige skjuter till pengar.", False),
        ("sv", "Inför ministerrådets beslut måste Sverige svara på den frågan.", False),
        ("nb", "Ordføreren mener Høyre snart må ta ansvar for eldreomsorgen.", False),
        ("nb", "Kravet om kirkemedlemskap for statsrådene ble opphevet i 2012.", False),
        ("nb", "Russland la fram et krav om at Ukraina trekker styrkene ut.", True),
        ("nb", "Russlands krav om at Ukraina trekker styrkene ut ble avvist av Kiev.", True),
    ],
)
def test_a_demand_needs_an_actor_asking_an_addressable_party(
    extractor: Extractor, lang: str, text: str, demand: bool
) -> None:
    events = extractor.extract_text(text, lang=lang).events
    assert ("REQUEST" in [e.type for e in events]) is demand


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Regeringen planlægger at indføre sanktioner mod Iran."),
        ("sv", "Regeringen avser att införa sanktioner mot Ryssland."),
        ("nb", "Regjeringen tar sikte på å innføre sanksjoner mot Iran."),
    ],
)
def test_a_parsed_plan_is_not_coded_as_a_fact(extractor: Extractor, lang: str, text: str) -> None:
    events = extractor.extract_text(text, lang=lang).events
    assert events
    assert all(e.factuality != "asserted" for e in events)
