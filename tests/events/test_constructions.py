"""Constructions of whole news articles that report an act without its usual verb
(newsgraph.events.triggers via resources/<lang>/events.toml, newsgraph.events.arguments):
statements in the passive with a by-agent, talks by telephone, agreements entered into or struck,
requests worded as reliance, recommendation or a parliament's resolution, bans on a country's
airline, flights or trade, a rally at a party's call, an assault by named forces, control handed
over to other forces.

Sentences are written for these tests; entities are built by hand (no parse).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Event

from .builders import Ent, FakeGeo, make_article

G = "GPE"
O = "ORG"  # noqa: E741
P = "PER"


def _geo() -> FakeGeo:
    geo = FakeGeo()
    geo.countries.update(
        {"Chile": "CHL", "Peru": "PER", "Norway": "NOR", "Norge": "NOR", "Sverige": "SWE"}
    )
    geo.countries.update({"Sweden": "SWE", "Kenya": "KEN", "Somalia": "SOM", "Pérou": "PER"})
    return geo


def _code(
    text: str, lang: str, entities: Sequence[Ent]
) -> list[tuple[Event, list[str], list[str]]]:
    article = make_article(text, lang, entities)
    names = {entity.id: entity.name for entity in article.entities}
    events = EventCoder(load_lexicon(lang), _geo()).code(article)
    return [(e, [names[i] for i in e.source], [names[i] for i in e.target]) for e in events]


def _of(
    text: str, lang: str, entities: Sequence[Ent], category: str
) -> list[tuple[list[str], list[str]]]:
    return [
        (source, target) for e, source, target in _code(text, lang, entities) if e.type == category
    ]


# ------------------------------------------------------------------ statements in the passive


def test_condemnation_by_members_of_a_body_has_the_body_as_source() -> None:
    text = "The blockade was condemned by members of the Arab League."
    assert _of(text, "en", [Ent("Arab League", O)], "ACCUSE") == [(["Arab League"], [])]


def test_norwegian_passive_condemnation_names_its_agent() -> None:
    text = "Blokaden ble fordømt av Sverige."
    assert (["Sverige"], []) in _of(text, "nb", [Ent("Sverige", G, "SWE")], "ACCUSE")


def test_norwegian_passive_of_a_quality_is_no_condemnation() -> None:
    # "fordømt" without a by-agent is a curse word, not a statement.
    assert (
        _of("Det var en fordømt dag for Sverige.", "nb", [Ent("Sverige", G, "SWE")], "ACCUSE") == []
    )


# ------------------------------------------------------------------ talks by telephone


def test_leaders_who_spoke_on_the_phone_consulted() -> None:
    text = "Chile's president spoke on the phone with Peru's prime minister on Tuesday."
    ents = [Ent("Chile", G, "CHL"), Ent("Peru", G, "PER")]
    assert _of(text, "en", ents, "CONSULT") == [(["Chile"], ["Peru"])]


def test_norwegian_talk_on_the_telephone_is_consultation() -> None:
    text = "Norges statsminister snakket i telefonen med Sveriges statsminister mandag."
    ents = [Ent("Norges", G, "NOR"), Ent("Sveriges", G, "SWE")]
    assert _of(text, "nb", ents, "CONSULT") == [(["Norges"], ["Sveriges"])]


def test_a_phone_that_was_talked_about_is_no_call() -> None:
    # The phone is what is talked about, not how: no consultation.
    text = "Chile's president talked about the phone tax with reporters."
    assert _of(text, "en", [Ent("Chile", G, "CHL")], "CONSULT") == []


# ------------------------------------------------------------------ agreements


def test_entering_into_an_agreement_is_agree() -> None:
    text = "Chile said on Sunday it had entered into an agreement with the government of Peru."
    ents = [Ent("Chile", G, "CHL"), Ent("Peru", G, "PER")]
    assert _of(text, "en", ents, "AGREE") == [(["Chile"], ["Peru"])]


def test_striking_an_accord_is_agree_and_striking_a_base_is_not() -> None:
    ents = [Ent("Chile", G, "CHL"), Ent("Peru", G, "PER")]
    assert _of("Chile struck an accord with Peru on fishing rights.", "en", ents, "AGREE")
    assert not _of("Chile struck a base in Peru.", "en", ents, "AGREE")


def test_strikes_that_broke_a_truce_are_no_agreement() -> None:
    # "strikes" is the attack noun here and the truce is not its object.
    text = "Chilean air strikes on Peru broke the truce on Monday."
    coded = _code(text, "en", [Ent("Chilean", G, "CHL"), Ent("Peru", G, "PER")])
    assert "AGREE" not in [e.type for e, _, _ in coded]


def test_troops_entering_a_town_after_a_ceasefire_reached_no_agreement() -> None:
    text = "Chile's troops entered into the town after the ceasefire with Peru."
    coded = _code(text, "en", [Ent("Chile", G, "CHL"), Ent("Peru", G, "PER")])
    assert "AGREE" not in [e.type for e, _, _ in coded]


# ------------------------------------------------------------------ requests without a request verb


def test_counting_on_a_party_to_act_is_a_request() -> None:
    text = (
        "Sweden's foreign minister said Sweden counts on Kenya to release the detained aid workers."
    )
    ents = [Ent("Sweden", G, "SWE"), Ent("Kenya", G, "KEN")]
    found = _of(text, "en", ents, "REQUEST")
    assert found and all("Kenya" in target for _, target in found)


def test_recommending_that_a_party_withdraw_is_a_request() -> None:
    text = "Chile's foreign minister recommended that Peru withdraw its ambassador."
    coded = _code(text, "en", [Ent("Chile", G, "CHL"), Ent("Peru", G, "PER")])
    assert [(s, t) for e, s, t in coded if e.type == "REQUEST"] == [(["Chile"], ["Peru"])]
    # The withdrawal itself has not happened.
    assert all(e.factuality != "asserted" for e, _, _ in coded if e.type == "RETREAT")


def test_norwegian_recommendation_that_a_party_withdraws_is_a_request() -> None:
    text = "Kenyas statsminister anbefalte at Somalia trekker ut soldatene sine."
    ents = [Ent("Kenyas", G, "KEN"), Ent("Somalia", G, "SOM")]
    assert _of(text, "nb", ents, "REQUEST") == [(["Kenyas"], ["Somalia"])]


def test_resolution_to_expel_troops_is_a_request() -> None:
    text = "The parliament of Kenya voted on a resolution to expel Somali troops from the country."
    ents = [Ent("Kenya", G, "KEN"), Ent("Somali", G, "SOM")]
    assert _of(text, "en", ents, "REQUEST") == [(["Kenya"], ["Somali"])]


def test_norwegian_vote_on_a_resolution_to_expel_is_a_request() -> None:
    text = "Kenyas nasjonalforsamling stemte over en resolusjon om å utvise somaliske soldater."
    ents = [Ent("Kenyas", G, "KEN"), Ent("somaliske", G, "SOM")]
    assert _of(text, "nb", ents, "REQUEST") == [(["Kenyas"], ["somaliske"])]


def test_a_resolution_to_a_conflict_is_no_request() -> None:
    text = "Kenya hopes for a peaceful resolution to the conflict with Somalia."
    ents = [Ent("Kenya", G, "KEN"), Ent("Somalia", G, "SOM")]
    assert _of(text, "en", ents, "REQUEST") == []


def test_french_present_demand_is_a_request() -> None:
    text = "Le Parti vert exige la démission du gouvernement du Pérou."
    ents = [Ent("Parti vert", O, "PER"), Ent("Pérou", G, "PER")]
    assert _of(text, "fr", ents, "REQUEST") == [(["Parti vert"], ["Pérou"])]


# ------------------------------------------------------------------ bans on a country's airline, flights, trade


def test_banning_a_foreign_airline_is_a_sanction() -> None:
    text = "Norway on Tuesday banned the Russian airline Aeroflot from flying in the country."
    coded = _code(text, "en", [Ent("Norway", G, "NOR"), Ent("Aeroflot", O, "RUS")])
    assert [(e.type, s, t) for e, s, t in coded] == [("SANCTION", ["Norway"], ["Aeroflot"])]


def test_restrictions_on_flights_to_a_country_are_a_sanction() -> None:
    text = "The US Department of Transportation announced new restrictions on flights to Peru."
    ents = [Ent("US Department of Transportation", O, "USA"), Ent("Peru", G, "PER")]
    assert _of(text, "en", ents, "SANCTION") == [(["US Department of Transportation"], ["Peru"])]


def test_a_limited_number_of_flights_is_no_sanction() -> None:
    text = "Only a limited number of flights left Peru for Chile on Monday."
    coded = _code(text, "en", [Ent("Peru", G, "PER"), Ent("Chile", G, "CHL")])
    assert "SANCTION" not in [e.type for e, _, _ in coded]


def test_banning_a_party_stays_coercion() -> None:
    text = "Peru banned the Green Party on Monday."
    coded = _code(text, "en", [Ent("Peru", G, "PER"), Ent("Green Party", O, "PER")])
    assert [e.type for e, _, _ in coded] == ["COERCE"]


def test_norwegian_ban_on_a_foreign_airline_and_flight_restrictions_are_sanctions() -> None:
    ban = "Norge forbød fredag det russiske flyselskapet Aeroflot å fly i landet."
    assert _of(ban, "nb", [Ent("Norge", G, "NOR"), Ent("Aeroflot", O, "RUS")], "SANCTION")
    limits = "Norge innførte mandag restriksjoner på flyvninger til Russland."
    ents = [Ent("Norge", G, "NOR"), Ent("Russland", G, "RUS")]
    assert _of(limits, "nb", ents, "SANCTION") == [(["Norge"], ["Russland"])]


# ------------------------------------------------------------------ rallies, assaults, hand-overs (fr)


def test_french_rally_at_a_partys_call_has_the_party_as_source() -> None:
    text = "Des milliers de personnes se sont rassemblées samedi, à l'appel du Parti vert."
    assert _of(text, "fr", [Ent("Parti vert", O, "PER")], "PROTEST") == [(["Parti vert"], [])]


def test_english_march_at_a_partys_call_has_the_party_as_source() -> None:
    text = "Thousands of people marched on Saturday at the call of the Green Party."
    assert _of(text, "en", [Ent("Green Party", O, "PER")], "PROTEST") == [(["Green Party"], [])]


def test_french_assault_of_forces_is_an_assault() -> None:
    text = "Trois civils ont péri lors de l'assaut des forces chiliennes au Pérou."
    ents = [Ent("chiliennes", G, "CHL"), Ent("Pérou", G, "PER")]
    assert any(e.type == "ASSAULT" for e, _, _ in _code(text, "fr", ents))


def test_french_hand_over_of_control_to_other_forces_is_a_retreat() -> None:
    text = "L'armée française a transféré mercredi le contrôle de la province aux forces afghanes."
    ents = [Ent("française", G, "FRA"), Ent("afghanes", G, "AFG")]
    assert _of(text, "fr", ents, "RETREAT") == [(["française"], ["afghanes"])]
