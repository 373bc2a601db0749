"""Grounding: an event needs a political actor and a political sense of its trigger.

Sentences are written for these tests; entities are built by hand (no model).
"""

from __future__ import annotations

import pytest

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.grounding import political_actor
from newsgraph.events.lexicon import PhraseSet, compile_pattern
from newsgraph.model import Article, Entity, Event, Title

from .builders import Ent, FakeGeo, make_article, parsed_article

ORG_WORDS = PhraseSet((compile_pattern("ministry"), compile_pattern("army")))


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def kinds(text: str, lang: str, entities: list[Ent]) -> list[tuple[str, str]]:
    return [(e.type, e.factuality) for e in code(make_article(text, lang, entities))]


def person(*titles: str, canonical: str | None = None) -> Entity:
    found = [Title(text=t, canonical=canonical) for t in titles]
    return Entity(id="e1", name="Kari Nordmann", type="PER", titles=found)


def test_political_actor_person_needs_a_political_title() -> None:
    assert political_actor(
        "PER", person("utenriksminister", canonical="Foreign Minister"), False, ORG_WORDS
    )
    assert political_actor("PER", person("Deputy Defence Minister"), False, ORG_WORDS)
    assert not political_actor("PER", person("chief executive"), False, ORG_WORDS)
    assert not political_actor("PER", person(), False, ORG_WORDS)


def test_political_actor_organisation_by_name_words() -> None:
    ministry = Entity(id="e1", name="Ministry of Health", type="ORG")
    company = Entity(id="e2", name="Acme Widgets", type="ORG")
    assert political_actor("ORG", ministry, False, ORG_WORDS)
    assert not political_actor("ORG", company, False, ORG_WORDS)


def test_political_actor_country_but_not_town() -> None:
    town = Entity(id="e1", name="Springfield", type="GPE", country="USA", lat=1.0, lon=2.0)
    assert political_actor("GPE", town, True, ORG_WORDS)
    assert not political_actor("GPE", town, False, ORG_WORDS)
    assert political_actor("NAT", None, False, ORG_WORDS)


def test_political_actor_sector_from_knowledge_decides_first() -> None:
    company = Entity(id="e1", name="Royal Army Outfitters", type="ORG")
    object.__setattr__(company, "sector", "BUS")
    party = Entity(id="e2", name="Green Future", type="ORG")
    object.__setattr__(party, "sector", "PTY")
    assert not political_actor("ORG", company, False, ORG_WORDS)
    assert political_actor("ORG", party, False, ORG_WORDS)


def test_sport_result_between_towns_is_not_an_assault() -> None:
    text = "Springfield beat up Shelbyville's defence in overtime and won the game."
    entities = [
        Ent("Springfield", "GPE", "USA", lat=1.0, lon=2.0),
        Ent("Shelbyville", "GPE", "USA", lat=3.0, lon=4.0),
    ]
    assert kinds(text, "en", entities) == []


def test_sport_sentence_with_countries_is_not_an_event() -> None:
    text = "Norway attacked relentlessly and Sweden defended well in the World Cup qualifier."
    entities = [Ent("Norway", "GPE", "NOR"), Ent("Sweden", "GPE", "SWE")]
    assert kinds(text, "en", entities) == []


def test_norwegian_sport_sentence_is_not_an_event() -> None:
    text = "Norge angrep hele kampen, men Sverige scoret to mål i ekstraomgangene."
    entities = [Ent("Norge", "GPE", "NOR"), Ent("Sverige", "GPE", "SWE")]
    assert kinds(text, "nb", entities) == []


def test_figurative_attack_is_not_an_event() -> None:
    text = "The senator urged colleagues in Canada to avoid personal attacks during the debate."
    entities = [Ent("Canada", "GPE", "CAN")]
    assert ("ASSAULT", "asserted") not in kinds(text, "en", entities)


def test_market_rally_is_not_a_protest() -> None:
    text = "Stocks rallied in Japan after the central bank kept rates unchanged."
    assert kinds(text, "en", [Ent("Japan", "GPE", "JPN")]) == []


def test_business_dispute_between_companies_is_not_an_event() -> None:
    text = "Acme Widgets accused Globex Corporation of copying its design."
    entities = [Ent("Acme Widgets", "ORG", "USA"), Ent("Globex Corporation", "ORG", "USA")]
    assert kinds(text, "en", entities) == []


def test_accusation_by_a_minister_is_an_event() -> None:
    text = "Foreign Minister Kari Nordmann accused Globex Corporation of breaking the embargo."
    entities = [
        Ent("Kari Nordmann", "PER", "NOR", titles=("Foreign Minister",)),
        Ent("Globex Corporation", "ORG", "USA"),
    ]
    assert ("ACCUSE", "asserted") in kinds(text, "en", entities)


def test_declined_to_comment_is_not_a_rejection() -> None:
    text = "The Chinese embassy in Oslo declined to comment on the report."
    entities = [Ent("Chinese embassy", "ORG", "CHN"), Ent("Oslo", "GPE", "NOR", lat=59.9, lon=10.7)]
    assert kinds(text, "en", entities) == []


def test_norwegian_refusal_to_comment_is_not_a_rejection() -> None:
    text = "Forsvarsdepartementet i Norge avviste å kommentere saken."
    entities = [Ent("Forsvarsdepartementet", "ORG", "NOR"), Ent("Norge", "GPE", "NOR")]
    assert kinds(text, "nb", entities) == []


def test_unnamed_gunmen_ground_an_attack_but_a_private_quarrel_is_not_an_event() -> None:
    town = [Ent("Kharkiv", "GPE", "UKR", lat=50.0, lon=36.2)]
    political = "Gunmen attacked a checkpoint near Kharkiv on Sunday."
    private = "A man attacked his neighbour near Kharkiv on Sunday."
    assert ("ASSAULT", "asserted") in kinds(political, "en", town)
    assert kinds(private, "en", town) == []


def test_demonstration_needs_no_named_political_actor() -> None:
    text = "Thousands demonstrated in Tehran against rising prices."
    entities = [Ent("Tehran", "GPE", "IRN", lat=35.7, lon=51.4)]
    assert ("PROTEST", "asserted") in kinds(text, "en", entities)


def test_international_organisation_without_country_keeps_its_event() -> None:
    text = "The United Nations rejected the request for more observers."
    assert kinds(text, "en", [Ent("United Nations", "ORG")]) == [("REJECT", "asserted")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Russia might attack Ukraine if talks fail.", ("ASSAULT", "conditional")),
        ("en", "Russia will deploy troops to Ukraine next week.", ("THREATEN", "planned")),
        ("en", "Russia never attacked Ukraine.", ("ASSAULT", "negated")),
        ("en", '"Russia attacked Ukraine at dawn," the envoy said.', ("ASSAULT", "claimed")),
        (
            "nb",
            "Russland kan angripe Ukraina hvis samtalene bryter sammen.",
            ("ASSAULT", "conditional"),
        ),
        ("nb", "Russland vil sende soldater til Ukraina neste uke.", ("THREATEN", "planned")),
        ("nb", "Russland angrep ikke Ukraina.", ("ASSAULT", "negated")),
        ("nb", "«Russland angrep Ukraina i natt», sa ambassadøren.", ("ASSAULT", "claimed")),
        ("en", "Russia attacked Ukraine at dawn.", ("ASSAULT", "asserted")),
        ("nb", "Russland angrep Ukraina i natt.", ("ASSAULT", "asserted")),
    ],
)
def test_factuality_of_a_report(lang: str, text: str, expected: tuple[str, str]) -> None:
    names = ("Russia", "Ukraine") if lang == "en" else ("Russland", "Ukraina")
    entities = [Ent(names[0], "GPE", "RUS"), Ent(names[1], "GPE", "UKR")]
    assert expected in kinds(text, lang, entities)


def test_fact_and_its_quoted_repetition_merge_as_a_fact() -> None:
    text = 'Russia attacked Ukraine on Monday. "Russia attacked Ukraine on Monday," the envoy said.'
    entities = [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")]
    assert kinds(text, "en", entities) == [("ASSAULT", "asserted")]


def test_future_support_is_a_promise() -> None:
    text = "Portugal will support Brazil's bid for a seat on the council."
    entities = [Ent("Portugal", "GPE", "PRT"), Ent("Brazil", "GPE", "BRA")]
    assert kinds(text, "en", entities)[:1] == [("AGREE", "planned")]


def test_readiness_for_a_hostile_act_is_a_threat() -> None:
    text = "Chile said it was prepared to impose sanctions on Peru."
    entities = [Ent("Chile", "GPE", "CHL"), Ent("Peru", "GPE", "PER")]
    assert [kind for kind, _ in kinds(text, "en", entities)] == ["THREATEN"]


def test_readiness_to_ease_an_embargo_stays_an_agreement() -> None:
    text = "Chile agreed to lift embargoes on Peru."
    entities = [Ent("Chile", "GPE", "CHL"), Ent("Peru", "GPE", "PER")]
    assert [kind for kind, _ in kinds(text, "en", entities)] == ["AGREE"]


def _parsed(
    text: str, lang: str, entities: list[Ent], parse: list[tuple[str, str, str, int]]
) -> Article:
    """An article whose tokens carry the given (text, pos, dep, head) parse, with no lemmas."""
    return parsed_article(
        text, lang, entities, [(word, "", pos, dep, head) for word, pos, dep, head in parse]
    )


def test_trigger_used_as_an_adjective_reports_nothing() -> None:
    text = "Russia hosted the alleged spy."
    parse = [
        ("Russia", "PROPN", "nsubj", 1),
        ("hosted", "VERB", "ROOT", 1),
        ("the", "DET", "det", 4),
        ("alleged", "VERB", "amod", 4),
        ("spy", "NOUN", "obj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    events = code(_parsed(text, "en", [Ent("Russia", "GPE", "RUS")], parse))
    assert "ACCUSE" not in [e.type for e in events]


def test_pleading_guilty_is_no_request() -> None:
    text = "A former Ukrainian minister pleaded guilty to fraud."
    assert kinds(text, "en", [Ent("Ukraine", "GPE", "UKR")]) == []


def test_tennis_rally_is_no_protest() -> None:
    text = "The top-seeded Spaniard rallied to beat Norway's champion in the first match."
    assert kinds(text, "en", [Ent("Norway", "GPE", "NOR", aliases=("Norway's",))]) == []


def test_country_qualifying_a_non_political_noun_is_no_actor() -> None:
    text = "Ukrainian companies demanded the return of their prepayment."
    assert kinds(text, "en", []) == []


def test_country_qualifying_a_political_noun_is_the_state() -> None:
    text = "Ukrainian officials demanded the return of the prisoners."
    assert ("REQUEST", "asserted") in kinds(text, "en", [])


LAW_WORDS = PhraseSet((compile_pattern("police"), compile_pattern("court")))


def test_law_enforcement_is_no_political_actor_when_law_is_excluded() -> None:
    police = Entity(id="e1", name="Riverside Police Department", type="ORG")
    object.__setattr__(police, "sector", "GOV")
    court = Entity(id="e2", name="Tribunal of Appeal", type="ORG")
    object.__setattr__(court, "sector", "JUD")
    judge = person("judge")
    minister = person("Interior Minister")
    org_words = PhraseSet((compile_pattern("police"), compile_pattern("ministry")))
    assert political_actor("ORG", police, False, org_words)
    assert not political_actor("ORG", police, False, org_words, law_words=LAW_WORDS)
    assert not political_actor("ORG", court, False, org_words, law_words=LAW_WORDS)
    assert political_actor("PER", judge, False, org_words)
    assert not political_actor("PER", judge, False, org_words, law_words=LAW_WORDS)
    assert political_actor("PER", minister, False, org_words, law_words=LAW_WORDS)
    assert political_actor("NAT", None, False, org_words, law_words=LAW_WORDS)


def test_police_arresting_a_private_person_is_crime_news() -> None:
    text = "Police arrested a 34-year-old man in Riverside on Tuesday after the stabbing."
    entities = [Ent("Riverside", "GPE", "USA", lat=1.0, lon=2.0)]
    assert kinds(text, "en", entities) == []


def test_norwegian_police_arresting_a_private_person_is_crime_news() -> None:
    text = "Politiet pågrep en mann i 30-årene i Drammen natt til søndag."
    entities = [Ent("Drammen", "GPE", "NOR", lat=59.7, lon=10.2)]
    assert kinds(text, "nb", entities) == []


def test_judge_sentencing_a_private_person_is_crime_news() -> None:
    text = "Judge Kari Nordmann convicted the burglar of three thefts in Riverside."
    entities = [
        Ent("Kari Nordmann", "PER", "USA", titles=("Judge",)),
        Ent("Riverside", "GPE", "USA", lat=1.0, lon=2.0),
    ]
    assert [kind for kind, _ in kinds(text, "en", entities)] == []


def test_police_acting_against_a_political_target_stays_an_event() -> None:
    text = "Police arrested dozens of protesters outside the parliament in Riverside."
    entities = [Ent("Riverside", "GPE", "USA", lat=1.0, lon=2.0)]
    assert ("COERCE", "asserted") in kinds(text, "en", entities)


def test_police_of_a_named_state_stays_an_event() -> None:
    text = "Egyptian police arrested twelve people in Cairo."
    entities = [Ent("Cairo", "GPE", "EGY", lat=30.0, lon=31.2)]
    assert ("COERCE", "asserted") in kinds(text, "en", entities)


def test_court_convicting_an_office_holder_stays_an_event() -> None:
    text = "A court in Riverside convicted former Mayor Ola Hansen of taking bribes."
    entities = [
        Ent("Riverside", "GPE", "USA", lat=1.0, lon=2.0),
        Ent("Ola Hansen", "PER", "USA", titles=("Mayor",)),
    ]
    assert ("SANCTION", "asserted") in kinds(text, "en", entities)


def test_people_protesting_in_a_place_is_a_demonstration() -> None:
    text = "About 9,000 people protested in Porto against the new tax on Saturday."
    entities = [Ent("Porto", "GPE", "PRT", lat=41.1, lon=-8.6)]
    assert kinds(text, "en", entities) == [("PROTEST", "asserted")]


def test_protest_in_a_written_note_is_no_demonstration() -> None:
    text = "Portugal protested in a note to the embassy of Spain."
    entities = [Ent("Portugal", "GPE", "PRT"), Ent("Spain", "GPE", "ESP")]
    assert ("PROTEST", "asserted") not in kinds(text, "en", entities)


def test_market_moves_are_no_refusal_or_retreat() -> None:
    entities = [Ent("Japan", "GPE", "JPN"), Ent("Chile", "GPE", "CHL")]
    index = "The Nikkei declined 2.1 percent after Japan announced new rules."
    prices = "Copper prices retreated as Chile raised its royalty."
    refusal = "Japan rejected the proposal put forward by Chile."
    assert kinds(index, "en", entities) == []
    assert all(kind != "RETREAT" for kind, _ in kinds(prices, "en", entities))
    assert ("REJECT", "asserted") in kinds(refusal, "en", entities)


def test_team_sport_vocabulary_takes_a_sentence_off_topic() -> None:
    text = "Chile's side attacked Japan's defence again after halftime."
    entities = [Ent("Chile", "GPE", "CHL"), Ent("Japan", "GPE", "JPN")]
    assert kinds(text, "en", entities) == []


def test_capitalised_trigger_inside_a_name_is_no_event() -> None:
    text = "The ministry of Chile will test its Remote Investigating Ocean Drone near the coast."
    assert all(kind != "ACCUSE" for kind, _ in kinds(text, "en", [Ent("Chile", "GPE", "CHL")]))


def test_head_word_of_a_programme_name_still_names_the_act() -> None:
    text = "Japan extended Emergency Grant Aid of 5 million dollars to Chile on Friday."
    entities = [Ent("Japan", "GPE", "JPN"), Ent("Chile", "GPE", "CHL")]
    assert ("AID", "asserted") in kinds(text, "en", entities)


def test_released_statement_is_no_release_but_released_prisoners_are() -> None:
    entities = [Ent("Chile", "GPE", "CHL"), Ent("Peru", "GPE", "PER")]
    statement = "The government of Chile released a long report on Peru on Monday."
    prisoners = "Chile released 14 prisoners from Peru on Monday."
    assert all(kind != "RETREAT" for kind, _ in kinds(statement, "en", entities))
    assert ("RETREAT", "asserted") in kinds(prisoners, "en", entities)


def test_market_demand_and_musical_requests_are_no_requests() -> None:
    entities = [Ent("Chile", "GPE", "CHL")]
    power = "Electricity demand in Chile rose sharply during the heat wave."
    band = "The army band of Chile takes requests every Sunday."
    assert all(kind != "REQUEST" for kind, _ in kinds(power, "en", entities))
    assert all(kind != "REQUEST" for kind, _ in kinds(band, "en", entities))


def test_country_after_an_acronym_or_a_time_word_is_still_a_state() -> None:
    text = "On Monday Russia offered Ukraine a ceasefire."
    entities = [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")]
    assert ("AGREE", "asserted") in kinds(text, "en", entities)
    text = "Etter møtet med EU lovet Russland Kina mer olje."
    entities = [Ent("EU", "ORG"), Ent("Russland", "GPE", "RUS"), Ent("Kina", "GPE", "CHN")]
    assert ("AGREE", "asserted") in kinds(text, "nb", entities)


def test_dateline_place_is_no_party_to_a_local_crime() -> None:
    text = "SKIEN, Norge – En mann angrep naboen sin med kniv fredag kveld."
    entities = [Ent("Norge", "GPE", "NOR")]
    assert kinds(text, "nb", entities) == []
    # The states the report itself names still act.
    text = "OSLO (NTB): Russland angrep Ukraina med droner natt til fredag."
    entities = [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")]
    assert ("ASSAULT", "asserted") in kinds(text, "nb", entities)
